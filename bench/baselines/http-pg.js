/**
 * Baseline: bare node:http + a raw `pg` pool replaying, for each request, exactly the statements
 * (SQL and parameters) the API sent to PostgreSQL for the same request. The statements are
 * captured from the running API by bench/lib/sql-capture.js in the same benchmark run, so this
 * baseline cannot drift from the product's SQL. GET /replay/<case> runs them in order on one
 * connection (as named prepared statements where the product prepares them) and answers the rows
 * of the largest result as JSON.
 *
 * env: DATABASE_URL, BENCH_REPLAY_FILE (JSON {<case>: [{sql, params}]}), BENCH_POOL_SIZE
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';

const cases = JSON.parse(readFileSync(process.env.BENCH_REPLAY_FILE, 'utf8'));
/** Statements the product prepares are prepared here too, one name per text. */
const names = new Map(
  Object.values(cases)
    .flat()
    .filter((s) => s.prepared)
    .map((s, i) => [s.sql, `replay_${i}`]),
);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BENCH_POOL_SIZE ?? 20) });

async function replay(statements) {
  const client = await pool.connect();
  try {
    let largest = [];
    for (const { sql, params, prepared } of statements) {
      const result = prepared
        ? await client.query({ name: names.get(sql), text: sql, values: params })
        : params.length > 0
          ? await client.query(sql, params)
          : await client.query(sql);
      if (result.rows && result.rows.length > largest.length) largest = result.rows;
    }
    return largest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const server = createServer((req, res) => {
  const send = (status, value) => {
    const body = JSON.stringify(value);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  if (req.url === '/health') return send(200, { status: 'ok' });
  const name = /^\/replay\/([\w~-]+)$/.exec(req.url ?? '')?.[1];
  const statements = name ? cases[name] : undefined;
  if (!statements) return send(404, { code: 'NOT_FOUND' });
  replay(statements).then(
    (rows) => send(200, { items: rows }),
    (error) => send(500, { code: 'ERROR', message: error.message }),
  );
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
