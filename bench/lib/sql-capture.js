/**
 * A TCP proxy between the API and PostgreSQL that records the SQL the API sends (simple `Query`
 * messages, and each extended-protocol `Bind` with the text of its `Parse`d statement, named
 * statements included). The benchmarks use it once per endpoint to check that
 * a raw baseline runs exactly the statements the product runs, so the two cannot drift apart.
 */
import { createConnection, createServer } from 'node:net';

/** Whitespace-insensitive form of a statement, for comparisons. */
export function normaliseSql(sql) {
  return sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
}

/** The parameter values of a Bind message (text format, as node-postgres sends them). */
function bindParams(body) {
  let at = body.indexOf(0) + 1; // portal
  at = body.indexOf(0, at) + 1; // statement
  const formats = body.readInt16BE(at);
  at += 2 + 2 * formats;
  const count = body.readInt16BE(at);
  at += 2;
  const params = [];
  for (let i = 0; i < count; i++) {
    const length = body.readInt32BE(at);
    at += 4;
    if (length < 0) params.push(null);
    else {
      params.push(body.toString('utf8', at, at + length));
      at += length;
    }
  }
  return params;
}

/** Statements the API's background jobs send on their own schedule (not part of a request). */
const BACKGROUND = [/FROM mail_outbox/, /^LISTEN /, /^UNLISTEN /];
export function isBackground(sql) {
  return BACKGROUND.some((re) => re.test(sql.trim()));
}

/**
 * Starts the proxy on `port` in front of the server of `databaseUrl`. Returns the URL to give the
 * API, and `take()` which returns (and forgets) the statements `{sql, params}` seen since the
 * last call, background jobs' statements left out.
 */
export async function startSqlCapture(databaseUrl, port) {
  const target = new URL(databaseUrl);
  let seen = [];
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    sockets.add(client);
    sockets.add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    /** Statement texts of this connection by name ('' = the unnamed one). */
    const statements = new Map();
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 4) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          if (code !== 80877103) started = true; // SSLRequest comes before the real startup message
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const body = buffer.subarray(5, 1 + length);
        if (type === 'Q') seen.push({ sql: body.toString('utf8', 0, body.indexOf(0)), params: [] });
        if (type === 'P') {
          // a named statement is parsed once per connection and then only bound: remember its text
          const nameEnd = body.indexOf(0);
          statements.set(body.toString('utf8', 0, nameEnd), body.toString('utf8', nameEnd + 1, body.indexOf(0, nameEnd + 1)));
        }
        if (type === 'B') {
          const portalEnd = body.indexOf(0);
          const name = body.toString('utf8', portalEnd + 1, body.indexOf(0, portalEnd + 1));
          const sql = statements.get(name);
          // `prepared`: the product runs it as a named prepared statement (the baselines do the same)
          if (sql !== undefined) seen.push({ sql, params: bindParams(body), ...(name ? { prepared: true } : {}) });
        }
        buffer = buffer.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    take() {
      const out = seen.filter((s) => !isBackground(s.sql));
      seen = [];
      return out;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
