/**
 * German full-text search over the posts: rare, medium and common terms (each class's terms taken
 * in turn). Baselines: node:http + pg replaying the same SQL; the same SQL through `pgbench -f`
 * (the floor, p95 at the same fixed rate); and the naive `ILIKE '%term%'` scan.
 */
import { compareWithReplay } from './lib/endpoint.js';
import { median, resultRow } from './lib/harness.js';
import { pgbenchAvailable, renderStatement, runPgbench, script } from './lib/pgbench.js';

const terms = (value) => (Array.isArray(value) ? value : [value]).filter(Boolean);

/** What a search without full-text index would do: scan every post body for the substring. */
function ilikeScript(term, spaceIds) {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return script([
    {
      text: renderStatement({
        sql: `SELECT p.id, p.thread_id, p.seq, t.space_id, t.title, p.author_id, p.created_at, left(p.body, 300) AS snippet
                FROM posts p JOIN threads t ON t.id = p.thread_id
               WHERE p.body ILIKE $1 AND p.deleted_at IS NULL AND t.deleted_at IS NULL AND t.space_id = ANY($2::uuid[])
               ORDER BY p.created_at DESC LIMIT 21`,
        params: [pattern, spaceIds],
      }),
    },
  ]);
}

export default {
  name: 'search',
  description: 'full-text search, rare/medium/common terms, vs the same SQL (node:http + pg, pgbench) and vs ILIKE',
  async run(ctx) {
    // BENCH_SEARCH_CLASSES=rare,medium limits the run to some classes (e.g. where one cannot finish)
    const only = (process.env.BENCH_SEARCH_CLASSES ?? '').split(',').filter(Boolean);
    const classes = ['rare', 'medium', 'common']
      .filter((name) => only.length === 0 || only.includes(name))
      .map((name) => ({
        name,
        terms: terms(ctx.manifest.searchTerms[name]).slice(0, ctx.smoke ? 1 : 5),
      }));
    const rate = ctx.smoke ? 10 : 20;
    const canPgbench = pgbenchAvailable();
    if (!canPgbench) ctx.notes.push('search: pgbench is not installed — the SQL floor and the ILIKE baseline are unavailable');
    return compareWithReplay(ctx, {
      bench: 'search',
      rate,
      connections: 8,
      targetText: 'see the floor / ILIKE lines',
      target: () => null,
      cases: classes.map((c) => ({
        name: c.name,
        who: 'advisor',
        variants: c.terms.length,
        path: (_state, k) => `/api/search?q=${encodeURIComponent(c.terms[k])}`,
      })),
      afterCase: async (c, row, captured) => {
        if (!canPgbench) return [];
        const scripts = Object.entries(captured)
          .filter(([key]) => key.startsWith(`${c.name}~`))
          .map(([, statements]) => script(statements.map((st) => ({ text: renderStatement(st) }))));
        const floors = [];
        for (let run = 0; run < ctx.runs; run++) {
          floors.push(await runPgbench(ctx.db.url, scripts, { clients: 4, seconds: ctx.seconds, rate }));
        }
        const apiP95 = median(row.p95);
        const floorP95 = median(floors.map((f) => f.p95));
        const floor = resultRow({
          bench: 'search',
          case: `${c.name}: p95 vs SQL floor at ${rate}/s`,
          unit: 'ms',
          subject: row.p95,
          baseline: floors.map((f) => f.p95),
          baselineName: 'pgbench, same SQL',
          target: 'p95 ≤ 1.3× floor + 2 ms',
          errors: floors.reduce((n, f) => n + f.failed, 0),
        });
        floor.met = apiP95 <= 1.3 * floorP95 + 2;
        // the substring scan, once per term (it reads every post)
        const spaceIds = captured[`${c.name}~0`].find((st) => /websearch_to_tsquery/.test(st.sql))?.params[1];
        const ilike = [];
        for (const term of classes.find((x) => x.name === c.name).terms.slice(0, ctx.smoke ? 1 : 3)) {
          ilike.push((await runPgbench(ctx.db.url, ilikeScript(term, spaceIds), { clients: 1, transactions: 1 })).mean);
        }
        const scan = resultRow({
          bench: 'search',
          case: `${c.name}: ILIKE '%term%' time, ratio ÷ API p50`,
          unit: 'ms',
          subject: ilike,
          baselineName: 'ILIKE scan (subject column)',
          target: '≥ 100× faster than ILIKE',
          errors: 0,
        });
        scan.p95 = row.p95;
        scan.ratio = median(ilike) / median(row.p50);
        scan.met = scan.ratio >= 100;
        return [floor, scan];
      },
    });
  },
};
