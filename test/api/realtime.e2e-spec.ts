import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, NotificationDto, Page, SpaceDto, SpaceMemberDto } from '@treffpunkt/contracts';
import pg from 'pg';
import request from 'supertest';
import { NotificationsService } from '../../apps/api/src/modules/notifications/notifications.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation } from '../support/factories.js';
import { addMember, as, countRows, createPost, createSpace, createThread, makeActor, type Actor } from '../support/forum.js';
import {
  close,
  closeAll,
  connect,
  connectRefused,
  disconnected,
  eventually,
  joinThread,
  nextEvent,
  quiet,
  record,
  type ClientSocket,
} from '../support/sockets.js';

describe('socket.io gateway', () => {
  let t: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let colleague: Actor;
  let partner: Actor;
  let network: SpaceDto;
  let staff: SpaceDto;
  let networkThread: string;
  let staffThread: string;

  beforeAll(async () => {
    t = await startTestApp();
    const home = await makeOrganisation(t.db);
    [admin, coordinator, advisor, colleague, partner] = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: home.id }),
      makeActor(t, { role: 'coordinator', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'partner' }),
    ]);
    [network, staff] = await Promise.all([
      createSpace(t, coordinator, { visibility: 'network' }),
      createSpace(t, coordinator, { visibility: 'staff' }),
    ]);
    [networkThread, staffThread] = await Promise.all([
      createThread(t, coordinator, network.id).then((r) => r.thread.id),
      createThread(t, coordinator, staff.id).then((r) => r.thread.id),
    ]);
  }, 30_000);

  afterAll(async () => {
    closeAll();
    await t?.close();
  });

  const tokenVersion = async (userId: string) =>
    (await t.db.query<{ token_version: number }>('SELECT token_version FROM users WHERE id = $1', [userId]))[0]!.token_version;

  describe('handshake', () => {
    it('refuses a missing, malformed, forged, expired or revoked token and accepts a valid one', async () => {
      const user = await makeActor(t, { role: 'advisor' });
      expect(await connectRefused(t.url, undefined)).toBe('UNAUTHENTICATED');
      expect(await connectRefused(t.url, 42)).toBe('UNAUTHENTICATED');
      expect(await connectRefused(t.url, '')).toBe('UNAUTHENTICATED');
      expect(await connectRefused(t.url, 'not.a.jwt')).toBe('UNAUTHENTICATED');
      expect(await connectRefused(t.url, 'x'.repeat(5000))).toBe('UNAUTHENTICATED');

      const tv = await tokenVersion(user.id);
      const forged = new JwtService({ secret: 'not-the-secret-'.repeat(4) }).sign({ sub: user.id, tv }, { expiresIn: 600 });
      expect(await connectRefused(t.url, forged)).toBe('UNAUTHENTICATED');
      const signer = new JwtService({ secret: t.config.jwtSecret });
      const expired = signer.sign({ sub: user.id, tv }, { expiresIn: -10 });
      expect(await connectRefused(t.url, expired)).toBe('UNAUTHENTICATED');
      const unknownUser = signer.sign({ sub: randomUUID(), tv: 0 }, { expiresIn: 600 });
      expect(await connectRefused(t.url, unknownUser)).toBe('UNAUTHENTICATED');
      const staleVersion = signer.sign({ sub: user.id, tv: tv + 1 }, { expiresIn: 600 });
      expect(await connectRefused(t.url, staleVersion)).toBe('UNAUTHENTICATED');
      // the same signer with the right claims is accepted: only the defects above were refused
      close(await connect(t.url, signer.sign({ sub: user.id, tv }, { expiresIn: 600 })));

      // revoked: a password change ends every session; the open socket is told and closed
      const open = await connect(t.url, user.token);
      const revoked = nextEvent(open, 'session:revoked');
      const gone = disconnected(open);
      const changed = await as(t, user).post('/api/auth/password', {
        currentPassword: user.password,
        newPassword: 'another-horse-battery',
      });
      expect(changed.status).toBe(200);
      await revoked;
      expect(await gone).toBe('io server disconnect');
      expect(await connectRefused(t.url, user.token)).toBe('UNAUTHENTICATED');
      close(await connect(t.url, (changed.body as LoginResponse).accessToken));
    }, 20_000);
  });

  describe('thread:join', () => {
    it('acknowledges a visible thread and answers NOT_FOUND alike for invisible and unknown ones', async () => {
      const socket = await connect(t.url, partner.token);
      expect(await joinThread(socket, { threadId: networkThread })).toEqual({ ok: true });
      expect(await joinThread(socket, { threadId: networkThread.toUpperCase() })).toEqual({ ok: true });
      expect(await joinThread(socket, { threadId: staffThread })).toEqual({ ok: false, code: 'NOT_FOUND' });
      expect(await joinThread(socket, { threadId: randomUUID() })).toEqual({ ok: false, code: 'NOT_FOUND' });
      const staffSocket = await connect(t.url, advisor.token);
      expect(await joinThread(staffSocket, { threadId: staffThread })).toEqual({ ok: true });
      close(socket);
      close(staffSocket);
    });

    it('answers VALIDATION_FAILED to garbage payloads and keeps serving the same socket', async () => {
      const socket = await connect(t.url, advisor.token);
      const recorded = record(socket);
      const bigObject = Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`k${i}`, 'v'.repeat(5)]));
      const garbage: unknown[] = [
        'not-an-object',
        networkThread,
        42,
        null,
        true,
        [],
        [{ threadId: networkThread }],
        { threadId: 'not-a-uuid' },
        { threadId: 12345 },
        { threadId: { $ne: null } },
        { threadId: `${networkThread}' OR 1=1 --` },
        bigObject,
      ];
      for (const payload of garbage) {
        expect([payload === bigObject ? 'big object' : payload, await joinThread(socket, payload)]).toEqual([
          payload === bigObject ? 'big object' : payload,
          { ok: false, code: 'VALIDATION_FAILED' },
        ]);
      }
      expect(recorded.of('error:message').length).toBe(garbage.length);
      expect(recorded.of('error:message')[0]).toEqual([{ code: 'VALIDATION_FAILED', message: expect.any(String) as unknown as string }]);
      // an extra argument turns the payload into a list: refused, not half-understood
      const extra = await (socket.timeout(5000) as unknown as { emitWithAck(...args: unknown[]): Promise<unknown> }).emitWithAck(
        'thread:join',
        { threadId: networkThread },
        'extra',
      );
      expect(extra).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
      expect(await joinThread(socket, { threadId: networkThread })).toEqual({ ok: true });
      expect(socket.connected).toBe(true);

      // a message over the transport's size limit closes that connection, nothing else
      const oversized = await connect(t.url, advisor.token);
      const closed = disconnected(oversized);
      oversized.emit('thread:join', { threadId: networkThread, padding: 'x'.repeat(64 * 1024) } as never);
      expect(await closed).toMatch(/transport (close|error)/);
      expect(await joinThread(socket, { threadId: staffThread })).toEqual({ ok: true });
      expect((await request(t.url).get('/api/health')).status).toBe(200);
      close(socket);
    });
  });

  describe('what reaches whom', () => {
    it('tells sockets in an open thread about new and edited posts, and nobody else', async () => {
      const watcher = await connect(t.url, advisor.token);
      const outsider = await connect(t.url, partner.token);
      const outsiderEvents = record(outsider);
      expect(await joinThread(watcher, { threadId: networkThread })).toEqual({ ok: true });
      const created = nextEvent(watcher, 'thread:post-created');
      const post = await createPost(t, colleague, networkThread, { body: 'Neuigkeiten im Thema' });
      const [payload] = await created;
      expect(payload).toEqual({ threadId: networkThread, postId: post.post.id, seq: post.post.seq, authorId: colleague.id });

      const updated = nextEvent(watcher, 'thread:post-updated');
      expect((await as(t, colleague).patch(`/api/posts/${post.post.id}`, { body: 'Neuigkeiten, korrigiert' })).status).toBe(200);
      expect((await updated)[0]).toMatchObject({ threadId: networkThread, postId: post.post.id, authorId: colleague.id });
      await quiet();
      expect(outsiderEvents.events).toEqual([]);
      close(watcher);
      close(outsider);
    });

    it('a partner never hears anything about a staff space, while a staff member in the same situation does', async () => {
      const partnerSocket = await connect(t.url, partner.token);
      const controlSocket = await connect(t.url, colleague.token);
      const partnerEvents = record(partnerSocket);
      const controlEvents = record(controlSocket);
      expect(await joinThread(partnerSocket, { threadId: staffThread })).toEqual({ ok: false, code: 'NOT_FOUND' });
      expect(await joinThread(controlSocket, { threadId: staffThread })).toEqual({ ok: true });
      expect((await as(t, partner).put(`/api/spaces/${staff.id}/subscription`, { level: 'watching' })).status).toBe(404);
      expect((await as(t, colleague).put(`/api/spaces/${staff.id}/subscription`, { level: 'watching' })).status).toBe(200);
      partnerEvents.clear();
      controlEvents.clear();

      const controlMention = nextEvent(controlSocket, 'notification:new', { filter: (n) => n.type === 'mention' });
      const controlNewThread = nextEvent(controlSocket, 'notification:new', { filter: (n) => n.type === 'new_thread' });
      const controlPost = nextEvent(controlSocket, 'thread:post-created');
      const reply = await createPost(t, advisor, staffThread, { body: `Frage an @${partner.handle} und @${colleague.handle}` });
      expect(reply.unlinkedMentions).toEqual([{ handle: partner.handle, reason: 'cannot_see_space' }]);
      await createThread(t, advisor, staff.id, { body: `Neues Thema, @${partner.handle}` });
      expect((await controlPost)[0].postId).toBe(reply.post.id);
      expect((await controlMention)[0].subject).toBeTruthy();
      await controlNewThread;
      await quiet();
      expect(partnerEvents.events).toEqual([]);
      expect(await countRows(t, 'notifications', 'user_id = $1', [partner.id])).toBe(0);
      expect(controlEvents.of('notification:new').length).toBeGreaterThanOrEqual(2);
      close(partnerSocket);
      close(controlSocket);
    });

    it('a member removed from a private space stops receiving its thread events as soon as the removal returned', async () => {
      const member = await makeActor(t, { role: 'advisor' });
      const group = await createSpace(t, coordinator, { visibility: 'private' });
      const membership = await addMember(t, coordinator, group.id, { userId: member.id });
      const thread = (await createThread(t, coordinator, group.id)).thread.id;

      const memberSocket = await connect(t.url, member.token);
      const moderatorSocket = await connect(t.url, coordinator.token);
      expect(await joinThread(memberSocket, { threadId: thread })).toEqual({ ok: true });
      expect(await joinThread(moderatorSocket, { threadId: thread })).toEqual({ ok: true });
      const first = nextEvent(memberSocket, 'thread:post-created');
      await createPost(t, coordinator, thread, { body: 'Noch für alle' });
      await first;

      const memberEvents = record(memberSocket);
      expect((await as(t, coordinator).delete(`/api/spaces/${group.id}/members/${membership.id}`)).status).toBe(204);
      const control = nextEvent(moderatorSocket, 'thread:post-created');
      const after = await createPost(t, coordinator, thread, { body: 'Nur noch für Mitglieder' });
      expect((await control)[0].postId).toBe(after.post.id);
      await quiet();
      expect(memberEvents.events).toEqual([]);
      expect(await joinThread(memberSocket, { threadId: thread })).toEqual({ ok: false, code: 'NOT_FOUND' });
      const members = (await as(t, coordinator).get(`/api/spaces/${group.id}/members`)).body as Page<SpaceMemberDto>;
      expect(members.items.map((m) => m.user?.id)).not.toContain(member.id);
      close(memberSocket);
      close(moderatorSocket);
    });
  });

  describe('sessions', () => {
    it('disabling a user tells their sockets, closes them within a second and refuses the same token afterwards', async () => {
      const victim = await makeActor(t, { role: 'advisor' });
      const sockets = await Promise.all([connect(t.url, victim.token), connect(t.url, victim.token)]);
      const bystander = await connect(t.url, colleague.token);
      const bystanderEvents = record(bystander);
      const revoked = sockets.map((s) => nextEvent(s, 'session:revoked', { timeoutMs: 1000 }));
      const closed = sockets.map((s) => disconnected(s, 1000));
      const started = Date.now();
      const res = await as(t, admin).patch(`/api/users/${victim.id}`, { status: 'disabled' });
      expect(res.status).toBe(200);
      await Promise.all(revoked);
      expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(await connectRefused(t.url, victim.token)).toBe('UNAUTHENTICATED');
      expect((await as(t, victim).get('/api/auth/me')).status).toBe(401);
      expect(bystander.connected).toBe(true);
      expect(bystanderEvents.events).toEqual([]);
      close(bystander);
    });
  });

  describe('flooding', () => {
    it('refuses a flood of thread:join with TOO_MANY_REQUESTS and disconnects it, while HTTP and other sockets keep working', async () => {
      const flooder = await makeActor(t, { role: 'advisor' });
      const socket = await connect(t.url, flooder.token);
      const other = await connect(t.url, colleague.token);
      const acks: unknown[] = [];
      const warned = nextEvent(socket, 'error:message', { filter: (e) => e.code === 'TOO_MANY_REQUESTS' });
      const gone = disconnected(socket, 10_000);
      for (let i = 0; i < 500; i++) socket.emit('thread:join', { threadId: randomUUID() }, (ack) => acks.push(ack));
      expect(await gone).toBe('io server disconnect');
      // told why (the refusals in flight may be cut off by the disconnect)
      await warned;
      expect(acks.every((a) => JSON.stringify(a) !== JSON.stringify({ ok: true }))).toBe(true);
      // far fewer than 500 reached the access check
      expect(acks.filter((a) => JSON.stringify(a) === JSON.stringify({ ok: false, code: 'NOT_FOUND' })).length).toBeLessThanOrEqual(30);

      expect((await request(t.url).get('/api/health')).status).toBe(200);
      expect(await joinThread(other, { threadId: networkThread })).toEqual({ ok: true });
      expect(other.connected).toBe(true);
      // not banned: a well-behaved reconnect works
      const again = await connect(t.url, flooder.token);
      expect(await joinThread(again, { threadId: networkThread })).toEqual({ ok: true });
      close(again);
      close(other);
    });
  });

  describe('reconnect catch-up', () => {
    it('a client that was offline while 1,000 notifications arrived gets each exactly once, in id order, via ?after=', async () => {
      const reader = await makeActor(t, { role: 'advisor' });
      const notifications = t.app.get(NotificationsService);
      const draft = (i: number) => ({
        userId: reader.id,
        type: 'invitation_accepted' as const,
        subject: `Person ${i}`,
        actorId: null,
        spaceId: null,
        threadId: null,
        postId: null,
        link: `/verzeichnis/personen/${i}`,
      });
      let socket = await connect(t.url, reader.token);
      const live = nextEvent(socket, 'notification:new');
      await notifications.notify([draft(-1)]);
      const lastSeen = (await live)[0].id;
      close(socket);

      // 1,000 while offline, from four concurrent writers
      await Promise.all([0, 1, 2, 3].map((w) => notifications.notify(Array.from({ length: 250 }, (_, i) => draft(w * 250 + i)))));

      socket = await connect(t.url, reader.token);
      const seen: NotificationDto[] = [];
      let after = lastSeen;
      for (let pages = 0; pages < 20; pages++) {
        const res = await as(t, reader).get(`/api/notifications?after=${after}&limit=100`);
        expect(res.status).toBe(200);
        const page = res.body as Page<NotificationDto>;
        seen.push(...page.items);
        if (page.items.length === 0) break;
        after = page.items[page.items.length - 1]!.id;
        if (!page.nextCursor) break;
      }
      expect(seen).toHaveLength(1000);
      const ids = seen.map((n) => n.id);
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
      expect(ids[0]).toBeGreaterThan(lastSeen);
      expect(new Set(seen.map((n) => n.link)).size).toBe(1000);
      expect((await as(t, reader).get(`/api/notifications?after=${after}`)).body).toEqual({ items: [], nextCursor: null });
      expect((await as(t, reader).get('/api/notifications/unread-count')).body).toEqual({ count: 1001 });
      close(socket);
    }, 30_000);
  });

  describe('reconnect catch-up under concurrent writers', () => {
    it('a notification whose transaction commits late is not skipped by a client that asked ?after= in between', async () => {
      const reader = await makeActor(t, { role: 'advisor' });
      const notifications = t.app.get(NotificationsService);
      const draft = (type: 'mention' | 'invitation_accepted', link: string) => ({
        userId: reader.id,
        type,
        subject: 'Spät',
        actorId: null,
        spaceId: null,
        threadId: null,
        postId: null,
        link,
      });
      const fetchAfter = async (after: number) =>
        ((await as(t, reader).get(`/api/notifications?after=${after}&limit=100`)).body as Page<NotificationDto>).items;
      const seen = new Set<number>();
      let lastSeen = 0;
      const catchUp = async () => {
        for (const n of await fetchAfter(lastSeen)) {
          seen.add(n.id);
          lastSeen = Math.max(lastSeen, n.id);
        }
      };

      // the mention's transaction (it queues an immediate e-mail) is held up after its row got its id
      const blocker = new pg.Client({ connectionString: t.db.url });
      await blocker.connect();
      let slow: Promise<void>;
      let fast: Promise<void>;
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE mail_outbox IN EXCLUSIVE MODE');
        slow = notifications.notify([draft('mention', '/slow')]);
        await eventually(
          async () =>
            (
              await t.db.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            )[0]!.n > 0,
          5000,
          'the first notification to wait',
        );
        fast = notifications.notify([draft('invitation_accepted', '/fast')]);
        await Promise.race([fast, quiet(300)]);
        await catchUp();
        await blocker.query('COMMIT');
      } finally {
        await blocker.end();
      }
      await Promise.all([slow, fast]);
      await catchUp();
      const rows = await t.db.query<{ id: string }>('SELECT id FROM notifications WHERE user_id = $1', [reader.id]);
      expect(rows).toHaveLength(2);
      expect([...seen].sort((x, y) => x - y)).toEqual(rows.map((r) => Number(r.id)).sort((x, y) => x - y));
    });
  });

  describe('rolled-back writes', () => {
    let mentioned: Actor;
    let mentionedSocket: ClientSocket;

    beforeAll(async () => {
      mentioned = await makeActor(t, { role: 'advisor' });
      mentionedSocket = await connect(t.url, mentioned.token);
    });

    afterAll(() => close(mentionedSocket));

    it('a post that fails inside its transaction after the mention was resolved notifies nobody', async () => {
      const events = record(mentionedSocket);
      const other = (await createThread(t, coordinator, network.id)).post.id;
      const res = await as(t, advisor).post(`/api/threads/${networkThread}/posts`, {
        body: `Hallo @${mentioned.handle}, bitte ansehen`,
        replyToPostId: other,
      });
      expect(res.status).toBe(400);
      await quiet();
      expect(events.events).toEqual([]);
      expect(await countRows(t, 'notifications', 'user_id = $1', [mentioned.id])).toBe(0);
      expect(await countRows(t, 'posts', 'body LIKE $1', [`%@${mentioned.handle}%`])).toBe(0);
    });

    it('a post into a thread that is locked while the post waits for it rolls back and notifies nobody', async () => {
      const events = record(mentionedSocket);
      const thread = (await createThread(t, coordinator, network.id)).thread.id;
      const joinedSocket = await connect(t.url, coordinator.token);
      expect(await joinThread(joinedSocket, { threadId: thread })).toEqual({ ok: true });
      const threadEvents = record(joinedSocket);

      const locker = new pg.Client({ connectionString: t.db.url });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('SELECT id FROM threads WHERE id = $1 FOR UPDATE', [thread]);
        const posting = as(t, advisor)
          .post(`/api/threads/${thread}/posts`, { body: `Hallo @${mentioned.handle}` })
          .then((r) => r);
        // the post's transaction now waits for the row lock
        await eventually(
          async () =>
            (
              await t.db.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            )[0]!.n > 0,
          5000,
          'the post to wait for the thread lock',
        );
        await locker.query('UPDATE threads SET locked = true WHERE id = $1', [thread]);
        await locker.query('COMMIT');
        const res = await posting;
        expect(res.status).toBe(409);
        expect((res.body as { code: string }).code).toBe('THREAD_LOCKED');
      } finally {
        await locker.end();
      }
      await quiet();
      expect(events.events).toEqual([]);
      expect(threadEvents.events).toEqual([]);
      expect(await countRows(t, 'notifications', 'user_id = $1', [mentioned.id])).toBe(0);
      expect(await countRows(t, 'posts', 'thread_id = $1', [thread])).toBe(1);
      close(joinedSocket);
    });
  });
});
