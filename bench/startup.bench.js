/**
 * Cold start of the built API to its first 200 (the database already up and migrated), idle RSS,
 * and RSS under a steady mixed load — vs a bare node:http server's start and RSS.
 */
import { interleave, resultRow, sleep, startApiOn } from './lib/harness.js';
import { fixedRate, makePool } from './lib/load.js';
import { prepareMix } from './lib/mix.js';
import { sampleRss, startBaseline, takePort } from './lib/proc.js';

const MiB = 1024 * 1024;

export default {
  name: 'startup',
  description: 'cold start to the first 200, idle RSS, RSS under mixed load; vs bare node:http',
  async run(ctx) {
    const r = await interleave(ctx, {
      baseline: async () => {
        const b = await startBaseline('http-json', { port: await takePort() });
        await sleep(ctx.smoke ? 200 : 2000);
        const rss = b.rss();
        await b.stop();
        return { readyMs: b.readyMs, rss };
      },
      api: async () => {
        const api = await startApiOn(ctx);
        await sleep(ctx.smoke ? 200 : 2000);
        const rss = api.rss();
        await api.stop();
        return { readyMs: api.readyMs, rss };
      },
    });
    // RSS under the mixed load (a moderate fixed rate, so it measures memory, not saturation)
    const api = await startApiOn(ctx);
    let loadedPeak;
    let loadRun;
    try {
      const mix = await prepareMix(ctx, api.base);
      const pool = makePool(api.base, 64);
      const rate = ctx.smoke ? 20 : 100;
      const sampler = sampleRss(api.pid);
      loadRun = await fixedRate(pool, { rate, durationMs: ctx.seconds * 2000, next: mix.next });
      loadedPeak = sampler.stop();
      await pool.close();
      await mix.close();
    } finally {
      await api.stop();
    }
    const mib = (xs) => xs.map((x) => x / MiB);
    const ready = resultRow({
      bench: 'startup',
      case: 'cold start → first 200',
      unit: 'ms',
      subject: r.api.map((x) => x.readyMs),
      baseline: r.baseline.map((x) => x.readyMs),
      baselineName: 'bare node:http',
      target: '< 2000 ms',
      errors: 0,
    });
    ready.met = Math.max(...ready.subject) < 2000;
    const idle = resultRow({
      bench: 'startup',
      case: 'idle RSS',
      unit: 'MiB',
      subject: mib(r.api.map((x) => x.rss)),
      baseline: mib(r.baseline.map((x) => x.rss)),
      baselineName: 'bare node:http',
      target: '< 150 MiB',
      errors: 0,
    });
    idle.met = Math.max(...idle.subject) < 150;
    const loaded = resultRow({
      bench: 'startup',
      case: `peak RSS, mixed load at ${loadRun.sent / (ctx.seconds * 2)} req/s`,
      unit: 'MiB',
      subject: [loadedPeak / MiB],
      p95: [loadRun.p95],
      target: 'reported',
      met: null,
      errors: loadRun.errors ? `${loadRun.errors} failed, e.g. ${loadRun.firstError}` : 0,
    });
    return [ready, idle, loaded];
  },
};
