import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CreateThreadResponse,
  DraftDto,
  ErrorBody,
  Page,
  PostDto,
  PostRevisionDto,
  PostWriteResponse,
  SpaceDto,
  SpaceMemberDto,
  ThreadDto,
  ThreadSummaryDto,
} from '@treffpunkt/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation, makeUser } from '../support/factories.js';
import { bearer } from '../support/http.js';
import { addMember, as, countRows, createPost, createSpace, createThread, makeActor, type Actor } from '../support/forum.js';

describe('forum over HTTP', () => {
  let t: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let colleague: Actor;
  let partner: Actor;
  let network: SpaceDto;

  beforeAll(async () => {
    t = await startTestApp();
    const home = await makeOrganisation(t.db);
    [admin, coordinator, advisor, colleague, partner] = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: home.id }),
      makeActor(t, { role: 'coordinator', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id, displayName: 'Anna Beraterin' }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'partner' }),
    ]);
    network = await createSpace(t, coordinator, { name: 'Netzwerk allgemein', visibility: 'network' });
  });

  afterAll(async () => {
    await t.close();
  });

  const posts = async (actor: Actor, threadId: string, query = '') =>
    (await as(t, actor).get(`/api/threads/${threadId}/posts${query}`)).body as Page<PostDto>;
  const thread = async (actor: Actor, threadId: string) => (await as(t, actor).get(`/api/threads/${threadId}`)).body as ThreadDto;
  const threadList = async (actor: Actor, spaceId: string, query = '') =>
    (await as(t, actor).get(`/api/spaces/${spaceId}/threads${query}`)).body as Page<ThreadSummaryDto>;
  const audits = (action: string, entityId: string) =>
    t.db.query<{ actor_id: string; details: Record<string, unknown> }>(
      'SELECT actor_id, details FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id',
      [action, entityId],
    );

  // ── spaces ───────────────────────────────────────────────────────────────────────────────

  describe('spaces', () => {
    it('creates a space with a chosen slug; the creator becomes its moderator and an audit row is written', async () => {
      const res = await as(t, coordinator).post('/api/spaces', {
        name: 'AG Pflege',
        slug: 'ag-pflege',
        description: 'Arbeitsgruppe',
        visibility: 'private',
      });
      expect(res.status).toBe(201);
      const space = res.body as SpaceDto;
      expect(space).toMatchObject({
        name: 'AG Pflege',
        slug: 'ag-pflege',
        visibility: 'private',
        caseRetentionMonths: 12,
        archived: false,
      });
      expect(space.permissions).toMatchObject({ post: true, moderate: true, manage: true });
      const members = (await as(t, coordinator).get(`/api/spaces/${space.id}/members`)).body as Page<SpaceMemberDto>;
      expect(members.items).toEqual([
        expect.objectContaining({ role: 'moderator', user: expect.objectContaining({ id: coordinator.id }) }),
      ]);
      expect(await audits('space.create', space.id)).toEqual([
        expect.objectContaining({ actor_id: coordinator.id, details: { visibility: 'private' } }),
      ]);
    });

    it('derives the slug from the name when none is given and numbers repeats', async () => {
      const first = await createSpace(t, coordinator, { name: 'Arbeitsgruppe Pflege & Anerkennung' });
      const second = await createSpace(t, coordinator, { name: 'Arbeitsgruppe Pflege & Anerkennung' });
      expect(first.slug).toBe('arbeitsgruppe-pflege-anerkennung');
      expect(second.slug).toBe('arbeitsgruppe-pflege-anerkennung-2');
    });

    it('refuses a slug that is taken (409 SLUG_TAKEN) and stores nothing', async () => {
      await createSpace(t, coordinator, { slug: 'doppelt' });
      const before = await countRows(t, 'spaces');
      const res = await as(t, admin).post('/api/spaces', { name: 'Zweiter', slug: 'doppelt', description: '', visibility: 'network' });
      expect(res.status).toBe(409);
      expect((res.body as ErrorBody).code).toBe('SLUG_TAKEN');
      expect(await countRows(t, 'spaces')).toBe(before);
    });

    it('lets only coordinators and admins create spaces (403) and validates the input (400)', async () => {
      const body = { name: 'Nicht erlaubt', description: '', visibility: 'network' };
      expect((await as(t, advisor).post('/api/spaces', body)).status).toBe(403);
      expect((await as(t, partner).post('/api/spaces', body)).status).toBe(403);
      expect((await as(t, admin).post('/api/spaces', { ...body, visibility: 'secret' })).status).toBe(400);
      expect((await as(t, admin).post('/api/spaces', { ...body, slug: 'Nicht Gültig' })).status).toBe(400);
      expect((await as(t, admin).post('/api/spaces', { ...body, caseRetentionMonths: 0 })).status).toBe(400);
    });

    it('updates name and description and audits which fields changed', async () => {
      const space = await createSpace(t, coordinator);
      const res = await as(t, coordinator).patch(`/api/spaces/${space.id}`, {
        name: 'Neuer Name',
        description: 'Neu',
        caseRetentionMonths: 6,
      });
      expect(res.status).toBe(200);
      expect(res.body as SpaceDto).toMatchObject({ name: 'Neuer Name', description: 'Neu', caseRetentionMonths: 6, slug: space.slug });
      const [row] = await audits('space.update', space.id);
      expect(row?.details).toEqual({ fields: ['name', 'description', 'caseRetentionMonths'] });
      expect((await as(t, advisor).patch(`/api/spaces/${space.id}`, { name: 'Nein' })).status).toBe(403);
      expect((await as(t, coordinator).patch(`/api/spaces/${space.id}`, { colour: 'red' })).status).toBe(400);
    });

    it('archiving makes a space read-only for everyone (409 SPACE_ARCHIVED) while reading still works; unarchiving reopens it', async () => {
      const space = await createSpace(t, coordinator);
      const { thread: th, post } = await createThread(t, advisor, space.id);
      const archived = await as(t, coordinator).patch(`/api/spaces/${space.id}`, { archived: true });
      expect(archived.status).toBe(200);
      expect(archived.body as SpaceDto).toMatchObject({ archived: true, permissions: { post: false, moderate: true } });

      for (const actor of [advisor, coordinator, admin]) {
        const newThread = await as(t, actor).post(`/api/spaces/${space.id}/threads`, { title: 'Neu', body: 'Text' });
        expect(newThread.status).toBe(409);
        expect((newThread.body as ErrorBody).code).toBe('SPACE_ARCHIVED');
        const reply = await as(t, actor).post(`/api/threads/${th.id}/posts`, { body: 'Antwort' });
        expect(reply.status).toBe(409);
        expect((reply.body as ErrorBody).code).toBe('SPACE_ARCHIVED');
      }
      // the author cannot edit in an archived space either
      const edit = await as(t, advisor).patch(`/api/posts/${post.id}`, { body: 'geändert' });
      expect(edit.status).toBe(409);
      expect((await as(t, advisor).get(`/api/threads/${th.id}/posts`)).status).toBe(200);
      expect((await thread(advisor, th.id)).permissions.reply).toBe(false);
      expect(await countRows(t, 'posts', 'thread_id = $1', [th.id])).toBe(1);

      await as(t, coordinator).patch(`/api/spaces/${space.id}`, { archived: false });
      await createPost(t, advisor, th.id);
    });

    it('adds a person and an organisation as members, removes them again, and audits each change', async () => {
      const space = await createSpace(t, coordinator, { visibility: 'private' });
      const partnerOrg = await makeOrganisation(t.db, { type: 'welfare' });
      const orgPartner = await makeActor(t, { role: 'partner', organisationId: partnerOrg.id });
      expect((await as(t, partner).get(`/api/spaces/${space.id}`)).status).toBe(404);

      const personal = await addMember(t, coordinator, space.id, { userId: partner.id });
      expect(personal).toMatchObject({ role: 'member', user: { id: partner.id }, organisation: null });
      const viaOrg = await addMember(t, coordinator, space.id, { organisationId: partnerOrg.id }, 'moderator');
      expect(viaOrg).toMatchObject({ role: 'moderator', user: null, organisation: { id: partnerOrg.id } });
      expect((await as(t, partner).get(`/api/spaces/${space.id}`)).status).toBe(200);
      const orgView = (await as(t, orgPartner).get(`/api/spaces/${space.id}`)).body as SpaceDto;
      expect(orgView.permissions.moderate).toBe(true);

      // adding the same person again changes the role instead of duplicating the row
      const again = await addMember(t, coordinator, space.id, { userId: partner.id }, 'moderator');
      expect(again.id).toBe(personal.id);
      expect(await countRows(t, 'space_members', 'space_id = $1', [space.id])).toBe(3);

      expect((await as(t, coordinator).delete(`/api/spaces/${space.id}/members/${personal.id}`)).status).toBe(204);
      expect((await as(t, coordinator).delete(`/api/spaces/${space.id}/members/${viaOrg.id}`)).status).toBe(204);
      expect((await as(t, partner).get(`/api/spaces/${space.id}`)).status).toBe(404);
      expect((await as(t, orgPartner).get(`/api/spaces/${space.id}`)).status).toBe(404);
      expect((await as(t, coordinator).delete(`/api/spaces/${space.id}/members/${personal.id}`)).status).toBe(404);

      const added = await audits('space.member_add', space.id);
      expect(added.map((r) => r.details)).toEqual([
        { userId: partner.id, role: 'member' },
        { organisationId: partnerOrg.id, role: 'moderator' },
        { userId: partner.id, role: 'moderator' },
      ]);
      expect(await audits('space.member_remove', space.id)).toHaveLength(2);
    });

    it('refuses a member request with both or neither subject (400) and unknown people (404)', async () => {
      const space = await createSpace(t, coordinator, { visibility: 'private' });
      const path = `/api/spaces/${space.id}/members`;
      expect((await as(t, coordinator).post(path, { role: 'member' })).status).toBe(400);
      expect(
        (await as(t, coordinator).post(path, { userId: partner.id, organisationId: partner.organisationId, role: 'member' })).status,
      ).toBe(400);
      expect((await as(t, coordinator).post(path, { userId: randomUUID(), role: 'member' })).status).toBe(404);
      expect((await as(t, coordinator).post(path, { organisationId: randomUUID(), role: 'member' })).status).toBe(404);
      expect((await as(t, coordinator).post(path, { userId: partner.id, role: 'owner' })).status).toBe(400);
    });
  });

  // ── thread list ──────────────────────────────────────────────────────────────────────────

  describe('thread list', () => {
    it('lists pinned threads first, then by last activity; a reply moves a thread up', async () => {
      const space = await createSpace(t, coordinator);
      const a = (await createThread(t, advisor, space.id, { title: 'A' })).thread;
      const b = (await createThread(t, advisor, space.id, { title: 'B' })).thread;
      const c = (await createThread(t, advisor, space.id, { title: 'C' })).thread;
      expect((await threadList(advisor, space.id)).items.map((i) => i.title)).toEqual(['C', 'B', 'A']);
      await createPost(t, colleague, a.id);
      expect((await threadList(advisor, space.id)).items.map((i) => i.title)).toEqual(['A', 'C', 'B']);
      await as(t, coordinator).patch(`/api/threads/${b.id}`, { pinned: true });
      expect((await threadList(advisor, space.id)).items.map((i) => i.title)).toEqual(['B', 'A', 'C']);
      expect(c.id).toBeDefined();
    });

    it('pages with a cursor without duplicates or gaps, also when many threads share one timestamp', async () => {
      const space = await createSpace(t, coordinator);
      const ids: string[] = [];
      for (let i = 0; i < 11; i++) ids.push((await createThread(t, advisor, space.id, { title: `Seite ${i}` })).thread.id);
      // seven threads with exactly the same last activity, two pinned
      await t.db.query("UPDATE threads SET last_post_at = '2026-01-01T10:00:00.123456Z' WHERE id = ANY($1::uuid[])", [ids.slice(2, 9)]);
      await t.db.query('UPDATE threads SET pinned = true WHERE id = ANY($1::uuid[])', [[ids[0], ids[5]]]);

      const seen: ThreadSummaryDto[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await threadList(advisor, space.id, query);
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(4);
      expect(seen.map((s) => s.id).sort()).toEqual([...ids].sort());

      const expected = await t.db.query<{ id: string }>(
        'SELECT id FROM threads WHERE space_id = $1 ORDER BY pinned DESC, last_post_at DESC, id DESC',
        [space.id],
      );
      expect(seen.map((s) => s.id)).toEqual(expected.map((r) => r.id));
      expect(seen.slice(0, 2).every((s) => s.pinned)).toBe(true);
    });

    it('refuses a forged cursor and a limit above 100 (400)', async () => {
      expect((await as(t, advisor).get(`/api/spaces/${network.id}/threads?cursor=not-a-cursor`)).status).toBe(400);
      expect((await as(t, advisor).get(`/api/spaces/${network.id}/threads?limit=101`)).status).toBe(400);
      expect((await as(t, advisor).get(`/api/spaces/${network.id}/threads?limit=0`)).status).toBe(400);
    });
  });

  // ── posts: Markdown, replies, quotes, mentions ───────────────────────────────────────────

  describe('posts', () => {
    it('renders Markdown to sanitised HTML: script, javascript: links and event handlers are harmless', async () => {
      const body = [
        '**fett** und _kursiv_',
        '<script>alert(1)</script>',
        '[klick](javascript:alert(2))',
        '<img src=x onerror="alert(3)">',
        '<a href="https://evil.example" onclick="alert(4)">roh</a>',
        '[extern](https://www.anerkennung-in-deutschland.de)',
        '[intern](/forum/abc)',
      ].join('\n\n');
      const { post } = await createThread(t, advisor, network.id, { body });
      expect(post.body).toBe(body);
      expect(post.html).toContain('<strong>fett</strong>');
      expect(post.html).toContain('<em>kursiv</em>');
      expect(post.html).not.toMatch(/<script/i);
      expect(post.html).not.toMatch(/<img/i);
      expect(post.html).not.toMatch(/<a [^>]*onclick/i);
      // the handler survives only as escaped text, never as an attribute of a tag
      expect(post.html).not.toMatch(/<[^>]*\son\w+=/i);
      expect(post.html).not.toMatch(/href="\s*javascript:/i);
      // raw HTML stays text; only the bare URL inside it is linkified, and safely
      expect(post.html).toContain('&lt;a href="<a href="https://evil.example" rel="noopener noreferrer" target="_blank">');
      expect(post.html).toContain('&lt;script&gt;');
      expect(post.html).toMatch(
        /<a href="https:\/\/www\.anerkennung-in-deutschland\.de" rel="noopener noreferrer" target="_blank">extern<\/a>/,
      );
      expect(post.html).toContain('<a href="/forum/abc">intern</a>');
      const stored = await t.db.query<{ body_html: string }>('SELECT body_html FROM posts WHERE id = $1', [post.id]);
      expect(stored[0]!.body_html).toBe(post.html);
    });

    it('links a reply to a post of the same thread and renders quotes as blockquotes', async () => {
      const { thread: th, post: first } = await createThread(t, advisor, network.id);
      const { post } = await createPost(t, colleague, th.id, { body: '> Erster Beitrag\n\nDem stimme ich zu.', replyToPostId: first.id });
      expect(post.replyTo).toEqual({ id: first.id, seq: 1, author: expect.objectContaining({ id: advisor.id }) });
      expect(post.seq).toBe(2);
      expect(post.html).toMatch(/<blockquote>\s*<p>Erster Beitrag<\/p>\s*<\/blockquote>/);
    });

    it('refuses reply-to a post of another thread or an unknown post (400) and stores nothing', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      const { post: foreign } = await createThread(t, advisor, network.id);
      for (const replyToPostId of [foreign.id, randomUUID()]) {
        const res = await as(t, colleague).post(`/api/threads/${th.id}/posts`, { body: 'Antwort', replyToPostId });
        expect(res.status).toBe(400);
        expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
      }
      expect((await as(t, colleague).post(`/api/threads/${th.id}/posts`, { body: 'A', replyToPostId: 'nope' })).status).toBe(400);
      expect(await countRows(t, 'posts', 'thread_id = $1', [th.id])).toBe(1);
      // nothing else of the reply either: no number taken, no watch, no read marker for the replier
      expect(await countRows(t, 'threads', 'id = $1 AND last_seq = 1 AND post_count = 1', [th.id])).toBe(1);
      expect(await countRows(t, 'thread_subscriptions', 'thread_id = $1 AND user_id = $2', [th.id, colleague.id])).toBe(0);
      expect(await countRows(t, 'thread_reads', 'thread_id = $1 AND user_id = $2', [th.id, colleague.id])).toBe(0);
    });

    it('links @mentions only for people who can see the space and reports the others', async () => {
      const staff = await createSpace(t, coordinator, { visibility: 'staff' });
      const disabled = await makeUser(t.db, { role: 'admin', status: 'disabled' });
      const body = `Hallo @${colleague.handle}, @${partner.handle}, @${disabled.handle} und @niemand.hier — \`@${coordinator.handle}\` ist Code`;
      const res = await as(t, advisor).post(`/api/spaces/${staff.id}/threads`, { title: 'Erwähnungen', body });
      expect(res.status).toBe(201);
      const created = res.body as CreateThreadResponse;
      expect(created.post.mentions).toEqual([expect.objectContaining({ userId: colleague.id, handle: colleague.handle })]);
      expect(created.post.html).toContain(`data-user-id="${colleague.id}"`);
      expect(created.post.html).not.toContain(`data-user-id="${partner.id}"`);
      expect(created.post.html).toContain(`@${partner.handle}`);
      expect(created.unlinkedMentions).toEqual(
        expect.arrayContaining([
          { handle: partner.handle, reason: 'cannot_see_space' },
          { handle: disabled.handle, reason: 'unknown' },
          { handle: 'niemand.hier', reason: 'unknown' },
        ]),
      );
      expect(created.unlinkedMentions).toHaveLength(3);
      expect(await t.db.query('SELECT user_id FROM post_mentions WHERE post_id = $1', [created.post.id])).toEqual([
        { user_id: colleague.id },
      ]);

      // an edit re-resolves mentions
      const edited = await as(t, advisor).patch(`/api/posts/${created.post.id}`, { body: `Nur noch @${coordinator.handle}` });
      expect((edited.body as PostWriteResponse).post.mentions.map((m) => m.userId)).toEqual([coordinator.id]);
      expect(await t.db.query('SELECT user_id FROM post_mentions WHERE post_id = $1', [created.post.id])).toEqual([
        { user_id: coordinator.id },
      ]);
    });

    it('keeps revisions on edit; the author and moderators see them, another participant gets 403', async () => {
      const { post } = await createThread(t, advisor, network.id, { body: 'Version eins' });
      const first = await as(t, advisor).patch(`/api/posts/${post.id}`, { body: 'Version zwei' });
      expect(first.status).toBe(200);
      expect((first.body as PostWriteResponse).post).toMatchObject({ body: 'Version zwei', edited: true, revisionCount: 1 });
      await as(t, coordinator).patch(`/api/posts/${post.id}`, { body: 'Version drei (Moderation)' });

      const history = await as(t, advisor).get(`/api/posts/${post.id}/revisions`);
      expect(history.status).toBe(200);
      expect((history.body as PostRevisionDto[]).map((r) => [r.revision, r.body, r.editedBy.id])).toEqual([
        [2, 'Version zwei', coordinator.id],
        [1, 'Version eins', advisor.id],
      ]);
      expect((await as(t, coordinator).get(`/api/posts/${post.id}/revisions`)).status).toBe(200);
      expect((await as(t, admin).get(`/api/posts/${post.id}/revisions`)).status).toBe(200);
      expect((await as(t, colleague).get(`/api/posts/${post.id}/revisions`)).status).toBe(403);
      expect((await as(t, colleague).patch(`/api/posts/${post.id}`, { body: 'fremd' })).status).toBe(403);
      expect(await countRows(t, 'post_revisions', 'post_id = $1', [post.id])).toBe(2);
    });

    it('soft delete leaves a "deleted" post in its place without its body; only author or moderator may delete', async () => {
      const { thread: th, post: first } = await createThread(t, advisor, network.id);
      const { post: second } = await createPost(t, colleague, th.id, { body: 'Wird gelöscht' });
      await createPost(t, advisor, th.id, { body: 'Danach' });
      expect((await as(t, advisor).delete(`/api/posts/${second.id}`)).status).toBe(403);
      expect((await as(t, colleague).delete(`/api/posts/${second.id}`)).status).toBe(204);
      expect((await as(t, colleague).delete(`/api/posts/${second.id}`)).status).toBe(204);

      const list = await posts(advisor, th.id);
      expect(list.items.map((p) => p.seq)).toEqual([1, 2, 3]);
      expect(list.items[1]).toMatchObject({
        id: second.id,
        deleted: true,
        body: '',
        html: '',
        mentions: [],
        permissions: { edit: false, delete: false },
      });
      expect((await thread(advisor, th.id)).postCount).toBe(2);
      const edit = await as(t, colleague).patch(`/api/posts/${second.id}`, { body: 'wieder da' });
      expect(edit.status).toBe(409);
      expect(await audits('post.delete', second.id)).toHaveLength(1);
      // a moderator deletes someone else's post
      expect((await as(t, coordinator).delete(`/api/posts/${first.id}`)).status).toBe(204);
    });

    it('pins, locks and unlocks by moderators only; nobody posts into a locked thread (409 THREAD_LOCKED)', async () => {
      const { thread: th, post } = await createThread(t, advisor, network.id);
      expect((await as(t, advisor).patch(`/api/threads/${th.id}`, { pinned: true })).status).toBe(403);
      expect((await as(t, advisor).patch(`/api/threads/${th.id}`, { locked: true })).status).toBe(403);
      const locked = await as(t, coordinator).patch(`/api/threads/${th.id}`, { pinned: true, locked: true });
      expect(locked.status).toBe(200);
      expect(locked.body as ThreadDto).toMatchObject({ pinned: true, locked: true, permissions: { reply: false, moderate: true } });
      expect(await audits('thread.moderate', th.id)).toEqual([expect.objectContaining({ details: { pinned: true, locked: true } })]);

      for (const actor of [advisor, coordinator, admin]) {
        const res = await as(t, actor).post(`/api/threads/${th.id}/posts`, { body: 'Trotzdem' });
        expect(res.status).toBe(409);
        expect((res.body as ErrorBody).code).toBe('THREAD_LOCKED');
      }
      // the author cannot edit in a locked thread; a moderator can
      expect((await as(t, advisor).patch(`/api/posts/${post.id}`, { body: 'geändert' })).status).toBe(409);
      expect((await as(t, coordinator).patch(`/api/posts/${post.id}`, { body: 'moderiert' })).status).toBe(200);
      expect(await countRows(t, 'posts', 'thread_id = $1', [th.id])).toBe(1);

      expect((await as(t, coordinator).patch(`/api/threads/${th.id}`, { locked: false })).status).toBe(200);
      await createPost(t, advisor, th.id);
    });

    it('lets the author rename their thread but not pin it; another participant cannot rename', async () => {
      const { thread: th } = await createThread(t, advisor, network.id, { title: 'Alt' });
      const renamed = await as(t, advisor).patch(`/api/threads/${th.id}`, { title: '  Neu  ' });
      expect(renamed.status).toBe(200);
      expect((renamed.body as ThreadDto).title).toBe('Neu');
      expect((await as(t, colleague).patch(`/api/threads/${th.id}`, { title: 'Fremd' })).status).toBe(403);
    });

    it('deleting a thread hides it (404) from everyone, also from the list', async () => {
      const space = await createSpace(t, coordinator);
      const { thread: th } = await createThread(t, advisor, space.id);
      expect((await as(t, colleague).delete(`/api/threads/${th.id}`)).status).toBe(403);
      expect((await as(t, advisor).delete(`/api/threads/${th.id}`)).status).toBe(204);
      expect((await as(t, admin).get(`/api/threads/${th.id}`)).status).toBe(404);
      expect((await as(t, admin).get(`/api/threads/${th.id}/posts`)).status).toBe(404);
      expect((await threadList(admin, space.id)).items).toEqual([]);
    });
  });

  // ── read tracking and subscriptions ──────────────────────────────────────────────────────

  describe('read tracking', () => {
    it('counts unread posts per thread and unread threads per space; reading posts marks them read', async () => {
      const space = await createSpace(t, coordinator);
      const { thread: th } = await createThread(t, advisor, space.id);
      const spaceOf = async (actor: Actor) => (await as(t, actor).get(`/api/spaces/${space.id}`)).body as SpaceDto;

      // the author has read their own post
      expect((await threadList(advisor, space.id)).items[0]).toMatchObject({ unreadCount: 0, isNew: false });
      expect((await spaceOf(advisor)).unreadThreadCount).toBe(0);
      // a colleague never opened it
      expect((await threadList(colleague, space.id)).items[0]).toMatchObject({ unreadCount: 1, isNew: true });
      expect((await spaceOf(colleague)).unreadThreadCount).toBe(1);
      expect((await thread(colleague, th.id)).lastReadSeq).toBe(0);

      await posts(colleague, th.id);
      expect((await threadList(colleague, space.id)).items[0]).toMatchObject({ unreadCount: 0, isNew: false });
      expect((await spaceOf(colleague)).unreadThreadCount).toBe(0);

      await createPost(t, advisor, th.id);
      await createPost(t, advisor, th.id);
      await createPost(t, advisor, th.id);
      expect((await threadList(colleague, space.id)).items[0]).toMatchObject({ unreadCount: 3, isNew: false });
      expect((await spaceOf(colleague)).unreadThreadCount).toBe(1);
      expect((await thread(colleague, th.id)).lastReadSeq).toBe(1);

      // a page marks read only what it showed
      const page = await posts(colleague, th.id, '?fromSeq=2&limit=1');
      expect(page.items.map((p) => p.seq)).toEqual([2]);
      expect(page.nextCursor).not.toBeNull();
      expect((await thread(colleague, th.id)).lastReadSeq).toBe(2);
      expect((await threadList(colleague, space.id)).items[0]!.unreadCount).toBe(2);

      // the read marker never moves back and never beyond the last post
      expect((await as(t, colleague).post(`/api/threads/${th.id}/read`, { seq: 1 })).status).toBe(204);
      expect((await thread(colleague, th.id)).lastReadSeq).toBe(2);
      expect((await as(t, colleague).post(`/api/threads/${th.id}/read`, { seq: 999 })).status).toBe(204);
      expect((await thread(colleague, th.id)).lastReadSeq).toBe(4);
      expect((await spaceOf(colleague)).unreadThreadCount).toBe(0);
      expect((await as(t, colleague).post(`/api/threads/${th.id}/read`, { seq: -1 })).status).toBe(400);
    });

    it('pages posts with a cursor in order', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      for (let i = 0; i < 4; i++) await createPost(t, colleague, th.id, { body: `Antwort ${i}` });
      const first = await posts(advisor, th.id, '?limit=2');
      const second = await posts(advisor, th.id, `?limit=2&cursor=${first.nextCursor!}`);
      const third = await posts(advisor, th.id, `?limit=2&cursor=${second.nextCursor!}`);
      expect([...first.items, ...second.items, ...third.items].map((p) => p.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(third.nextCursor).toBeNull();
    });
  });

  describe('subscriptions', () => {
    it('authors and repliers watch automatically; an explicit mute stays muted after replying', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      expect((await thread(advisor, th.id)).subscription).toBe('watching');
      expect((await thread(colleague, th.id)).subscription).toBe('normal');
      await createPost(t, colleague, th.id);
      expect((await thread(colleague, th.id)).subscription).toBe('watching');

      const mute = await as(t, coordinator).put(`/api/threads/${th.id}/subscription`, { level: 'muted' });
      expect(mute.status).toBe(200);
      await createPost(t, coordinator, th.id);
      expect((await thread(coordinator, th.id)).subscription).toBe('muted');
      expect((await as(t, coordinator).put(`/api/threads/${th.id}/subscription`, { level: 'loud' })).status).toBe(400);

      const space = await as(t, colleague).put(`/api/spaces/${network.id}/subscription`, { level: 'watching' });
      expect(space.status).toBe(200);
      expect(((await as(t, colleague).get(`/api/spaces/${network.id}`)).body as SpaceDto).subscription).toBe('watching');
    });
  });

  // ── drafts ──────────────────────────────────────────────────────────────────────────────

  describe('drafts', () => {
    it('keeps a space draft with title until the thread is posted', async () => {
      const space = await createSpace(t, coordinator);
      const path = `/api/spaces/${space.id}/draft`;
      expect((await as(t, advisor).get(path)).status).toBe(404);
      const saved = await as(t, advisor).put(path, { title: 'Entwurfstitel', body: 'Entwurfstext' });
      expect(saved.status).toBe(200);
      expect((await as(t, advisor).get(path)).body as DraftDto).toMatchObject({ title: 'Entwurfstitel', body: 'Entwurfstext' });
      await as(t, advisor).put(path, { title: 'Zweiter Titel', body: 'Zweiter Text' });
      expect(((await as(t, advisor).get(path)).body as DraftDto).title).toBe('Zweiter Titel');
      // another person sees only their own (none)
      expect((await as(t, colleague).get(path)).status).toBe(404);

      await createThread(t, advisor, space.id);
      expect((await as(t, advisor).get(path)).status).toBe(404);
      expect(await countRows(t, 'drafts', 'user_id = $1 AND space_id = $2', [advisor.id, space.id])).toBe(0);
    });

    it('keeps a thread draft (no title) until the reply is posted, and can be discarded', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      const path = `/api/threads/${th.id}/draft`;
      const saved = await as(t, colleague).put(path, { title: 'ignoriert', body: 'Halbe Antwort' });
      expect(saved.status).toBe(200);
      expect(saved.body as DraftDto).toMatchObject({ title: null, body: 'Halbe Antwort' });
      expect((await as(t, advisor).get(path)).status).toBe(404);
      await createPost(t, colleague, th.id);
      expect((await as(t, colleague).get(path)).status).toBe(404);

      await as(t, colleague).put(path, { body: 'Noch ein Entwurf' });
      expect((await as(t, colleague).delete(path)).status).toBe(204);
      expect((await as(t, colleague).get(path)).status).toBe(404);
      expect((await as(t, colleague).put(path, { body: 'x', extra: 1 })).status).toBe(400);
    });
  });

  // ── idempotency ─────────────────────────────────────────────────────────────────────────

  describe('Idempotency-Key', () => {
    it('a retry returns the same post and stores exactly one row', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      const send = () =>
        request(t.url)
          .post(`/api/threads/${th.id}/posts`)
          .set(...bearer(colleague.token))
          .set('Idempotency-Key', 'retry-key-0001')
          .send({ body: 'Nur einmal' });
      const first = await send();
      const second = await send();
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect((second.body as PostWriteResponse).post.id).toBe((first.body as PostWriteResponse).post.id);
      expect(await countRows(t, 'posts', 'thread_id = $1', [th.id])).toBe(2);
    });

    it('two concurrent requests with the same key create one post', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      const send = () =>
        request(t.url)
          .post(`/api/threads/${th.id}/posts`)
          .set(...bearer(colleague.token))
          .set('Idempotency-Key', 'concurrent-key-0001')
          .send({ body: 'Gleichzeitig' });
      const results = await Promise.all([send(), send(), send()]);
      expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(results.map((r) => (r.body as PostWriteResponse).post.id)).size).toBe(1);
      expect(await countRows(t, 'posts', 'thread_id = $1', [th.id])).toBe(2);
      expect((await thread(advisor, th.id)).postCount).toBe(2);
    });

    it('creates a thread once per key', async () => {
      const space = await createSpace(t, coordinator);
      const send = () =>
        request(t.url)
          .post(`/api/spaces/${space.id}/threads`)
          .set(...bearer(advisor.token))
          .set('Idempotency-Key', 'thread-key-0001')
          .send({ title: 'Einmal', body: 'Text' });
      const [a, b] = await Promise.all([send(), send()]);
      expect((a.body as CreateThreadResponse).thread.id).toBe((b.body as CreateThreadResponse).thread.id);
      expect(await countRows(t, 'threads', 'space_id = $1', [space.id])).toBe(1);
    });

    it('refuses a key reused for another path (409) and a malformed key (400)', async () => {
      const { thread: one } = await createThread(t, advisor, network.id);
      const { thread: two } = await createThread(t, advisor, network.id);
      const post = (threadId: string, key: string) =>
        request(t.url)
          .post(`/api/threads/${threadId}/posts`)
          .set(...bearer(colleague.token))
          .set('Idempotency-Key', key)
          .send({ body: 'Antwort' });
      expect((await post(one.id, 'reused-key-0001')).status).toBe(201);
      const reused = await post(two.id, 'reused-key-0001');
      expect(reused.status).toBe(409);
      expect((reused.body as ErrorBody).code).toBe('IDEMPOTENCY_CONFLICT');
      for (const key of ['short', 'has spaces in it', 'ü'.repeat(10), 'x'.repeat(101)]) {
        expect((await post(two.id, key)).status).toBe(400);
      }
      expect(await countRows(t, 'posts', 'thread_id = $1', [two.id])).toBe(1);
    });

    it('the same key of another person is independent', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      const post = (actor: Actor) =>
        request(t.url)
          .post(`/api/threads/${th.id}/posts`)
          .set(...bearer(actor.token))
          .set('Idempotency-Key', 'shared-key-0001')
          .send({ body: 'Antwort' });
      const a = await post(colleague);
      const b = await post(coordinator);
      expect((a.body as PostWriteResponse).post.id).not.toBe((b.body as PostWriteResponse).post.id);
    });
  });

  // ── bad input ───────────────────────────────────────────────────────────────────────────

  describe('bad input', () => {
    it('rejects unknown fields (400) and stores nothing', async () => {
      const space = await createSpace(t, coordinator);
      const before = await countRows(t, 'threads');
      const res = await as(t, advisor).post(`/api/spaces/${space.id}/threads`, { title: 'T', body: 'B', pinned: true });
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
      expect(await countRows(t, 'threads')).toBe(before);
      const { thread: th } = await createThread(t, advisor, space.id);
      expect((await as(t, advisor).post(`/api/threads/${th.id}/posts`, { body: 'B', authorId: admin.id })).status).toBe(400);
      expect(await countRows(t, 'posts', 'thread_id = $1', [th.id])).toBe(1);
    });

    it.each([
      ['an empty title', { title: '', body: 'Text' }],
      ['a whitespace title', { title: '   \t ', body: 'Text' }],
      ['an empty body', { title: 'Titel', body: '' }],
      ['a whitespace body', { title: 'Titel', body: ' \n\n  ' }],
      ['a 10,000-character title', { title: 'T'.repeat(10_000), body: 'Text' }],
      ['a body over 50,000 characters', { title: 'Titel', body: 'x'.repeat(50_001) }],
      ['a non-string body', { title: 'Titel', body: 42 }],
      ['an unknown kind', { title: 'Titel', body: 'Text', kind: 'poll' }],
    ])('refuses a thread with %s (400)', async (_name, body) => {
      const before = await countRows(t, 'threads');
      const res = await as(t, advisor).post(`/api/spaces/${network.id}/threads`, body);
      expect(res.status).toBe(400);
      expect(await countRows(t, 'threads')).toBe(before);
    });

    it('refuses an empty or whitespace reply (400)', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      expect((await as(t, advisor).post(`/api/threads/${th.id}/posts`, { body: '' })).status).toBe(400);
      expect((await as(t, advisor).post(`/api/threads/${th.id}/posts`, { body: '   ' })).status).toBe(400);
      expect((await as(t, advisor).post(`/api/threads/${th.id}/posts`, {})).status).toBe(400);
      expect(await countRows(t, 'posts', 'thread_id = $1', [th.id])).toBe(1);
    });

    it('answers a 1 MB body with 413 and nothing stored', async () => {
      const { thread: th } = await createThread(t, advisor, network.id);
      const res = await as(t, advisor).post(`/api/threads/${th.id}/posts`, { body: 'x'.repeat(1024 * 1024) });
      expect(res.status).toBe(413);
      expect((res.body as ErrorBody).code).toBe('PAYLOAD_TOO_LARGE');
      expect(await countRows(t, 'posts', 'thread_id = $1', [th.id])).toBe(1);
    });

    it('answers non-UUID ids with 400 and unknown ids with 404', async () => {
      for (const path of ['/api/threads/abc', '/api/threads/abc/posts', '/api/spaces/1/threads', '/api/posts/%27%3B--/revisions']) {
        expect((await as(t, advisor).get(path)).status).toBe(400);
      }
      for (const path of [`/api/threads/${randomUUID()}`, `/api/threads/${randomUUID()}/posts`, `/api/spaces/${randomUUID()}/threads`]) {
        const res = await as(t, advisor).get(path);
        expect(res.status).toBe(404);
        expect((res.body as ErrorBody).code).toBe('NOT_FOUND');
      }
      expect((await as(t, advisor).post(`/api/threads/${randomUUID()}/posts`, { body: 'x' })).status).toBe(404);
      expect((await as(t, advisor).patch(`/api/posts/${randomUUID()}`, { body: 'x' })).status).toBe(404);
    });

    it('needs a session for every forum endpoint (401)', async () => {
      expect((await request(t.url).get(`/api/spaces/${network.id}/threads`)).status).toBe(401);
      expect((await request(t.url).get('/api/search?q=test')).status).toBe(401);
    });
  });
});
