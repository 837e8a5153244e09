import type { LoginResponse } from '@treffpunkt/contracts';
import request from 'supertest';

export const api = (baseUrl: string): ReturnType<typeof request> => request(baseUrl);

/** Extracts the refresh cookie value from a response's Set-Cookie header. */
export function refreshCookieFrom(headers: Record<string, unknown>): string | undefined {
  const raw = headers['set-cookie'];
  const list = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  const cookie = list.find((c) => c.startsWith('tp_refresh='));
  const value = cookie?.split(';')[0]?.slice('tp_refresh='.length);
  return value || undefined;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  body: LoginResponse;
}

export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
  const res = await request(baseUrl).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as LoginResponse;
  const refreshToken = refreshCookieFrom(res.headers);
  if (!refreshToken) throw new Error('login set no refresh cookie');
  return { accessToken: body.accessToken, refreshToken, body };
}

export const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
