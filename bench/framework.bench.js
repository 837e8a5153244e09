/** GET /api/health through the whole production app vs a bare node:http JSON server. */
import { interleave, resultRow, startApiOn } from './lib/harness.js';
import { closedLoop, fixedRate, makePool } from './lib/load.js';
import { startBaseline, takePort } from './lib/proc.js';

export default {
  name: 'framework',
  description: 'GET /api/health (all global hooks, guards, pipes, filters, logging) vs bare node:http JSON',
  async run(ctx) {
    const api = await startApiOn(ctx);
    const baseline = await startBaseline('http-json', { port: await takePort() });
    try {
      const connections = 32;
      const apiPool = makePool(api.base, connections);
      const basePool = makePool(baseline.base, connections);
      const apiReq = () => ({ path: '/api/health' });
      const baseReq = () => ({ path: '/health' });
      const rate = ctx.smoke ? 100 : 1000;
      await closedLoop(apiPool, { connections, durationMs: ctx.warmupSeconds * 1000, next: apiReq });
      await closedLoop(basePool, { connections, durationMs: ctx.warmupSeconds * 1000, next: baseReq });
      const ms = ctx.seconds * 1000;
      const r = await interleave(ctx, {
        baseTput: () => closedLoop(basePool, { connections, durationMs: ms, next: baseReq }),
        apiTput: () => closedLoop(apiPool, { connections, durationMs: ms, next: apiReq }),
        baseRate: () => fixedRate(basePool, { rate, durationMs: ms, next: baseReq }),
        apiRate: () => fixedRate(apiPool, { rate, durationMs: ms, next: apiReq }),
      });
      await apiPool.close();
      await basePool.close();
      const all = Object.values(r).flat();
      const errors = all.reduce((n, x) => n + x.errors, 0);
      const row = resultRow({
        bench: 'framework',
        case: 'GET /api/health',
        unit: 'req/s',
        subject: r.apiTput.map((x) => x.rps),
        baseline: r.baseTput.map((x) => x.rps),
        baselineName: 'bare node:http',
        p95: r.apiRate.map((x) => x.p95),
        baselineP95: r.baseRate.map((x) => x.p95),
        target: `≥ 0.5× (p95 at ${rate} req/s)`,
        errors: errors ? `${errors} failed, e.g. ${all.find((x) => x.firstError).firstError}` : 0,
      });
      row.met = row.ratio >= 0.5;
      return [row];
    } finally {
      await api.stop();
      await baseline.stop();
    }
  },
};
