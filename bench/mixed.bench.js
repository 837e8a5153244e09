/**
 * The "extranet day": the request mix of bench/lib/mix.js with 1,000 socket.io clients connected,
 * at stepped fixed rates; the result is the highest rate with p95 < 100 ms and no errors.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { login, resultRow, sleep, startApiOn } from './lib/harness.js';
import { fixedRate, makePool } from './lib/load.js';
import { prepareMix } from './lib/mix.js';
import { ROOT, sampleRss } from './lib/proc.js';

const MiB = 1024 * 1024;

export default {
  name: 'mixed',
  description: 'extranet-day request mix with 1,000 sockets connected: max req/s at p95 < 100 ms, 0 errors',
  async run(ctx) {
    const steps = ctx.smoke ? [10, 20] : [100, 200, 300, 400, 500, 600, 700, 800, 1000, 1200];
    const sockets = ctx.smoke ? 20 : 1000;
    const best = [];
    const p95AtBest = [];
    const peaks = [];
    const log = [];
    for (let run = 0; run < ctx.runs; run++) {
      const api = await startApiOn(ctx);
      const clients = fork(join(ROOT, 'bench/lib/socket-clients.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const call = (msg) =>
        new Promise((resolve, reject) => {
          clients.once('message', (reply) => (reply.ok ? resolve(reply) : reject(new Error(reply.error))));
          clients.send(msg);
        });
      try {
        const token = await login(api.base, ctx, 'advisor');
        const { connected } = await call({ cmd: 'connect', url: api.base, token, threadId: ctx.manifest.replyThreadId, count: sockets });
        if (connected !== sockets) throw new Error(`only ${connected} of ${sockets} sockets connected`);
        const mix = await prepareMix(ctx, api.base);
        const pool = makePool(api.base, 128);
        await fixedRate(pool, { rate: steps[0], durationMs: ctx.warmupSeconds * 1000, next: mix.next });
        let passed = 0;
        let passedP95 = NaN;
        const sampler = sampleRss(api.pid);
        let offset = 0;
        for (const rate of steps) {
          const r = await fixedRate(pool, { rate, durationMs: ctx.seconds * 1000, next: (i) => mix.next(offset + i) });
          offset += r.sent;
          log.push(`run ${run + 1}: ${rate}/s → p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors${r.firstError ? ` (${r.firstError})` : ''}`);
          ctx.log(`  ${log[log.length - 1]}`);
          if (r.errors > 0 || r.p95 >= 100) break;
          passed = rate;
          passedP95 = r.p95;
          await sleep(500);
        }
        peaks.push(sampler.stop());
        best.push(passed);
        p95AtBest.push(passedP95);
        await pool.close();
      } finally {
        await call({ cmd: 'close' }).catch(() => undefined);
        clients.kill('SIGKILL');
        await api.stop();
      }
    }
    ctx.notes.push(`mixed: ${log.join('; ')}`);
    const row = resultRow({
      bench: 'mixed',
      case: `max rate at p95 < 100 ms, 0 errors, ${sockets} sockets`,
      unit: 'req/s',
      subject: best,
      p95: p95AtBest.filter((x) => !Number.isNaN(x)),
      target: '≥ 500 req/s',
      errors: 0,
    });
    row.met = Math.min(...best) >= 500;
    const rss = resultRow({
      bench: 'mixed',
      case: 'API peak RSS during the steps',
      unit: 'MiB',
      subject: peaks.map((p) => p / MiB),
      target: 'reported',
      met: null,
      errors: 0,
    });
    if (best.some((b) => b === 0)) ctx.notes.push('mixed: a run did not pass even the lowest rate');
    return [row, rss];
  },
};
