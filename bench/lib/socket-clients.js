/**
 * A separate process holding many socket.io clients (websocket transport), so the load generator
 * and the clients do not starve each other. Driven over IPC:
 *   {cmd:'connect', url, token, threadId, count}  → {ok, connected, joined}
 *   {cmd:'collect', postId, expected, timeoutMs}  → {times: [epoch ms of each receipt]}
 *   {cmd:'close'}
 * Receipt times are `performance.timeOrigin + performance.now()`, comparable across processes.
 */
import { io } from 'socket.io-client';

const sockets = [];
/** postId → receipt times */
const received = new Map();
const waiters = new Map();
const now = () => performance.timeOrigin + performance.now();

function onPost(payload) {
  const t = now();
  const list = received.get(payload.postId) ?? [];
  list.push(t);
  received.set(payload.postId, list);
  const waiter = waiters.get(payload.postId);
  if (waiter && list.length >= waiter.expected) waiter.done();
}

async function connectOne(url, token, threadId) {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  socket.on('thread:post-created', onPost);
  const ack = await socket.timeout(30_000).emitWithAck('thread:join', { threadId });
  sockets.push(socket);
  return ack?.ok === true;
}

process.on('message', async (msg) => {
  try {
    if (msg.cmd === 'connect') {
      let joined = 0;
      for (let i = 0; i < msg.count; i += 100) {
        const batch = Array.from({ length: Math.min(100, msg.count - i) }, () => connectOne(msg.url, msg.token, msg.threadId));
        joined += (await Promise.all(batch)).filter(Boolean).length;
      }
      process.send({ ok: true, connected: sockets.filter((s) => s.connected).length, joined });
    } else if (msg.cmd === 'collect') {
      const have = received.get(msg.postId)?.length ?? 0;
      if (have < msg.expected) {
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, msg.timeoutMs);
          waiters.set(msg.postId, { expected: msg.expected, done: () => (clearTimeout(timer), resolve()) });
        });
      }
      waiters.delete(msg.postId);
      process.send({ ok: true, times: received.get(msg.postId) ?? [] });
      received.delete(msg.postId);
    } else if (msg.cmd === 'close') {
      for (const s of sockets) s.disconnect();
      process.send({ ok: true });
      setTimeout(() => process.exit(0), 100);
    }
  } catch (error) {
    process.send({ ok: false, error: String(error?.message ?? error) });
  }
});
