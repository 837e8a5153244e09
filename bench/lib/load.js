/**
 * Load generation with undici: an open-loop fixed-rate scheduler (latency measured from the
 * moment a request was due, so a slow server cannot hide its queue — no coordinated omission) and
 * a closed-loop "as fast as it answers" mode for throughput ratios. Percentiles are exact: every
 * latency is kept and sorted (a few tens of thousands per run).
 */
import { Pool } from 'undici';

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(latencies, { sent, errors, firstError, elapsedMs }) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    sent,
    ok: latencies.length - errors,
    errors,
    firstError,
    elapsedMs,
    rps: ((latencies.length - errors) / elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

export function makePool(origin, connections = 64) {
  return new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 30_000, bodyTimeout: 60_000 });
}

/**
 * Sends one request; resolves to an error text or null. `spec` is
 * `{method, path, headers, body, expect}` (expect: the status wanted, default 200).
 */
async function send(pool, spec) {
  try {
    const res = await pool.request({ method: spec.method ?? 'GET', path: spec.path, headers: spec.headers, body: spec.body });
    let size = 0;
    for await (const chunk of res.body) size += chunk.length;
    const expect = spec.expect ?? 200;
    if (res.statusCode !== expect) return `${spec.method ?? 'GET'} ${spec.path}: ${res.statusCode} (wanted ${expect})`;
    if (spec.check) return spec.check(res, size);
    return null;
  } catch (error) {
    return `${spec.method ?? 'GET'} ${spec.path}: ${error.code ?? error.message}`;
  }
}

/**
 * Open loop: `rate` requests per second for `durationMs`, whatever the server does. `next(i)`
 * builds the i-th request. Each latency counts from when the request was due.
 */
export async function fixedRate(pool, { rate, durationMs, next }) {
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const interval = 1000 / rate;
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const inFlight = new Set();
  const start = performance.now();
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && start + i * interval <= now) {
      const due = start + i * interval;
      const p = send(pool, next(i)).then((error) => {
        latencies.push(performance.now() - due);
        if (error) {
          errors++;
          firstError ??= error;
        }
        inFlight.delete(p);
      });
      inFlight.add(p);
      i++;
    }
    const wait = start + i * interval - performance.now();
    await new Promise((r) => (wait > 1 ? setTimeout(r, Math.min(wait, 50)) : setImmediate(r)));
  }
  await Promise.all(inFlight);
  return summary(latencies, { sent: total, errors, firstError, elapsedMs: performance.now() - start });
}

/** Closed loop: `connections` clients each sending the next request as soon as the last one answered. */
export async function closedLoop(pool, { connections, durationMs, next }) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  let i = 0;
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const error = await send(pool, next(i++));
        latencies.push(performance.now() - t);
        if (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  return summary(latencies, { sent: i, errors, firstError, elapsedMs: performance.now() - start });
}

/** One request, its JSON body returned (for set-up steps and correctness checks). */
export async function requestJson(base, method, path, { token, body, expect } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const wanted = expect ?? (method === 'POST' ? [200, 201] : [200]);
  if (!wanted.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}
