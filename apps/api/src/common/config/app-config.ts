import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Validated configuration. Built once at boot from the environment (plus overrides in tests). */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: LogLevel;
  trustProxy: boolean;
  /** Requests per minute per IP across the API (login has its own, stricter throttle). */
  rateLimitPerMinute: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Serve the built SPA from this directory when it exists. */
  webDistDir: string | null;
  seedDemo: boolean;
  /** Largest file one upload may carry (bytes). */
  uploadMaxBytes: number;
  /** Stored bytes per space: every version of every document, trash included (bytes). */
  spaceQuotaBytes: number;
  /** Documents and folders in the trash are deleted for good after this many days. */
  documentTrashDays: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${key} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${key} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function url(env: Env, key: string, protocols: string[]): string | null {
  const raw = env[key];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${key} must be a URL (${protocols.join(', ')}), got an unparsable value`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(`${key} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

/** Reads the JWT secret from the environment or from DATA_DIR, generating it once. */
function jwtSecret(env: Env, dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long');
    return raw;
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

export function loadConfig(env: Env = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const dataDir = resolve(overrides.dataDir ?? env.DATA_DIR ?? './.data');
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const publicUrl = (url(env, 'PUBLIC_URL', ['http', 'https']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const mailFrom = env.MAIL_FROM ?? 'Treffpunkt <no-reply@treffpunkt.local>';
  if (!/^[^\r\n]*@[^\r\n]+$/.test(mailFrom)) throw new ConfigError(`MAIL_FROM must contain an e-mail address`);
  const base: AppConfig = {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres', 'postgresql']),
    dataDir,
    jwtSecret: overrides.jwtSecret ?? jwtSecret(env, dataDir),
    publicUrl,
    smtpUrl: url(env, 'SMTP_URL', ['smtp', 'smtps']),
    mailFrom,
    logLevel,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 10, 900),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    webDistDir: null,
    seedDemo: bool(env, 'SEED_DEMO', true),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 100 * 1024 * 1024, 1, Number.MAX_SAFE_INTEGER),
    spaceQuotaBytes: int(env, 'SPACE_QUOTA_BYTES', 5 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    documentTrashDays: int(env, 'DOCUMENT_TRASH_DAYS', 30, 1, 3650),
  };
  return { ...base, ...overrides };
}
