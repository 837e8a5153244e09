import { ErrorCode, Routes, type ErrorBody, type LoginResponse, type PiiFinding } from '@treffpunkt/contracts';

/** Client-side failure codes that never come from the API. */
export const ClientErrorCode = {
  Network: 'NETWORK_ERROR',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** Any failed call: carries the API's stable error code so the UI can translate it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly correlationId: string | undefined;
  readonly details: string[] | undefined;
  /** Seconds from a 429's Retry-After header. */
  readonly retryAfter: number | undefined;
  /** What the personal-data check found (422 PII_SUSPECTED). */
  readonly findings: PiiFinding[] | undefined;

  constructor(
    status: number,
    code: ErrorCode | ClientErrorCode,
    message: string,
    extra: { correlationId?: string; details?: string[]; retryAfter?: number; findings?: PiiFinding[] } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.correlationId = extra.correlationId;
    this.details = extra.details;
    this.retryAfter = extra.retryAfter;
    this.findings = extra.findings;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /**
   * Set for calls where a 401 is an answer, not an expired session
   * (login, refresh, logout, public invitation/reset endpoints).
   */
  skipRefresh?: boolean;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
}

type FetchFn = typeof fetch;

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<ErrorBody>).code === 'string' &&
  typeof (value as Partial<ErrorBody>).statusCode === 'number';

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 409) return ErrorCode.Conflict;
  if (status === 413) return ErrorCode.PayloadTooLarge;
  if (status === 429) return ErrorCode.TooManyRequests;
  if (status === 502 || status === 503 || status === 504) return ErrorCode.ServiceUnavailable;
  if (status >= 400 && status < 500) return ErrorCode.ValidationFailed;
  return ErrorCode.InternalError;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.code, body.message, {
      correlationId: body.correlationId,
      ...(body.details ? { details: body.details } : {}),
      ...(Array.isArray(body.findings) ? { findings: body.findings } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });
  }
  return new ApiError(response.status, fallbackCode(response.status), response.statusText, {
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  });
}

/**
 * Typed REST client. The access token lives only in this object's memory (never in web
 * storage); the refresh token is an httpOnly cookie the browser sends to /api/auth.
 *
 * On a 401 it refreshes once — concurrent 401s share one refresh — and retries the call.
 * If the refresh fails, the session is cleared and `onSessionExpired` listeners decide
 * where to go (the SPA navigates to /login?next=…).
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<LoginResponse | null> | null = null;
  private readonly fetchFn: FetchFn;
  private readonly sessionListeners = new Set<(session: LoginResponse) => void>();
  private readonly expiryListeners = new Set<() => void>();

  constructor(options: ApiClientOptions = {}) {
    // Resolve the global lazily so tests (and polyfills) can replace it after import.
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get token(): string | null {
    return this.accessToken;
  }

  /** Store a fresh session (login, invitation acceptance, refresh) and tell listeners. */
  setSession(session: LoginResponse): void {
    this.accessToken = session.accessToken;
    for (const listener of this.sessionListeners) listener(session);
  }

  clearSession(): void {
    this.accessToken = null;
  }

  /** Called whenever a refresh yields a new session (so the UI can update the user). */
  onSession(listener: (session: LoginResponse) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  /** Called when a call got 401 and the refresh failed too. */
  onSessionExpired(listener: () => void): () => void {
    this.expiryListeners.add(listener);
    return () => this.expiryListeners.delete(listener);
  }

  get<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: 'GET' });
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: 'POST', body });
  }

  patch<T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: 'PATCH', body });
  }

  put<T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: 'PUT', body });
  }

  delete<T = undefined>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: 'DELETE' });
  }

  /**
   * Try to get a new access token from the refresh cookie. Resolves to the new session,
   * or null when there is none. Concurrent callers share one request.
   */
  refresh(): Promise<LoginResponse | null> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const tokenUsed = this.accessToken;
    let response = await this.send(path, options, tokenUsed);

    if (response.status === 401 && !options.skipRefresh) {
      // Another call may have refreshed while this one was in flight: then just retry.
      const retryToken =
        this.accessToken !== null && this.accessToken !== tokenUsed ? this.accessToken : (await this.refresh())?.accessToken;
      if (!retryToken) {
        this.expire();
        throw await toApiError(response);
      }
      response = await this.send(path, options, retryToken);
      if (response.status === 401) {
        this.expire();
      }
    }

    if (!response.ok) throw await toApiError(response);
    if (response.status === 204 || response.status === 202) {
      return (await this.readOptionalJson(response)) as T;
    }
    return (await response.json()) as T;
  }

  private async readOptionalJson(response: Response): Promise<unknown> {
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  private async send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
    };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    if (options.signal) init.signal = options.signal;
    try {
      return await this.fetchFn(path, init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, ClientErrorCode.Network, 'Network request failed');
    }
  }

  private async doRefresh(): Promise<LoginResponse | null> {
    const run = async (): Promise<LoginResponse | null> => {
      let response: Response;
      try {
        response = await this.send(Routes.auth.refresh, { method: 'POST' }, null);
      } catch {
        return null;
      }
      if (!response.ok) return null;
      const session = (await response.json()) as LoginResponse;
      this.setSession(session);
      return session;
    };
    // Refresh tokens rotate (reuse revokes the family): serialise refreshes across tabs
    // so a second tab sends the already-rotated cookie instead of the old one.
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request('treffpunkt-auth-refresh', run) : run();
  }

  private expire(): void {
    this.accessToken = null;
    for (const listener of this.expiryListeners) listener();
  }
}

/** The app's one client. */
export const api = new ApiClient();
