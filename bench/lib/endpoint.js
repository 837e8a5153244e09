/**
 * The read benchmarks' common shape: an API endpoint against bare node:http + raw pg replaying the
 * very statements the API ran for the same request (captured in this run), interleaved:
 *   - throughput, closed loop (ratio subject ÷ baseline),
 *   - p95 at a fixed rate, open loop (the issue's latency target).
 */
import { captureRequest, interleave, login, resultRow, startApiOn, workDir, writeJson } from './harness.js';
import { closedLoop, fixedRate, makePool, requestJson } from './load.js';
import { startBaseline, takePort } from './proc.js';

/**
 * `cases`: [{name, who, path(state, k) → string, variants?, prepare?(base, token) → state}]: each
 * case is one request repeated (the same person, the same page), or `variants` requests taken in
 * turn (e.g. search terms). Captures the statements of each: {`<case>~<k>`: [{sql, params}]}.
 */
export async function captureCases(ctx, cases) {
  const api = await startApiOn(ctx, { capture: true });
  const captured = {};
  try {
    for (const c of cases) {
      const token = await login(api.base, ctx, c.who);
      const state = c.prepare ? await c.prepare(api.base, token) : {};
      c.state = state;
      for (let k = 0; k < (c.variants ?? 1); k++) {
        const { statements } = await captureRequest(api, () => requestJson(api.base, 'GET', c.path(state, k), { token }));
        if (statements.length === 0) throw new Error(`${c.name}: no SQL captured`);
        captured[`${c.name}~${k}`] = statements;
      }
      ctx.log(`  ${c.name}: ${captured[`${c.name}~0`].length} statements per request captured`);
    }
  } finally {
    await api.stop();
  }
  return captured;
}

export async function startReplayBaseline(ctx, captured) {
  const dir = workDir(ctx, 'replay');
  const file = writeJson(dir, 'replay.json', captured);
  return startBaseline('http-pg', { port: await takePort(), env: { DATABASE_URL: ctx.db.url, BENCH_REPLAY_FILE: file } });
}

/**
 * Measures every case against the replay baseline. `rate`: requests/s of the open-loop p95 run;
 * `target(ratio, p95)` → met.
 */
export async function compareWithReplay(ctx, { bench, cases, rate, connections = 16, targetText, target, afterCase }) {
  const captured = await captureCases(ctx, cases);
  const baseline = await startReplayBaseline(ctx, captured);
  const api = await startApiOn(ctx);
  const rows = [];
  try {
    const apiPool = makePool(api.base, connections * 2);
    const basePool = makePool(baseline.base, connections * 2);
    for (const c of cases) {
      const token = await login(api.base, ctx, c.who);
      const headers = { authorization: `Bearer ${token}` };
      const n = c.variants ?? 1;
      const subjectReq = (i) => ({ path: c.path(c.state, i % n), headers });
      const baseReq = (i) => ({ path: `/replay/${c.name}~${i % n}` });
      // warm-up: JIT, pools, PostgreSQL's cache
      await closedLoop(apiPool, { connections, durationMs: ctx.warmupSeconds * 1000, next: subjectReq });
      await closedLoop(basePool, { connections, durationMs: ctx.warmupSeconds * 1000, next: baseReq });
      const ms = ctx.seconds * 1000;
      const r = await interleave(ctx, {
        baseTput: () => closedLoop(basePool, { connections, durationMs: ms, next: baseReq }),
        apiTput: () => closedLoop(apiPool, { connections, durationMs: ms, next: subjectReq }),
        baseRate: () => fixedRate(basePool, { rate, durationMs: ms, next: baseReq }),
        apiRate: () => fixedRate(apiPool, { rate, durationMs: ms, next: subjectReq }),
      });
      const errors = [...r.apiTput, ...r.apiRate, ...r.baseTput, ...r.baseRate].reduce((n, x) => n + x.errors, 0);
      const firstError = [...r.apiTput, ...r.apiRate, ...r.baseTput, ...r.baseRate].find((x) => x.firstError)?.firstError;
      const row = resultRow({
        bench,
        case: `${c.name} (${captured[`${c.name}~0`].length} stmts)`,
        unit: 'req/s',
        subject: r.apiTput.map((x) => x.rps),
        baseline: r.baseTput.map((x) => x.rps),
        baselineName: 'node:http + pg, same SQL',
        p50: r.apiRate.map((x) => x.p50),
        p95: r.apiRate.map((x) => x.p95),
        baselineP95: r.baseRate.map((x) => x.p95),
        target: targetText,
        errors: errors ? `${errors} failed requests, e.g. ${firstError}` : 0,
      });
      const sorted = [...row.p95].sort((a, b) => a - b);
      row.met = target(row.ratio, sorted[Math.floor(sorted.length / 2)]);
      ctx.log(
        `  ${c.name}: ${row.subject.map((v) => v.toFixed(0)).join('/')} vs ${row.baseline.map((v) => v.toFixed(0)).join('/')} req/s, p95@${rate}/s ${row.p95.map((v) => v.toFixed(1)).join('/')} ms vs ${row.baselineP95.map((v) => v.toFixed(1)).join('/')} ms`,
      );
      rows.push(row);
      if (afterCase) rows.push(...(await afterCase(c, row, captured)));
    }
    await apiPool.close();
    await basePool.close();
  } finally {
    await api.stop();
    await baseline.stop();
  }
  return rows;
}
