import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody } from '@treffpunkt/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('platform: errors, headers, docs, SPA', () => {
  let t: TestApp;
  let web: string;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'treffpunkt-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><html lang="de"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log("app")');
    t = await startTestApp({ webDistDir: web });
  });

  afterAll(async () => {
    await t.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('answers health and readiness', async () => {
    expect((await request(t.url).get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await request(t.url).get('/api/health/ready')).body).toEqual({ status: 'ok', database: 'up' });
  });

  it('gives unknown API routes a JSON 404 in the error shape, not the SPA', async () => {
    for (const path of ['/api/unknown', '/api/auth/nothing', '/api']) {
      const res = await request(t.url).get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect((res.body as ErrorBody).correlationId).toEqual(expect.any(String));
    }
  });

  it('leaves /socket.io to the socket server (JSON error, never the SPA)', async () => {
    const res = await request(t.url).get('/socket.io/x');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.text).not.toContain('<div id="root">');
  });

  it('serves the SPA for client routes and its assets with long caching', async () => {
    const page = await request(t.url).get('/profil');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await request(t.url).get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await request(t.url).get('/')).text).toContain('<div id="root">');
  });

  it('sends strict security headers on API responses', async () => {
    const res = await request(t.url).get('/api/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('echoes a well-formed correlation id and generates one otherwise', async () => {
    const res = await request(t.url).get('/api/nothing-here').set('X-Correlation-Id', 'abc-12345678');
    expect(res.headers['x-correlation-id']).toBe('abc-12345678');
    expect((res.body as ErrorBody).correlationId).toBe('abc-12345678');
    const bad = await request(t.url).get('/api/nothing-here').set('X-Correlation-Id', '<script>');
    expect(bad.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('maps malformed JSON and wrong content types to 4xx in the error shape without internals', async () => {
    const res = await request(t.url).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|SELECT /);
    const tooBig = await request(t.url)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024), password: 'y' }));
    expect(tooBig.status).toBe(413);
    expect((tooBig.body as ErrorBody).code).toBe('PAYLOAD_TOO_LARGE');
    const form = await request(t.url).post('/api/auth/login').set('Content-Type', 'text/plain').send('hello');
    expect(form.status).toBe(415);
    expect((form.body as ErrorBody).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('validates path parameters (400) before touching the database', async () => {
    const res = await request(t.url).get('/api/organisations/not-a-uuid').set('Authorization', 'Bearer x');
    expect([400, 401]).toContain(res.status);
  });

  it('publishes the OpenAPI document and the docs UI', async () => {
    const json = await request(t.url).get('/api/docs-json');
    expect(json.status).toBe(200);
    const doc = json.body as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/invitations', '/api/users/me']));
    const ui = await request(t.url).get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    // its inline <style> is allowed there only; scripts stay same-origin
    expect(ui.headers['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(ui.headers['content-security-policy']).toMatch(/script-src 'self';/);
  });

  it('serves the docs UI assets, the YAML document and JSON 404s under the docs path', async () => {
    const init = await request(t.url).get('/api/docs/swagger-ui-init.js').set('X-Correlation-Id', 'docs-12345678');
    expect(init.status).toBe(200);
    expect(init.headers['content-type']).toMatch(/application\/javascript/);
    expect(init.headers['x-correlation-id']).toBe('docs-12345678');
    expect(init.text).toContain('/api/auth/login');
    const css = await request(t.url).get('/api/docs/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect(css.headers['x-content-type-options']).toBe('nosniff');
    const yaml = await request(t.url).get('/api/docs-yaml');
    expect(yaml.status).toBe(200);
    expect(yaml.text).toMatch(/^openapi: 3\./);
    const head = await request(t.url).head('/api/docs');
    expect(head.status).toBe(200);
    const missing = await request(t.url).get('/api/docs/no-such-file.js').set('X-Correlation-Id', 'docs-87654321');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /api/docs/no-such-file.js',
      correlationId: 'docs-87654321',
    });
    const license = await request(t.url).get('/api/docs/LICENSE');
    expect(license.status).toBe(404);
  });
});

describe('platform: rate limiting', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimitPerMinute: 5 });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After in the error shape once the per-IP budget is used up', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await request(t.url).get('/api/organisations');
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses[6]).toBe(429);
    expect(last!.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
