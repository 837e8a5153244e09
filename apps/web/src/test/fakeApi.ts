import type { ErrorBody, ErrorCode, LoginResponse, Role, UserDto } from '@treffpunkt/contracts';
import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
  /** The query string of the call. */
  query: URLSearchParams;
  headers: Headers;
}

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function apiError(status: number, code: ErrorCode, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { statusCode: status, code, message: code, correlationId: 'corr-1' };
  return json(status, body, headers);
}

/**
 * A fetch stand-in answering from a route table keyed "METHOD /path" (query ignored).
 * A list of handlers answers successive calls in order (the last one repeats).
 */
export function fakeFetch(routes: Record<string, Handler | Handler[]>) {
  const calls: RecordedCall[] = [];
  const counters = new Map<string, number>();
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const [path = '', search = ''] = url.replace(/^https?:\/\/[^/]+/, '').split('?');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const call: RecordedCall = {
      method,
      path,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      authorization: headers.get('Authorization'),
      query: new URLSearchParams(search),
      headers,
    };
    calls.push(call);
    const key = `${method} ${path}`;
    const entry = routes[key];
    if (!entry) return apiError(404, 'NOT_FOUND');
    if (typeof entry === 'function') return entry(call);
    const index = counters.get(key) ?? 0;
    counters.set(key, index + 1);
    const handler = entry[Math.min(index, entry.length - 1)];
    if (!handler) return apiError(404, 'NOT_FOUND');
    return handler(call);
  });
  return {
    fetch: fn as unknown as typeof fetch,
    calls,
    callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key),
  };
}

export function makeUser(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    displayName: 'Anna Schmidt',
    handle: 'anna.schmidt',
    role: 'advisor' satisfies Role,
    organisation: { id: 'org-1', name: 'Beratungsstelle Magdeburg', type: 'service_point', city: 'Magdeburg' },
    email: 'anna@example.org',
    status: 'active',
    locale: 'de',
    languages: ['Deutsch', 'Dari'],
    expertise: ['Anerkennung'],
    phone: null,
    bio: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function session(user: UserDto = makeUser(), accessToken = 'token-1'): LoginResponse {
  return { accessToken, expiresIn: 900, user };
}
