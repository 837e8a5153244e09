import { randomBytes } from 'node:crypto';
import type {
  CreatePostRequest,
  CreateSpaceRequest,
  CreateThreadRequest,
  CreateThreadResponse,
  PostWriteResponse,
  Role,
  SpaceDto,
  SpaceMemberDto,
  SpaceRole,
} from '@treffpunkt/contracts';
import request from 'supertest';
import type { TestApp } from './app.js';
import { makeUser, type MadeUser } from './factories.js';
import { bearer, login } from './http.js';

/** A user with a live session (logins are slow: make actors once per file). */
export interface Actor extends MadeUser {
  token: string;
}

export async function makeActor(
  t: TestApp,
  overrides: { role?: Role; organisationId?: string; displayName?: string } = {},
): Promise<Actor> {
  const user = await makeUser(t.db, overrides);
  const session = await login(t.url, user.email, user.password);
  return { ...user, token: session.accessToken };
}

/** A lower-case word that no German text contains: a search term that matches exactly one fixture. */
export const uniqueWord = (prefix = 'wort'): string =>
  `${prefix}${randomBytes(5)
    .toString('hex')
    .replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]!)}`;

/** Requests as one person. */
export function as(t: TestApp, actor: { token: string }) {
  const auth = bearer(actor.token);
  return {
    get: (path: string) =>
      request(t.url)
        .get(path)
        .set(...auth),
    post: (path: string, body?: object) =>
      request(t.url)
        .post(path)
        .set(...auth)
        .send(body),
    patch: (path: string, body: object) =>
      request(t.url)
        .patch(path)
        .set(...auth)
        .send(body),
    put: (path: string, body: object) =>
      request(t.url)
        .put(path)
        .set(...auth)
        .send(body),
    delete: (path: string) =>
      request(t.url)
        .delete(path)
        .set(...auth),
  };
}

function expectStatus(res: request.Response, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

export async function createSpace(t: TestApp, actor: Actor, body: Partial<CreateSpaceRequest> = {}): Promise<SpaceDto> {
  const res = await as(t, actor).post('/api/spaces', {
    name: `Bereich ${randomBytes(3).toString('hex')}`,
    description: 'Ein Bereich für Tests',
    visibility: 'network',
    ...body,
  });
  expectStatus(res, 201, 'create space');
  return res.body as SpaceDto;
}

export async function addMember(
  t: TestApp,
  actor: Actor,
  spaceId: string,
  subject: { userId: string } | { organisationId: string },
  role: SpaceRole = 'member',
): Promise<SpaceMemberDto> {
  const res = await as(t, actor).post(`/api/spaces/${spaceId}/members`, { ...subject, role });
  expectStatus(res, 201, 'add member');
  return res.body as SpaceMemberDto;
}

export async function createThread(
  t: TestApp,
  actor: Actor,
  spaceId: string,
  body: Partial<CreateThreadRequest> = {},
): Promise<CreateThreadResponse> {
  const res = await as(t, actor).post(`/api/spaces/${spaceId}/threads`, {
    title: `Thema ${randomBytes(3).toString('hex')}`,
    body: 'Erster Beitrag',
    ...body,
  });
  expectStatus(res, 201, 'create thread');
  return res.body as CreateThreadResponse;
}

export async function createPost(
  t: TestApp,
  actor: Actor,
  threadId: string,
  body: Partial<CreatePostRequest> = {},
): Promise<PostWriteResponse> {
  const res = await as(t, actor).post(`/api/threads/${threadId}/posts`, { body: 'Eine Antwort', ...body });
  expectStatus(res, 201, 'create post');
  return res.body as PostWriteResponse;
}

/** Count of rows matching a WHERE clause (for "nothing was stored" assertions). */
export async function countRows(t: TestApp, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return rows[0]!.n;
}
