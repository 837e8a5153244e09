/**
 * POST /api/threads/:id/posts on a thread with 50 watchers (notifications written, socket emit
 * after commit) vs `pgbench -f` running the statements the API ran for one such reply — the
 * database floor. The script is built from the SQL captured in this run: the new post's sequence
 * id comes from the script's own reply statement (`\gset`).
 */
import { captureRequest, interleave, login, resultRow, startApiOn } from './lib/harness.js';
import { closedLoop, fixedRate, makePool, requestJson } from './lib/load.js';
import { pgbenchAvailable, renderStatement, runPgbench, script } from './lib/pgbench.js';

const BODY = 'Danke für den Hinweis. Wir haben die Unterlagen zur Anerkennung geprüft und melden uns bis Freitag.';

/**
 * The captured reply as a pgbench script: the statement that writes the post stores its id with
 * `\gset p_` (p_id), and every later parameter that names the post uses :p_id instead.
 */
export function replyScript(statements, { postId }) {
  const out = [];
  let written = false;
  for (const st of statements) {
    const variables = (value) =>
      written && typeof value === 'string' && value.includes(postId) ? `'${value.replace(/'/g, "''").replaceAll(postId, ':p_id')}'` : null;
    const text = renderStatement(st, variables);
    if (!written && /INSERT INTO posts/.test(st.sql)) {
      out.push({ text, meta: '\\gset p_' });
      written = true;
    } else out.push({ text });
  }
  return script(out);
}

export default {
  name: 'reply',
  description: 'a reply to a thread with 50 watchers vs pgbench of the same statements',
  async run(ctx) {
    const threadId = ctx.manifest.replyThreadId;
    const send = (base, token) => requestJson(base, 'POST', `/api/threads/${threadId}/posts`, { token, body: { body: BODY } });
    const capturing = await startApiOn(ctx, { capture: true });
    let text;
    try {
      const token = await login(capturing.base, ctx, 'advisor');
      const { statements, result } = await captureRequest(capturing, () => send(capturing.base, token));
      text = replyScript(statements, { postId: result.post.id });
      ctx.log(`  reply: ${statements.length} statements per reply captured`);
    } finally {
      await capturing.stop();
    }
    if (!text.includes(':p_id') || !text.includes('\\gset')) throw new Error('reply: captured SQL does not have the expected shape');
    const canPgbench = pgbenchAvailable();
    if (!canPgbench) ctx.notes.push('reply: pgbench is not installed — the database floor is unavailable');

    const api = await startApiOn(ctx);
    try {
      const token = await login(api.base, ctx, 'advisor');
      const connections = 8;
      const pool = makePool(api.base, connections * 2);
      const req = () => ({
        method: 'POST',
        path: `/api/threads/${threadId}/posts`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: BODY }),
        expect: 201,
      });
      const rate = ctx.smoke ? 10 : 50;
      const ms = ctx.seconds * 1000;
      await closedLoop(pool, { connections, durationMs: ctx.warmupSeconds * 1000, next: req });
      if (canPgbench) await runPgbench(ctx.db.url, text, { clients: connections, seconds: ctx.warmupSeconds });
      const steps = {
        apiTput: () => closedLoop(pool, { connections, durationMs: ms, next: req }),
        apiRate: () => fixedRate(pool, { rate, durationMs: ms, next: req }),
      };
      if (canPgbench) {
        steps.pgTput = () => runPgbench(ctx.db.url, text, { clients: connections, seconds: ctx.seconds });
        steps.pgRate = () => runPgbench(ctx.db.url, text, { clients: connections, seconds: ctx.seconds, rate });
      }
      const r = await interleave(ctx, steps);
      await pool.close();
      const apiRuns = [...r.apiTput, ...r.apiRate];
      const errors =
        apiRuns.reduce((n, x) => n + x.errors, 0) + [...(r.pgTput ?? []), ...(r.pgRate ?? [])].reduce((n, x) => n + x.failed, 0);
      const row = resultRow({
        bench: 'reply',
        case: `POST reply, 50 watchers (p95 at ${rate}/s)`,
        unit: 'writes/s',
        subject: r.apiTput.map((x) => x.rps),
        baseline: r.pgTput?.map((x) => x.tps) ?? [],
        baselineName: canPgbench ? 'pgbench, same statements' : 'pgbench unavailable',
        p95: r.apiRate.map((x) => x.p95),
        baselineP95: r.pgRate?.map((x) => x.p95) ?? [],
        target: `≥ 0.4×; p95 ≤ 40 ms at ${rate} writes/s`,
        errors: errors ? `${errors} failed, e.g. ${apiRuns.find((x) => x.firstError)?.firstError ?? 'in pgbench'}` : 0,
      });
      const p95 = [...row.p95].sort((a, b) => a - b)[Math.floor(row.p95.length / 2)];
      row.met = canPgbench ? row.ratio >= 0.4 && p95 <= 40 : null;
      return [row];
    } finally {
      await api.stop();
    }
  },
};
