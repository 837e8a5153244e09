import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SpaceDto } from '@treffpunkt/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation } from '../support/factories.js';
import { addMember, as, createPost, createSpace, createThread, makeActor, type Actor } from '../support/forum.js';
import { closeAll, connect, connectRefused, disconnected, joinThread, nextEvent, quiet, record } from '../support/sockets.js';

/** Two API instances on one database, as behind a load balancer: REST on A, sockets on B. */
describe('two API instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let network: SpaceDto;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ jwtSecret: a.config.jwtSecret }, { db: a.db });
    const home = await makeOrganisation(a.db);
    [admin, coordinator, advisor] = await Promise.all([
      makeActor(a, { role: 'admin', organisationId: home.id }),
      makeActor(a, { role: 'coordinator', organisationId: home.id }),
      makeActor(a, { role: 'advisor', organisationId: home.id, displayName: 'Anna Beraterin' }),
    ]);
    network = await createSpace(a, coordinator, { visibility: 'network' });
  }, 45_000);

  afterAll(async () => {
    closeAll();
    await b?.close();
    await a?.close();
  });

  const unreadOn = async (app: TestApp, actor: Actor) =>
    ((await as(app, actor).get('/api/notifications/unread-count')).body as { count: number }).count;

  it('a socket on B hears about a post made through A (thread event, notification, unread count)', async () => {
    const reader = await makeActor(a, { role: 'advisor' });
    const { thread } = await createThread(a, coordinator, network.id);
    const socket = await connect(b.url, reader.token);
    expect(await joinThread(socket, { threadId: thread.id })).toEqual({ ok: true });

    const created = nextEvent(socket, 'thread:post-created');
    const notified = nextEvent(socket, 'notification:new');
    const badge = nextEvent(socket, 'notification:unread-count');
    const post = await createPost(a, advisor, thread.id, { body: `Hallo @${reader.handle}` });
    expect((await created)[0]).toEqual({ threadId: thread.id, postId: post.post.id, seq: post.post.seq, authorId: advisor.id });
    const [notification] = await notified;
    expect(notification).toMatchObject({ type: 'mention', subject: thread.title, actor: { id: advisor.id } });
    expect(await badge).toEqual([{ count: 1 }]);
    expect(await unreadOn(a, reader)).toBe(1);
    expect(await unreadOn(b, reader)).toBe(1);

    // marking read on A updates the badge of the socket on B; both instances agree
    const cleared = nextEvent(socket, 'notification:unread-count');
    expect((await as(a, reader).post('/api/notifications/read', { ids: [notification.id] })).body).toEqual({ count: 0 });
    expect(await cleared).toEqual([{ count: 0 }]);
    expect(await unreadOn(b, reader)).toBe(0);
    expect(await unreadOn(a, reader)).toBe(0);

    // and the other way round: a post through B reaches the same socket once, not twice
    const events = record(socket);
    const again = nextEvent(socket, 'notification:new');
    await createPost(b, advisor, thread.id, { body: `Noch einmal @${reader.handle}` });
    await again;
    await quiet();
    expect(events.of('notification:new')).toHaveLength(1);
    expect(events.of('thread:post-created')).toHaveLength(1);
    expect(await unreadOn(a, reader)).toBe(1);
  });

  it('one post for many people: each socket on either instance gets its notification, then its count, once', async () => {
    const readers = await Promise.all(Array.from({ length: 12 }, () => makeActor(a, { role: 'advisor' })));
    const { thread } = await createThread(a, coordinator, network.id);
    // half of them on B (relayed), half on A (where the post is made)
    const sockets = await Promise.all(readers.map((r, i) => connect((i % 2 ? b : a).url, r.token)));
    const recorded = sockets.map((socket) => record(socket));
    const badges = sockets.map((socket) => nextEvent(socket, 'notification:unread-count'));
    const post = await createPost(a, advisor, thread.id, { body: `An alle: ${readers.map((r) => `@${r.handle}`).join(' ')}` });
    await Promise.all(badges);
    await quiet();
    for (const [i, events] of recorded.entries()) {
      expect(events.events.map((e) => e.event)).toEqual(['notification:new', 'notification:unread-count']);
      expect(events.of('notification:new')[0]![0]).toMatchObject({ type: 'mention', subject: thread.title, actor: { id: advisor.id } });
      expect(events.of('notification:unread-count')[0]).toEqual([{ count: 1 }]);
      expect(await unreadOn(i % 2 ? a : b, readers[i]!)).toBe(1);
    }
    expect(post.post.id).toBeDefined();
  });

  it('disabling a user on A closes their socket on B at once, and B refuses their token afterwards', async () => {
    const victim = await makeActor(a, { role: 'advisor' });
    const socket = await connect(b.url, victim.token);
    // B has now seen (and cached) the person as active
    expect((await as(b, victim).get('/api/auth/me')).status).toBe(200);
    const revoked = nextEvent(socket, 'session:revoked', { timeoutMs: 2000 });
    const gone = disconnected(socket, 2000);
    const started = Date.now();
    expect((await as(a, admin).patch(`/api/users/${victim.id}`, { status: 'disabled' })).status).toBe(200);
    await revoked;
    expect(await gone).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await connectRefused(b.url, victim.token)).toBe('UNAUTHENTICATED');
    expect((await as(b, victim).get('/api/auth/me')).status).toBe(401);
  });

  it('a member removed on A leaves the thread rooms of their socket on B', async () => {
    const member = await makeActor(a, { role: 'advisor' });
    const group = await createSpace(a, coordinator, { visibility: 'private' });
    const membership = await addMember(a, coordinator, group.id, { userId: member.id });
    const { thread } = await createThread(a, coordinator, group.id);
    const memberSocket = await connect(b.url, member.token);
    const control = await connect(b.url, coordinator.token);
    expect(await joinThread(memberSocket, { threadId: thread.id })).toEqual({ ok: true });
    expect(await joinThread(control, { threadId: thread.id })).toEqual({ ok: true });

    const events = record(memberSocket);
    expect((await as(a, coordinator).delete(`/api/spaces/${group.id}/members/${membership.id}`)).status).toBe(204);
    const seen = nextEvent(control, 'thread:post-created');
    await createPost(a, coordinator, thread.id, { body: 'Nur noch für Mitglieder' });
    await seen;
    await quiet();
    expect(events.events).toEqual([]);
    expect(await joinThread(memberSocket, { threadId: thread.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('both instances stay healthy', async () => {
    expect((await request(a.url).get('/api/health')).status).toBe(200);
    expect((await request(b.url).get('/api/health')).status).toBe(200);
  });
});
