import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import type { AuthUser } from '../src/common/auth/auth-user.js';
import { CaseRetentionService } from '../src/modules/forum/case-retention.service.js';
import { ForumModule } from '../src/modules/forum/forum.module.js';
import { ForumService } from '../src/modules/forum/forum.service.js';
import { SearchModule } from '../src/modules/search/search.module.js';
import { SearchService } from '../src/modules/search/search.service.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { makeOrganisation, makeUser } from '../../../test/support/factories.js';
import { uniqueWord } from '../../../test/support/forum.js';
import { integrationModule } from './support/module.js';

const DAY_MS = 86_400_000;
const TABLES_BY_THREAD = ['threads WHERE id = $1', 'posts WHERE thread_id = $1', 'thread_reads WHERE thread_id = $1'];

describe('case retention on a real database', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let forum: ForumService;
  let retention: CaseRetentionService;
  let searchService: SearchService;
  let advisor: AuthUser;
  let colleague: AuthUser;
  let coordinator: AuthUser;
  let shortSpace: string;
  let longSpace: string;

  const ctx = (user: AuthUser) => ({ user, ip: '127.0.0.1' });
  const count = async (sql: string, params: unknown[]) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;
  const insertSpace = async (months: number) => {
    const id = randomUUID();
    await db.query(`INSERT INTO spaces (id, name, slug, visibility, case_retention_months) VALUES ($1, $2, $3, 'staff', $4)`, [
      id,
      `Team ${months}`,
      `team-${id.slice(0, 8)}`,
      months,
    ]);
    return id;
  };

  /** A case thread with something in every dependent table: posts, a revision, a mention, reads, subscriptions, a draft. */
  async function fullCaseThread(spaceId: string, word: string) {
    const created = await forum.createThread(ctx(advisor), spaceId, { title: `Fall ${word}`, body: `Sachstand ${word}`, kind: 'case' });
    const threadId = created.thread.id;
    const colleagueHandle = (await db.query<{ handle: string }>('SELECT handle FROM users WHERE id = $1', [colleague.id]))[0]!.handle;
    const reply = await forum.createPost(ctx(colleague), threadId, { body: `Antwort ${word}` });
    await forum.updatePost(ctx(advisor), created.post.id, { body: `Sachstand ${word}, bitte @${colleagueHandle} ansehen` });
    await forum.listPosts(ctx(coordinator), threadId, {});
    await forum.setThreadSubscription(coordinator, threadId, 'muted');
    await forum.saveDraft(coordinator, { threadId }, { body: `Entwurf ${word}` });
    return { threadId, postIds: [created.post.id, reply.post.id], code: created.thread.pseudonymCode! };
  }

  async function rowsOf(threadId: string, postIds: string[]) {
    return {
      threads: await count('threads WHERE id = $1', [threadId]),
      posts: await count('posts WHERE thread_id = $1', [threadId]),
      revisions: await count('post_revisions WHERE post_id = ANY($1::uuid[])', [postIds]),
      mentions: await count('post_mentions WHERE post_id = ANY($1::uuid[])', [postIds]),
      reads: await count('thread_reads WHERE thread_id = $1', [threadId]),
      subscriptions: await count('thread_subscriptions WHERE thread_id = $1', [threadId]),
      drafts: await count('drafts WHERE thread_id = $1', [threadId]),
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, { imports: [ForumModule, SearchModule] });
    forum = moduleRef.get(ForumService);
    retention = moduleRef.get(CaseRetentionService);
    searchService = moduleRef.get(SearchService);
    const org = await makeOrganisation(db);
    const [a, b, c] = await Promise.all([
      makeUser(db, { role: 'advisor', organisationId: org.id }),
      makeUser(db, { role: 'advisor', organisationId: org.id }),
      makeUser(db, { role: 'coordinator', organisationId: org.id }),
    ]);
    advisor = { id: a.id, role: 'advisor', organisationId: org.id };
    colleague = { id: b.id, role: 'advisor', organisationId: org.id };
    coordinator = { id: c.id, role: 'coordinator', organisationId: org.id };
    shortSpace = await insertSpace(6);
    longSpace = await insertSpace(24);
  });

  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  it('purges an expired case thread from every table and from search; keeps held, unexpired and discussion threads', async () => {
    const expiredWord = uniqueWord('abgelaufen');
    const expired = await fullCaseThread(shortSpace, expiredWord);
    const heldWord = uniqueWord('gehalten');
    const held = await fullCaseThread(shortSpace, heldWord);
    await forum.setLegalHold(ctx(coordinator), held.threadId, 'Klageverfahren anhängig');
    const youngWord = uniqueWord('jung');
    const young = await fullCaseThread(longSpace, youngWord);
    const discussionWord = uniqueWord('diskussion');
    const discussion = await forum.createThread(ctx(advisor), shortSpace, { title: `Frage ${discussionWord}`, body: discussionWord });
    // the discussion looks ancient, but only case threads have a retention date
    await db.query("UPDATE threads SET last_post_at = now() - interval '10 years' WHERE id = $1", [discussion.thread.id]);

    const before = await rowsOf(expired.threadId, expired.postIds);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    expect((await searchService.search(advisor, '127.0.0.1', { q: expiredWord })).items).toHaveLength(3);

    // 13 months from now: past the 6-month date, before the 24-month one
    const purged = await retention.purgeExpired(new Date(Date.now() + 13 * 30.5 * DAY_MS));
    expect(purged).toBe(1);

    expect(await rowsOf(expired.threadId, expired.postIds)).toEqual({
      threads: 0,
      posts: 0,
      revisions: 0,
      mentions: 0,
      reads: 0,
      subscriptions: 0,
      drafts: 0,
    });
    expect((await searchService.search(advisor, '127.0.0.1', { q: expiredWord })).items).toEqual([]);
    expect((await searchService.search(coordinator, '127.0.0.1', { q: `Fall ${expiredWord}`, type: 'threads' })).items).toEqual([]);

    for (const survivor of [held, young]) {
      const rows = await rowsOf(survivor.threadId, survivor.postIds);
      expect(Object.values(rows).every((n) => n > 0)).toBe(true);
    }
    expect((await searchService.search(advisor, '127.0.0.1', { q: heldWord })).items.length).toBeGreaterThan(0);
    expect((await searchService.search(advisor, '127.0.0.1', { q: youngWord })).items.length).toBeGreaterThan(0);
    expect(await count('threads WHERE id = $1', [discussion.thread.id])).toBe(1);

    const audit = await db.query<{ actor_id: string | null; details: Record<string, unknown> }>(
      "SELECT actor_id, details FROM audit_log WHERE action = 'thread.purge' AND entity_id = $1",
      [expired.threadId],
    );
    expect(audit).toEqual([{ actor_id: null, details: { pseudonymCode: expired.code, reason: 'retention' } }]);
    const allPurgeDetails = JSON.stringify(await db.query("SELECT details FROM audit_log WHERE action = 'thread.purge'"));
    expect(allPurgeDetails).not.toContain(expiredWord);
    expect(await count("audit_log WHERE action = 'thread.purge' AND entity_id = ANY($1::text[])", [[held.threadId, young.threadId]])).toBe(
      0,
    );
  });

  it('purges by the stored date: a thread whose retention_until was moved into the past goes on the next run', async () => {
    const word = uniqueWord('zurueck');
    const thread = await fullCaseThread(longSpace, word);
    expect(await retention.purgeExpired(new Date())).toBe(0);
    await db.query("UPDATE threads SET retention_until = now() - interval '1 minute' WHERE id = $1", [thread.threadId]);
    expect(await retention.purgeExpired(new Date())).toBe(1);
    for (const table of TABLES_BY_THREAD) expect(await count(table, [thread.threadId])).toBe(0);
  });

  it('keeps a thread on legal hold even long after its date, and purges it once the hold is lifted', async () => {
    const thread = await fullCaseThread(shortSpace, uniqueWord('halt'));
    await forum.setLegalHold(ctx(coordinator), thread.threadId, 'Aufbewahrungspflicht');
    const farFuture = new Date(Date.now() + 20 * 365 * DAY_MS);
    await retention.purgeExpired(farFuture);
    expect(await count('threads WHERE id = $1', [thread.threadId])).toBe(1);
    expect(await count('posts WHERE thread_id = $1', [thread.threadId])).toBe(2);
    await forum.setLegalHold(ctx(coordinator), thread.threadId, null);
    expect(await retention.purgeExpired(farFuture)).toBeGreaterThanOrEqual(1);
    expect(await count('threads WHERE id = $1', [thread.threadId])).toBe(0);
  });

  it('a soft-deleted expired case thread is purged as well', async () => {
    const thread = await fullCaseThread(shortSpace, uniqueWord('geloescht'));
    await forum.deleteThread(ctx(advisor), thread.threadId);
    expect(await retention.purgeExpired(new Date(Date.now() + 7 * 31 * DAY_MS))).toBeGreaterThanOrEqual(1);
    expect(await count('threads WHERE id = $1', [thread.threadId])).toBe(0);
  });

  it('never purges discussion threads, whatever the clock says', async () => {
    const discussion = await forum.createThread(ctx(advisor), shortSpace, { title: 'Allgemein', body: 'Text' });
    await retention.purgeExpired(new Date(Date.now() + 100 * 365 * DAY_MS));
    expect(await count('threads WHERE id = $1', [discussion.thread.id])).toBe(1);
  });
});
