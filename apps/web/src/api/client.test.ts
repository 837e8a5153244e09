import { Routes } from '@treffpunkt/contracts';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeFetch, json, makeUser, session } from '../test/fakeApi';
import { ApiClient, ApiError } from './client';

const ME = `GET ${Routes.auth.me}`;
const REFRESH = `POST ${Routes.auth.refresh}`;

describe('ApiClient', () => {
  it('sends the in-memory access token as a bearer token', async () => {
    const server = fakeFetch({ [ME]: () => json(200, makeUser()) });
    const client = new ApiClient({ fetch: server.fetch });
    client.setSession(session(makeUser(), 'abc'));

    await client.get(Routes.auth.me);

    expect(server.calls[0]?.authorization).toBe('Bearer abc');
  });

  it('refreshes once on a 401 and retries the call with the new token', async () => {
    const fresh = session(makeUser({ displayName: 'Anna S.' }), 'new-token');
    const server = fakeFetch({
      [ME]: (call) => (call.authorization === 'Bearer new-token' ? json(200, makeUser()) : apiError(401, 'UNAUTHENTICATED')),
      [REFRESH]: () => json(200, fresh),
    });
    const client = new ApiClient({ fetch: server.fetch });
    const onSession = vi.fn();
    const onExpired = vi.fn();
    client.onSession(onSession);
    client.onSessionExpired(onExpired);
    client.setSession(session(makeUser(), 'old-token'));
    onSession.mockClear();

    const me = await client.get(Routes.auth.me);

    expect(me).toEqual(makeUser());
    expect(server.calls.map((c) => `${c.method} ${c.path} ${c.authorization ?? ''}`)).toEqual([
      `${ME} Bearer old-token`,
      `${REFRESH} `,
      `${ME} Bearer new-token`,
    ]);
    expect(client.token).toBe('new-token');
    expect(onSession).toHaveBeenCalledWith(fresh);
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('shares one refresh between concurrent calls that all got 401', async () => {
    let releaseRefresh: (response: Response) => void = () => undefined;
    const server = fakeFetch({
      [ME]: (call) => (call.authorization === 'Bearer new-token' ? json(200, makeUser()) : apiError(401, 'UNAUTHENTICATED')),
      [REFRESH]: () => new Promise<Response>((resolve) => (releaseRefresh = resolve)),
    });
    const client = new ApiClient({ fetch: server.fetch });
    client.setSession(session(makeUser(), 'old-token'));

    const calls = Promise.all([client.get(Routes.auth.me), client.get(Routes.auth.me), client.get(Routes.auth.me)]);
    await vi.waitFor(() => {
      expect(server.callsTo(REFRESH)).toHaveLength(1);
    });
    releaseRefresh(json(200, session(makeUser(), 'new-token')));
    await calls;

    expect(server.callsTo(REFRESH)).toHaveLength(1);
    expect(server.callsTo(ME).filter((c) => c.authorization === 'Bearer new-token')).toHaveLength(3);
  });

  it('clears the session and reports expiry when the refresh fails', async () => {
    const server = fakeFetch({
      [ME]: () => apiError(401, 'UNAUTHENTICATED'),
      [REFRESH]: () => apiError(401, 'SESSION_EXPIRED'),
    });
    const client = new ApiClient({ fetch: server.fetch });
    const onExpired = vi.fn();
    client.onSessionExpired(onExpired);
    client.setSession(session(makeUser(), 'old-token'));

    const error = await client.get(Routes.auth.me).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(client.token).toBeNull();
    expect(onExpired).toHaveBeenCalledTimes(1);
    // No second attempt without a token.
    expect(server.callsTo(ME)).toHaveLength(1);
  });

  it('does not try to refresh when a 401 is the answer itself (wrong login)', async () => {
    const server = fakeFetch({ [`POST ${Routes.auth.login}`]: () => apiError(401, 'INVALID_CREDENTIALS') });
    const client = new ApiClient({ fetch: server.fetch });
    const onExpired = vi.fn();
    client.onSessionExpired(onExpired);

    const error = await client.post(Routes.auth.login, { email: 'a@b.de', password: 'x' }, { skipRefresh: true }).catch((e: unknown) => e);

    expect((error as ApiError).code).toBe('INVALID_CREDENTIALS');
    expect(server.callsTo(REFRESH)).toHaveLength(0);
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('retries with the token another call already refreshed instead of refreshing again', async () => {
    const client = new ApiClient({
      fetch: fakeFetch({
        [ME]: (call) => {
          if (call.authorization === 'Bearer old-token') {
            // Meanwhile a concurrent refresh stored a new token.
            client.setSession(session(makeUser(), 'newer-token'));
            return apiError(401, 'UNAUTHENTICATED');
          }
          return json(200, makeUser());
        },
      }).fetch,
    });
    client.setSession(session(makeUser(), 'old-token'));
    const refresh = vi.spyOn(client, 'refresh');

    await client.get(Routes.auth.me);

    expect(refresh).not.toHaveBeenCalled();
  });

  it('exposes the error code, correlation id and Retry-After of a failed call', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.login}`]: () => apiError(429, 'TOO_MANY_REQUESTS', { 'Retry-After': '120' }),
    });
    const client = new ApiClient({ fetch: server.fetch });

    const error = (await client.post(Routes.auth.login, {}, { skipRefresh: true }).catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(429);
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.retryAfter).toBe(120);
    expect(error.correlationId).toBe('corr-1');
  });

  it('maps a body-less error and a network failure to stable codes', async () => {
    const client = new ApiClient({
      fetch: fakeFetch({ [ME]: () => new Response('<html>Bad gateway</html>', { status: 502 }) }).fetch,
    });
    client.setSession(session());
    await expect(client.get(Routes.auth.me)).rejects.toMatchObject({ status: 502, code: 'SERVICE_UNAVAILABLE' });

    const offline = new ApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(offline.get(Routes.auth.me)).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('returns undefined for 204 responses', async () => {
    const client = new ApiClient({ fetch: fakeFetch({ [`POST ${Routes.auth.logout}`]: () => json(204) }).fetch });
    await expect(client.post(Routes.auth.logout)).resolves.toBeUndefined();
  });
});
