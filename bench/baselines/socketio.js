/**
 * Baseline: a bare socket.io server (the same socket.io version as the API, websocket transport)
 * that lets clients join a thread room and, on POST /emit/<threadId>, emits the same
 * `thread:post-created` payload the API emits to that room.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  const threadId = /^\/emit\/([\w-]+)$/.exec(req.url ?? '')?.[1];
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  } else if (req.method === 'POST' && threadId) {
    const payload = { threadId, postId: randomUUID(), seq: 1, authorId: randomUUID() };
    io.to(`thread:${threadId}`).emit('thread:post-created', payload);
    const body = JSON.stringify({ post: { id: payload.postId } });
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } else {
    res.writeHead(404).end();
  }
});
const io = new Server(http, { path: '/socket.io', serveClient: false, transports: ['websocket', 'polling'] });
io.on('connection', (socket) => {
  socket.on('thread:join', async (payload, ack) => {
    await socket.join(`thread:${payload?.threadId}`);
    if (typeof ack === 'function') ack({ ok: true });
  });
});
http.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => io.close(() => process.exit(0)));
