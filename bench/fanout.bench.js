/**
 * A reply seen by 1,000 and 5,000 connected socket.io clients (websocket transport, one separate
 * client process): delivery latency from sending the reply to each client's receipt, 100 %
 * delivered, and RSS per connection — vs a bare socket.io server emitting the same payload to the
 * same number of clients (triggered over HTTP the same way).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { interleave, login, resultRow, sleep, startApiOn } from './lib/harness.js';
import { percentile } from './lib/load.js';
import { ROOT, startBaseline, takePort } from './lib/proc.js';

const MiB = 1024 * 1024;

function clientProcess() {
  const child = fork(join(ROOT, 'bench/lib/socket-clients.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const call = (msg) =>
    new Promise((resolve, reject) => {
      child.once('message', (reply) => (reply.ok ? resolve(reply) : reject(new Error(reply.error))));
      child.send(msg);
    });
  return { call, kill: () => child.kill('SIGKILL') };
}

/** Connects `count` clients to `server`, sends `posts` replies one after another, returns per-receipt latencies. */
async function measure(server, { count, posts, token, threadId, trigger }) {
  const clients = clientProcess();
  try {
    const rssBefore = server.rss();
    const { connected, joined } = await clients.call({ cmd: 'connect', url: server.base, token, threadId, count });
    if (connected !== count || joined !== count) throw new Error(`only ${connected} connected / ${joined} joined of ${count}`);
    await sleep(500);
    const rssPerConnection = (server.rss() - rssBefore) / count;
    // one reply not counted: the first after a start pays for loading the Markdown renderer and
    // sanitiser (lazily imported) and for warming the statement caches, once per process
    const warmId = await trigger(posts);
    await clients.call({ cmd: 'collect', postId: warmId, expected: count, timeoutMs: 15_000 });
    await sleep(200);
    const latencies = [];
    let delivered = 0;
    for (let i = 0; i < posts; i++) {
      const t0 = performance.timeOrigin + performance.now();
      const postId = await trigger(i);
      const { times } = await clients.call({ cmd: 'collect', postId, expected: count, timeoutMs: 15_000 });
      delivered += times.length;
      for (const t of times) latencies.push(t - t0);
      await sleep(200);
    }
    const sorted = Float64Array.from(latencies).sort();
    return {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1],
      delivered,
      expected: count * posts,
      rssPerConnection,
    };
  } finally {
    await clients.call({ cmd: 'close' }).catch(() => undefined);
    clients.kill();
  }
}

export default {
  name: 'fanout',
  description: 'a reply delivered to 1,000 and 5,000 socket.io clients vs a bare socket.io server',
  async run(ctx) {
    const threadId = ctx.manifest.replyThreadId;
    const sizes = ctx.smoke ? [50] : [1000, 5000];
    const posts = ctx.smoke ? 2 : 5;
    const rows = [];
    for (const count of sizes) {
      const r = await interleave(ctx, {
        baseline: async () => {
          const server = await startBaseline('socketio', { port: await takePort() });
          try {
            return await measure(server, {
              count,
              posts,
              token: 'none',
              threadId,
              trigger: async () => {
                const res = await fetch(`${server.base}/emit/${threadId}`, { method: 'POST' });
                return (await res.json()).post.id;
              },
            });
          } finally {
            await server.stop();
          }
        },
        api: async () => {
          const api = await startApiOn(ctx);
          try {
            const token = await login(api.base, ctx, 'advisor');
            return await measure(api, {
              count,
              posts,
              token,
              threadId,
              trigger: async (i) => {
                const res = await fetch(`${api.base}/api/threads/${threadId}/posts`, {
                  method: 'POST',
                  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                  body: JSON.stringify({ body: `Fanout-Messung ${i}: Hinweis an alle Beteiligten.` }),
                });
                if (res.status !== 201) throw new Error(`reply: ${res.status} ${await res.text()}`);
                return (await res.json()).post.id;
              },
            });
          } finally {
            await api.stop();
          }
        },
      });
      const lost = r.api.reduce((n, x) => n + x.expected - x.delivered, 0) + r.baseline.reduce((n, x) => n + x.expected - x.delivered, 0);
      const delivery = resultRow({
        bench: 'fanout',
        case: `${count} clients, delivery p95 (${posts} replies/run)`,
        unit: 'ms',
        subject: r.api.map((x) => x.p95),
        baseline: r.baseline.map((x) => x.p95),
        baselineName: 'bare socket.io',
        p95: r.api.map((x) => x.p95),
        baselineP95: r.baseline.map((x) => x.p95),
        target: 'p95 ≤ 1.5×; 100 % delivered',
        errors: lost ? `${lost} deliveries missing` : 0,
      });
      delivery.met = delivery.ratio <= 1.5 && lost === 0;
      rows.push(delivery);
      rows.push(
        resultRow({
          bench: 'fanout',
          case: `${count} clients, RSS per connection`,
          unit: 'KiB',
          subject: r.api.map((x) => (x.rssPerConnection * 1024) / MiB),
          baseline: r.baseline.map((x) => (x.rssPerConnection * 1024) / MiB),
          baselineName: 'bare socket.io',
          target: 'reported',
          met: null,
          errors: 0,
        }),
      );
    }
    return rows;
  },
};
