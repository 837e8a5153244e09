import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'treffpunkt-config-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('has working defaults on an empty environment', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      smtpUrl: null,
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      trustProxy: false,
    });
    expect(config.accessTokenTtlSeconds).toBeLessThanOrEqual(900);
  });

  it('generates the JWT secret once, keeps it private under DATA_DIR and reuses it', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o077).toBe(0);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must use postgres or postgresql, got "mysql:"'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL (postgres, postgresql), got an unparsable value'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL must use smtp or smtps, got "http:"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false, got "maybe"'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL must use http or https, got "ftp:"'],
  ])('refuses %p with a one-line message', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new ConfigError(message));
  });

  it('never echoes a secret-bearing URL in its message', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://user:hunter2@[bad' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it('trims a trailing slash from PUBLIC_URL and accepts explicit values', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      PORT: '8080',
      PUBLIC_URL: 'https://treffpunkt.example/',
      DATABASE_URL: 'postgres://a:b@db:5432/tp',
      TRUST_PROXY: 'true',
      JWT_SECRET: 'x'.repeat(40),
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://treffpunkt.example',
      databaseUrl: 'postgres://a:b@db:5432/tp',
      trustProxy: true,
    });
  });
});
