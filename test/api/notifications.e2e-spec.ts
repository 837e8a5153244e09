import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_EMAIL_MODE,
  NOTIFICATION_TYPES,
  type InvitationDto,
  type NotificationDto,
  type NotificationPreferencesDto,
  type Page,
  type SpaceDto,
  type SpaceMemberDto,
} from '@treffpunkt/contracts';
import request from 'supertest';
import { NotificationsService } from '../../apps/api/src/modules/notifications/notifications.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation, makeUser } from '../support/factories.js';
import { addMember, as, countRows, createPost, createSpace, createThread, makeActor, uniqueWord, type Actor } from '../support/forum.js';
import { closeAll, connect, nextEvent, quiet, record } from '../support/sockets.js';

const PUBLIC_URL = 'https://treffpunkt.example';
const NOTIFICATION_KEYS = ['actor', 'createdAt', 'id', 'link', 'readAt', 'spaceName', 'subject', 'type'];

interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
}

describe('notifications', () => {
  let t: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let colleague: Actor;
  let partner: Actor;
  let network: SpaceDto;
  let staff: SpaceDto;

  beforeAll(async () => {
    t = await startTestApp({ publicUrl: PUBLIC_URL });
    const home = await makeOrganisation(t.db);
    [admin, coordinator, advisor, colleague, partner] = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: home.id }),
      makeActor(t, { role: 'coordinator', organisationId: home.id, displayName: 'Clara Koordination' }),
      makeActor(t, { role: 'advisor', organisationId: home.id, displayName: 'Anna Beraterin' }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'partner' }),
    ]);
    [network, staff] = await Promise.all([
      createSpace(t, coordinator, { name: `Netzwerk ${uniqueWord('n')}`, visibility: 'network' }),
      createSpace(t, coordinator, { name: `Team ${uniqueWord('s')}`, visibility: 'staff' }),
    ]);
  }, 30_000);

  afterAll(async () => {
    closeAll();
    await t?.close();
  });

  const list = async (actor: Actor, query = '') => {
    const res = await as(t, actor).get(`/api/notifications${query}`);
    expect(res.status).toBe(200);
    return res.body as Page<NotificationDto>;
  };
  const all = async (actor: Actor) => (await list(actor, '?limit=100')).items;
  const unread = async (actor: Actor) => ((await as(t, actor).get('/api/notifications/unread-count')).body as { count: number }).count;
  const mailsTo = (email: string) =>
    t.db.query<OutboxRow>('SELECT id, recipient, subject, text_body, html_body FROM mail_outbox WHERE recipient = $1 ORDER BY id', [email]);
  /** Notifications are written by a listener after the request returned. */
  const settled = async (actor: Actor, count: number) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const items = await all(actor);
      if (items.length >= count || Date.now() > deadline) return items;
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  describe('who hears about what', () => {
    it('a mention notifies the mentioned person over REST and the socket, with ids and display data only', async () => {
      const mentioned = await makeActor(t, { role: 'advisor' });
      const socket = await connect(t.url, mentioned.token);
      const live = nextEvent(socket, 'notification:new');
      const badge = nextEvent(socket, 'notification:unread-count');
      const secret = uniqueWord('inhalt');
      const { thread, post } = await createThread(t, advisor, network.id, {
        title: 'Fachkräfte aus Drittstaaten',
        body: `Liebe @${mentioned.handle}, bitte lesen: ${secret}`,
      });
      const [pushed] = await live;
      expect(Object.keys(pushed).sort()).toEqual(NOTIFICATION_KEYS);
      expect(pushed).toEqual({
        id: expect.any(Number) as unknown as number,
        type: 'mention',
        subject: 'Fachkräfte aus Drittstaaten',
        actor: { id: advisor.id, displayName: 'Anna Beraterin' },
        spaceName: network.name,
        link: `/forum/thema/${thread.id}#beitrag-${post.seq}`,
        createdAt: expect.any(String) as unknown as string,
        readAt: null,
      });
      expect(await badge).toEqual([{ count: 1 }]);
      expect(JSON.stringify(pushed)).not.toContain(secret);
      expect(await all(mentioned)).toEqual([pushed]);
      // the author is not told about their own post
      expect(await countRows(t, 'notifications', 'user_id = $1 AND thread_id = $2', [advisor.id, thread.id])).toBe(0);
    });

    it('a mention in a case thread is named by the pseudonym code; no title or text anywhere (socket, list, mail)', async () => {
      const mentioned = await makeActor(t, { role: 'advisor' });
      const socket = await connect(t.url, mentioned.token);
      const events = record(socket);
      const live = nextEvent(socket, 'notification:new');
      const title = `Anerkennung ${uniqueWord('titel')}`;
      const secret = uniqueWord('fall');
      const { thread } = await createThread(t, advisor, staff.id, {
        kind: 'case',
        title,
        body: `Fall ${secret}: Pflegefachkraft aus Kolumbien, @${mentioned.handle} kennt sich aus.`,
      });
      expect(thread.pseudonymCode).toMatch(/^F-\d{4}-\d{4,}$/);
      const [pushed] = await live;
      expect(pushed).toMatchObject({ type: 'mention', subject: thread.pseudonymCode, spaceName: staff.name });
      await quiet(100);
      const listed = await all(mentioned);
      const mails = await mailsTo(mentioned.email);
      expect(mails).toHaveLength(1);
      const everything = JSON.stringify([events.events, listed, mails]);
      for (const forbidden of [secret, title, 'Kolumbien', 'Pflegefachkraft']) expect(everything).not.toContain(forbidden);
      expect(mails[0]!.subject).toContain(thread.pseudonymCode);
    });

    it('a reply notifies thread watchers and the replied-to author; normal and muted participants hear nothing', async () => {
      const [repliedTo, watcher, normal, muted] = await Promise.all([
        makeActor(t, { role: 'advisor' }),
        makeActor(t, { role: 'advisor' }),
        makeActor(t, { role: 'advisor' }),
        makeActor(t, { role: 'advisor' }),
      ]);
      const { thread } = await createThread(t, coordinator, network.id, { title: `Antworten ${uniqueWord()}` });
      const theirPost = await createPost(t, repliedTo, thread.id, { body: 'Meine Frage' });
      const normalPost = await createPost(t, normal, thread.id, { body: 'Ich lese mit' });
      const mutedPost = await createPost(t, muted, thread.id, { body: 'Ich bin bald weg' });
      const level = (actor: Actor, l: string) => as(t, actor).put(`/api/threads/${thread.id}/subscription`, { level: l });
      expect((await level(repliedTo, 'normal')).status).toBe(200);
      expect((await level(normal, 'normal')).status).toBe(200);
      expect((await level(muted, 'muted')).status).toBe(200);
      expect((await level(watcher, 'watching')).status).toBe(200);
      // whatever happened so far (e.g. replies to the coordinator) does not count
      await quiet(100);
      await t.db.query('DELETE FROM notifications WHERE thread_id = $1', [thread.id]);

      const mutedSocket = await connect(t.url, muted.token);
      const mutedEvents = record(mutedSocket);
      const reply = await createPost(t, advisor, thread.id, {
        body: `Antwort an Sie, auch für @${muted.handle}`,
        replyToPostId: theirPost.post.id,
      });
      const watcherItems = await settled(watcher, 1);
      expect(watcherItems).toEqual([
        expect.objectContaining({ type: 'reply', link: `/forum/thema/${thread.id}#beitrag-${reply.post.seq}` }),
      ]);
      expect(await settled(repliedTo, 1)).toEqual([
        expect.objectContaining({ type: 'reply', actor: { id: advisor.id, displayName: 'Anna Beraterin' } }),
      ]);
      expect(await settled(coordinator, 0)).toContainEqual(expect.objectContaining({ type: 'reply', link: watcherItems[0]!.link }));
      // replied to the muted person and mentioned them: muted means muted
      await createPost(t, advisor, thread.id, { body: `Noch einmal @${muted.handle}`, replyToPostId: mutedPost.post.id });
      await settled(watcher, 2);
      await quiet(100);
      expect(await all(normal)).toEqual([]);
      expect(await all(muted)).toEqual([]);
      expect(mutedEvents.events).toEqual([]);
      expect(await countRows(t, 'notifications', 'user_id = $1 AND thread_id = $2', [advisor.id, thread.id])).toBe(0);
      // a reply to the normal participant's post reaches them; one notification per person and post,
      // even for someone who is watcher, replied-to and mentioned at once
      const last = await createPost(t, colleague, thread.id, {
        body: `Und noch, @${watcher.handle}`,
        replyToPostId: normalPost.post.id,
      });
      expect(await settled(normal, 1)).toEqual([expect.objectContaining({ type: 'reply' })]);
      await quiet(100);
      const rows = await t.db.query<{ user_id: string; type: string }>('SELECT user_id, type FROM notifications WHERE post_id = $1', [
        last.post.id,
      ]);
      expect(new Set(rows.map((r) => r.user_id)).size).toBe(rows.length);
      expect(rows).toContainEqual({ user_id: watcher.id, type: 'mention' });
      expect(rows.map((r) => r.user_id)).not.toContain(muted.id);
    });

    it('a new thread in a watched space notifies the watchers, not the author', async () => {
      const watcher = await makeActor(t, { role: 'partner' });
      expect((await as(t, watcher).put(`/api/spaces/${network.id}/subscription`, { level: 'watching' })).status).toBe(200);
      expect((await as(t, advisor).put(`/api/spaces/${network.id}/subscription`, { level: 'watching' })).status).toBe(200);
      const socket = await connect(t.url, watcher.token);
      const live = nextEvent(socket, 'notification:new');
      const { thread } = await createThread(t, advisor, network.id, { title: 'Termine im Mai' });
      const [pushed] = await live;
      expect(pushed).toMatchObject({
        type: 'new_thread',
        subject: 'Termine im Mai',
        spaceName: network.name,
        link: `/forum/thema/${thread.id}`,
        actor: { id: advisor.id },
      });
      await quiet(100);
      expect(await countRows(t, 'notifications', 'user_id = $1 AND thread_id = $2', [advisor.id, thread.id])).toBe(0);
      expect((await as(t, advisor).put(`/api/spaces/${network.id}/subscription`, { level: 'normal' })).status).toBe(200);
      expect((await as(t, watcher).put(`/api/spaces/${network.id}/subscription`, { level: 'normal' })).status).toBe(200);
    });

    it('being added to a space, as a person or with the whole organisation, notifies the people added (not the actor, not disabled accounts)', async () => {
      const group = await createSpace(t, coordinator, { name: `AG ${uniqueWord('ag')}`, visibility: 'private' });
      const person = await makeActor(t, { role: 'advisor' });
      const socket = await connect(t.url, person.token);
      const live = nextEvent(socket, 'notification:new');
      await addMember(t, coordinator, group.id, { userId: person.id });
      expect((await live)[0]).toMatchObject({
        type: 'added_to_space',
        subject: group.name,
        link: `/forum/${group.id}`,
        actor: { id: coordinator.id, displayName: 'Clara Koordination' },
      });

      const org = await makeOrganisation(t.db, { type: 'welfare' });
      const [first, second] = await Promise.all([
        makeActor(t, { role: 'partner', organisationId: org.id }),
        makeActor(t, { role: 'partner', organisationId: org.id }),
      ]);
      const disabled = await makeUser(t.db, { role: 'partner', organisationId: org.id, status: 'disabled' });
      await addMember(t, coordinator, group.id, { organisationId: org.id });
      expect(await settled(first, 1)).toEqual([expect.objectContaining({ type: 'added_to_space', subject: group.name })]);
      expect(await settled(second, 1)).toEqual([expect.objectContaining({ type: 'added_to_space', subject: group.name })]);
      await quiet(100);
      expect(await countRows(t, 'notifications', 'user_id = $1', [disabled.id])).toBe(0);
      expect(await countRows(t, 'notifications', "user_id = $1 AND type = 'added_to_space'", [coordinator.id])).toBe(0);
    });

    it('an accepted invitation notifies the inviter', async () => {
      const email = `eingeladen.${randomBytes(4).toString('hex')}@example.org`;
      const org = await makeOrganisation(t.db, { type: 'education' });
      const invited = await as(t, coordinator).post('/api/invitations', { email, role: 'partner', organisationId: org.id });
      expect(invited.status).toBe(201);
      const link = (invited.body as InvitationDto).link!;
      const socket = await connect(t.url, coordinator.token);
      const live = nextEvent(socket, 'notification:new', { filter: (n) => n.type === 'invitation_accepted' });
      const accepted = await request(t.url)
        .post(`/api/invitations/${link.split('/').pop()!}/accept`)
        .send({ displayName: 'Petra Neu', password: 'correct-horse-battery-staple' });
      expect(accepted.status).toBeLessThan(300);
      const [pushed] = await live;
      expect(pushed).toMatchObject({ type: 'invitation_accepted', subject: 'Petra Neu', spaceName: null });
      expect(pushed.link).toMatch(/^\/verzeichnis\/personen\/[0-9a-f-]{36}$/);
    });
  });

  describe('nobody hears about what they cannot see', () => {
    it('mentioning a partner in a staff space notifies nobody', async () => {
      const socket = await connect(t.url, partner.token);
      const events = record(socket);
      const control = await connect(t.url, colleague.token);
      const controlLive = nextEvent(control, 'notification:new', { filter: (n) => n.type === 'mention' });
      const { unlinkedMentions } = await createThread(t, advisor, staff.id, {
        body: `@${partner.handle} und @${colleague.handle}, bitte schauen`,
      });
      expect(unlinkedMentions).toEqual([{ handle: partner.handle, reason: 'cannot_see_space' }]);
      await controlLive;
      await quiet();
      expect(events.events).toEqual([]);
      expect(await countRows(t, 'notifications', 'user_id = $1 AND space_id = $2', [partner.id, staff.id])).toBe(0);
    });

    it('after losing access to a watched space and thread, nothing more arrives', async () => {
      const group = await createSpace(t, coordinator, { visibility: 'private' });
      const outsider = await makeActor(t, { role: 'partner' });
      const membership = await addMember(t, coordinator, group.id, { userId: outsider.id });
      const { thread } = await createThread(t, coordinator, group.id);
      expect((await as(t, outsider).put(`/api/spaces/${group.id}/subscription`, { level: 'watching' })).status).toBe(200);
      expect((await as(t, outsider).put(`/api/threads/${thread.id}/subscription`, { level: 'watching' })).status).toBe(200);
      // while a member, they hear about both
      await createThread(t, coordinator, group.id, { title: 'Solange Mitglied' });
      await createPost(t, coordinator, thread.id);
      const before = await settled(outsider, 3);
      expect(before.map((n) => n.type).sort()).toEqual(['added_to_space', 'new_thread', 'reply']);

      expect((await as(t, coordinator).delete(`/api/spaces/${group.id}/members/${membership.id}`)).status).toBe(204);
      const socket = await connect(t.url, outsider.token);
      const events = record(socket);
      const control = await connect(t.url, coordinator.token);
      expect((await as(t, coordinator).put(`/api/spaces/${group.id}/subscription`, { level: 'watching' })).status).toBe(200);
      const controlLive = nextEvent(control, 'notification:new', { filter: (n) => n.type === 'new_thread' });
      await createThread(t, admin, group.id, { title: 'Nach dem Austritt' });
      await createPost(t, coordinator, thread.id, { body: `Noch da, @${outsider.handle}?` });
      await controlLive;
      await quiet();
      expect(events.events).toEqual([]);
      expect((await all(outsider)).map((n) => n.id)).toEqual(before.map((n) => n.id));
      const members = (await as(t, coordinator).get(`/api/spaces/${group.id}/members`)).body as Page<SpaceMemberDto>;
      expect(members.items.map((m) => m.user?.id)).not.toContain(outsider.id);
    });
  });

  describe('reading', () => {
    let reader: Actor;
    let ids: number[];

    beforeAll(async () => {
      reader = await makeActor(t, { role: 'advisor' });
      const notifications = t.app.get(NotificationsService);
      for (let i = 0; i < 5; i++) {
        await notifications.notify([
          {
            userId: reader.id,
            type: 'added_to_space',
            subject: `Bereich ${i}`,
            actorId: coordinator.id,
            spaceId: null,
            threadId: null,
            postId: null,
            link: `/forum/test-${i}`,
          },
        ]);
      }
      ids = (await all(reader)).map((n) => n.id).reverse();
      expect(ids).toHaveLength(5);
    });

    it('lists newest first with cursor paging, and oldest first after an id', async () => {
      const first = await list(reader, '?limit=2');
      expect(first.items.map((n) => n.id)).toEqual([ids[4], ids[3]]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await list(reader, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect(second.items.map((n) => n.id)).toEqual([ids[2], ids[1]]);
      const third = await list(reader, `?limit=2&cursor=${encodeURIComponent(second.nextCursor!)}`);
      expect(third).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });

      const after = await list(reader, `?after=${ids[1]}&limit=2`);
      expect(after.items.map((n) => n.id)).toEqual([ids[2], ids[3]]);
      expect(after.nextCursor).not.toBeNull();
      expect((await list(reader, `?after=${ids[3]}`)).items.map((n) => n.id)).toEqual([ids[4]]);
      expect((await list(reader, `?after=${ids[4]}`)).items).toEqual([]);

      for (const bad of ['?limit=101', '?limit=0', '?after=-1', '?after=abc', '?unreadOnly=maybe', '?cursor=garbage', '?foo=1']) {
        expect([bad, (await as(t, reader).get(`/api/notifications${bad}`)).status]).toEqual([bad, 400]);
      }
      expect((await request(t.url).get('/api/notifications')).status).toBe(401);
    });

    it('marks some and then all as read; the count follows over REST and the socket; other people are untouched', async () => {
      const socket = await connect(t.url, reader.token);
      expect(await unread(reader)).toBe(5);
      const othersId = (await all(advisor))[0]?.id;

      let badge = nextEvent(socket, 'notification:unread-count');
      const some = await as(t, reader).post('/api/notifications/read', { ids: [ids[0], ids[1], ...(othersId ? [othersId] : [])] });
      expect(some.status).toBe(200);
      expect(some.body).toEqual({ count: 3 });
      expect(await badge).toEqual([{ count: 3 }]);
      expect((await list(reader, '?unreadOnly=true')).items.map((n) => n.id)).toEqual([ids[4], ids[3], ids[2]]);
      expect((await list(reader, `?after=0&unreadOnly=true`)).items.map((n) => n.id)).toEqual([ids[2], ids[3], ids[4]]);
      const readOne = (await all(reader)).find((n) => n.id === ids[0])!;
      expect(readOne.readAt).toEqual(expect.any(String));
      if (othersId) expect((await all(advisor)).find((n) => n.id === othersId)!.readAt).toBeNull();

      badge = nextEvent(socket, 'notification:unread-count');
      const everything = await as(t, reader).post('/api/notifications/read', { all: true });
      expect(everything.body).toEqual({ count: 0 });
      expect(await badge).toEqual([{ count: 0 }]);
      expect(await unread(reader)).toBe(0);
      expect((await list(reader, '?unreadOnly=true')).items).toEqual([]);

      for (const bad of [{ ids: ['x'] }, { ids: [0] }, { ids: 'all' }, { all: 'yes' }, { ids: [1], extra: true }]) {
        expect([bad, (await as(t, reader).post('/api/notifications/read', bad)).status]).toEqual([bad, 400]);
      }
    });
  });

  describe('preferences and e-mail', () => {
    it('has defaults, saves choices and refuses bad values', async () => {
      const person = await makeActor(t, { role: 'advisor' });
      const defaults = (await as(t, person).get('/api/notifications/preferences')).body as NotificationPreferencesDto;
      expect(defaults.items).toEqual(NOTIFICATION_TYPES.map((type) => ({ type, email: DEFAULT_EMAIL_MODE[type] })));
      expect(defaults.meetingReminderHours).toBe(24);
      const byType = Object.fromEntries(defaults.items.map((i) => [i.type, i.email]));
      expect(byType).toMatchObject({
        mention: 'immediate',
        reply: 'digest',
        new_thread: 'digest',
        added_to_space: 'digest',
        invitation_accepted: 'digest',
        document_added: 'digest',
      });

      const saved = await as(t, person).put('/api/notifications/preferences', {
        items: [
          { type: 'mention', email: 'off' },
          { type: 'reply', email: 'immediate' },
        ],
        meetingReminderHours: 2,
      });
      expect(saved.status).toBe(200);
      expect((saved.body as NotificationPreferencesDto).meetingReminderHours).toBe(2);
      const after = (saved.body as NotificationPreferencesDto).items;
      expect(after.find((i) => i.type === 'mention')!.email).toBe('off');
      expect(after.find((i) => i.type === 'reply')!.email).toBe('immediate');
      expect(after.find((i) => i.type === 'new_thread')!.email).toBe('digest');
      expect((await as(t, person).get('/api/notifications/preferences')).body).toEqual(saved.body);

      for (const bad of [
        { items: [{ type: 'bogus', email: 'off' }] },
        { items: [{ type: 'mention', email: 'weekly' }] },
        { items: [{ type: 'mention' }] },
        { items: [{ type: 'mention', email: 'off', push: true }] },
        { items: 'all' },
        {},
        { items: [], extra: 1 },
        { items: [], meetingReminderHours: 3 },
        { items: [], meetingReminderHours: 0 },
        { items: [], meetingReminderHours: null },
        { items: [], meetingReminderHours: '24' },
      ]) {
        expect([bad, (await as(t, person).put('/api/notifications/preferences', bad)).status]).toEqual([bad, 400]);
      }
      expect((await as(t, person).get('/api/notifications/preferences')).body).toEqual(saved.body);

      // leaving the lead time out keeps it
      const kept = await as(t, person).put('/api/notifications/preferences', { items: [{ type: 'reply', email: 'digest' }] });
      expect(kept.status).toBe(200);
      expect((kept.body as NotificationPreferencesDto).meetingReminderHours).toBe(2);
    });

    it('sends immediate mails in the recipient’s language, with a link and without post text; "off" sends none', async () => {
      const german = await makeActor(t, { role: 'advisor', displayName: 'Gerda Deutsch' });
      const english = await makeActor(t, { role: 'advisor', displayName: 'Emma English' });
      const silent = await makeActor(t, { role: 'advisor' });
      expect((await as(t, english).patch('/api/users/me', { locale: 'en' })).status).toBe(200);
      expect((await as(t, silent).put('/api/notifications/preferences', { items: [{ type: 'mention', email: 'off' }] })).status).toBe(200);
      const secret = uniqueWord('text');
      const { thread, post } = await createThread(t, advisor, network.id, {
        title: 'Berufsanerkennung',
        body: `@${german.handle} @${english.handle} @${silent.handle} ${secret}`,
      });
      await settled(silent, 1);
      await settled(english, 1);
      await settled(german, 1);
      const link = `${PUBLIC_URL}/forum/thema/${thread.id}#beitrag-${post.seq}`;

      const [de] = await mailsTo(german.email);
      expect(de!.subject).toBe('Treffpunkt: Anna Beraterin hat Sie in „Berufsanerkennung“ erwähnt');
      expect(de!.text_body).toContain('Guten Tag Gerda Deutsch,');
      expect(de!.text_body).toContain(link);
      expect(de!.html_body).toContain(`href="${link}"`);
      expect(de!.text_body).toContain(`${PUBLIC_URL}/profil/benachrichtigungen`);

      const [en] = await mailsTo(english.email);
      expect(en!.subject).toBe('Treffpunkt: Anna Beraterin mentioned you in “Berufsanerkennung”');
      expect(en!.text_body).toContain('Hello Emma English,');
      expect(en!.text_body).toContain(link);
      expect(en!.html_body).toContain('Open</a>');

      for (const mail of [de!, en!]) expect(JSON.stringify(mail)).not.toContain(secret);
      expect(await mailsTo(silent.email)).toEqual([]);
      // mailed immediately: not again in the digest
      expect(await countRows(t, 'notifications', 'user_id = $1 AND emailed_at IS NOT NULL', [german.id])).toBe(1);
      expect(await countRows(t, 'notifications', 'user_id = $1 AND emailed_at IS NULL', [silent.id])).toBe(1);
    });

    it('the daily digest groups by space and goes out once per Berlin day, from 07:00', async () => {
      const notifications = t.app.get(NotificationsService);
      const reader = await makeActor(t, { role: 'advisor', displayName: 'Dora Digest' });
      const second = await createSpace(t, coordinator, { name: `Zweiter ${uniqueWord('z')}`, visibility: 'network' });
      for (const space of [network, second]) {
        expect((await as(t, reader).put(`/api/spaces/${space.id}/subscription`, { level: 'watching' })).status).toBe(200);
      }
      const secret = uniqueWord('digest');
      await createThread(t, advisor, network.id, { title: 'Erstes Thema', body: secret });
      await createThread(t, advisor, second.id, { title: 'Zweites Thema', body: secret });
      await createThread(t, advisor, network.id, { title: 'Drittes Thema', body: secret });
      await settled(reader, 3);
      for (const space of [network, second]) {
        expect((await as(t, reader).put(`/api/spaces/${space.id}/subscription`, { level: 'normal' })).status).toBe(200);
      }
      expect(await mailsTo(reader.email)).toEqual([]);

      // 2031-03-10 06:30 Berlin (CET, UTC+1): too early
      expect(await notifications.sendDigests(new Date('2031-03-10T05:30:00Z'))).toBe(0);
      expect(await mailsTo(reader.email)).toEqual([]);
      // 08:00 Berlin
      const morning = new Date('2031-03-10T07:00:00Z');
      expect(await notifications.sendDigests(morning)).toBeGreaterThanOrEqual(1);
      const [digest] = await mailsTo(reader.email);
      expect(digest!.subject).toBe('Treffpunkt: 3 Neuigkeiten');
      const text = digest!.text_body;
      const firstGroup = text.indexOf(`## ${network.name}`);
      const secondGroup = text.indexOf(`## ${second.name}`);
      expect(firstGroup).toBeGreaterThan(-1);
      expect(secondGroup).toBeGreaterThan(-1);
      const [a, b] = firstGroup < secondGroup ? [firstGroup, secondGroup] : [secondGroup, firstGroup];
      const sections = { [firstGroup]: text.slice(a, b), [secondGroup]: text.slice(b) };
      expect(sections[firstGroup]).toContain('„Erstes Thema“');
      expect(sections[firstGroup]).toContain('„Drittes Thema“');
      expect(sections[secondGroup]).toContain('„Zweites Thema“');
      expect(digest!.html_body).toContain(`<h3>${second.name}</h3>`);
      expect(JSON.stringify(digest)).not.toContain(secret);
      expect(await countRows(t, 'notifications', 'user_id = $1 AND emailed_at IS NULL', [reader.id])).toBe(0);

      // something new the same day waits for tomorrow
      await notifications.notify([
        {
          userId: reader.id,
          type: 'added_to_space',
          subject: 'Noch ein Bereich',
          actorId: coordinator.id,
          spaceId: null,
          threadId: null,
          postId: null,
          link: '/forum/noch-einer',
        },
      ]);
      await notifications.sendDigests(new Date('2031-03-10T12:00:00Z'));
      await notifications.sendDigests(new Date('2031-03-10T22:59:00Z'));
      expect(await mailsTo(reader.email)).toHaveLength(1);
      await notifications.sendDigests(new Date('2031-03-11T06:00:00Z'));
      const mails = await mailsTo(reader.email);
      expect(mails).toHaveLength(2);
      expect(mails[1]!.subject).toBe('Treffpunkt: 1 Neuigkeit');
      expect(mails[1]!.text_body).toContain('## Allgemein');
      expect(mails[1]!.text_body).toContain('„Noch ein Bereich“');
      // nothing left: no empty digest
      await notifications.sendDigests(new Date('2031-03-12T07:00:00Z'));
      expect(await mailsTo(reader.email)).toHaveLength(2);
    });
  });
});
