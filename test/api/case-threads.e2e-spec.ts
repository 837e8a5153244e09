import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CreateThreadResponse, ErrorBody, PiiFinding, PostWriteResponse, SpaceDto, ThreadDto } from '@treffpunkt/contracts';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation } from '../support/factories.js';
import { addMember, as, countRows, createPost, createSpace, createThread, makeActor, uniqueWord, type Actor } from '../support/forum.js';

const PII_BODY = 'Herr M., geboren am 12.03.1987, erreichbar unter m.mustermann@example.org, wohnt in der Musterstraße 12.';
const CLEAN_BODY = 'Anerkennung des Pflegeabschlusses nach § 4 BQFG, Termin beim Amt steht noch aus.';
const MONTH_MS = 30.44 * 86_400_000;

describe('case threads over HTTP', () => {
  let t: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let colleague: Actor;
  let partner: Actor;
  let staff: SpaceDto;
  let privateSpace: SpaceDto;
  let network: SpaceDto;
  const year = new Date().getUTCFullYear();

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
    staff = await createSpace(t, coordinator, { visibility: 'staff', caseRetentionMonths: 6 });
    privateSpace = await createSpace(t, coordinator, { visibility: 'private' });
    await addMember(t, coordinator, privateSpace.id, { userId: partner.id });
    await addMember(t, coordinator, privateSpace.id, { userId: advisor.id });
    network = await createSpace(t, coordinator, { visibility: 'network' });
  });

  afterAll(async () => {
    await t.close();
  });

  const openCase = (actor: Actor, spaceId: string, body: Record<string, unknown> = {}) =>
    as(t, actor).post(`/api/spaces/${spaceId}/threads`, { title: 'Beratungsfall', body: CLEAN_BODY, kind: 'case', ...body });
  const caseNumber = (code: string) => Number(code.split('-')[2]);
  const lastCaseNumber = async () =>
    (await t.db.query<{ last_value: number }>('SELECT last_value FROM case_sequences WHERE year = $1', [year]))[0]?.last_value ?? 0;
  const audits = (action: string, entityId: string) =>
    t.db.query<{ actor_id: string | null; details: Record<string, unknown> }>(
      'SELECT actor_id, details FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id',
      [action, entityId],
    );

  describe('pseudonym codes', () => {
    it('gives each case thread a code F-<year>-<4 digits>, increasing', async () => {
      const first = (await openCase(advisor, staff.id)).body as CreateThreadResponse;
      const second = (await openCase(advisor, privateSpace.id)).body as CreateThreadResponse;
      for (const { thread } of [first, second]) expect(thread.pseudonymCode).toMatch(new RegExp(`^F-${year}-\\d{4}$`));
      expect(caseNumber(second.thread.pseudonymCode!)).toBe(caseNumber(first.thread.pseudonymCode!) + 1);
      expect(first.thread.kind).toBe('case');
      // discussions have none
      expect((await createThread(t, advisor, staff.id)).thread.pseudonymCode).toBeNull();
    });

    it('stays unique and gap-free when case threads are opened in parallel', async () => {
      const before = await lastCaseNumber();
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => openCase(i % 2 ? advisor : colleague, staff.id)));
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
      const numbers = results.map((r) => caseNumber((r.body as CreateThreadResponse).thread.pseudonymCode!)).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => before + 1 + i));
    });

    it('the code is searchable by staff and appears in hits', async () => {
      const created = (await openCase(advisor, staff.id)).body as CreateThreadResponse;
      const found = await as(t, colleague).get('/api/search').query({ q: 'Pflegeabschlusses', spaceId: staff.id, type: 'posts' });
      expect(found.status).toBe(200);
      expect((found.body as { items: Array<{ threadId: string; pseudonymCode: string }> }).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ threadId: created.thread.id, pseudonymCode: created.thread.pseudonymCode })]),
      );
    });
  });

  describe('who opens case threads', () => {
    it('refuses a case thread in a network space (400) and stores nothing', async () => {
      const before = await countRows(t, 'threads');
      const res = await openCase(coordinator, network.id);
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
      expect(await countRows(t, 'threads')).toBe(before);
    });

    it('refuses partners (403 in a private space they belong to, 404 in a staff space)', async () => {
      expect((await openCase(partner, privateSpace.id)).status).toBe(403);
      expect((await openCase(partner, staff.id)).status).toBe(404);
    });

    it('lets a partner member read and reply to a case thread in their private space', async () => {
      const { thread } = (await openCase(advisor, privateSpace.id)).body as CreateThreadResponse;
      expect((await as(t, partner).get(`/api/threads/${thread.id}/posts`)).status).toBe(200);
      await createPost(t, partner, thread.id, { body: 'Rückfrage zum Verfahren' });
    });
  });

  describe('personal-data check', () => {
    it('answers 422 PII_SUSPECTED with findings and stores nothing — no thread, no post, no case number', async () => {
      const [threads, posts, number] = [await countRows(t, 'threads'), await countRows(t, 'posts'), await lastCaseNumber()];
      const title = 'Fall Tel. 0171 2345678';
      const res = await openCase(advisor, staff.id, { title, body: PII_BODY });
      expect(res.status).toBe(422);
      const body = res.body as ErrorBody;
      expect(body.code).toBe('PII_SUSPECTED');
      expect(body.correlationId).toEqual(expect.any(String));
      const findings = body.findings!;
      expect(findings.map((f) => `${f.field}:${f.kind}`)).toEqual(
        expect.arrayContaining(['title:phone', 'body:birth_date', 'body:email', 'body:street_address']),
      );
      for (const f of findings) {
        expect(Object.keys(f).sort()).toEqual(['end', 'field', 'kind', 'start', 'text']);
        expect((f.field === 'title' ? title : PII_BODY).slice(f.start, f.end)).toBe(f.text);
      }
      expect(findings.find((f) => f.kind === 'email')?.text).toBe('m.mustermann@example.org');

      expect(await countRows(t, 'threads')).toBe(threads);
      expect(await countRows(t, 'posts')).toBe(posts);
      expect(await lastCaseNumber()).toBe(number);
    });

    it('does not check discussions', async () => {
      expect((await as(t, advisor).post(`/api/spaces/${staff.id}/threads`, { title: 'Frage', body: PII_BODY })).status).toBe(201);
    });

    it('stores the thread when the author confirms, and audits the kinds only, never the text', async () => {
      const res = await openCase(advisor, staff.id, { body: PII_BODY, acknowledgePii: true });
      expect(res.status).toBe(201);
      const { thread, post } = res.body as CreateThreadResponse;
      expect(post.body).toBe(PII_BODY);
      const rows = await audits('case.pii_acknowledged', thread.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.actor_id).toBe(advisor.id);
      expect(Object.keys(rows[0]!.details)).toEqual(['kinds']);
      expect((rows[0]!.details.kinds as string[]).sort()).toEqual(['birth_date', 'email', 'street_address']);
      const serialised = JSON.stringify(rows[0]!.details);
      for (const secret of ['mustermann', '1987', 'Musterstraße']) expect(serialised).not.toContain(secret);
    });

    it('checks replies too: 422 without confirmation, stored and audited with it', async () => {
      const { thread } = (await openCase(advisor, staff.id)).body as CreateThreadResponse;
      const refused = await as(t, colleague).post(`/api/threads/${thread.id}/posts`, { body: 'IBAN DE89 3704 0044 0532 0130 00' });
      expect(refused.status).toBe(422);
      expect((refused.body as ErrorBody).findings!.map((f: PiiFinding) => f.kind)).toEqual(['iban']);
      expect(await countRows(t, 'posts', 'thread_id = $1', [thread.id])).toBe(1);

      const stored = await as(t, colleague).post(`/api/threads/${thread.id}/posts`, {
        body: 'IBAN DE89 3704 0044 0532 0130 00',
        acknowledgePii: true,
      });
      expect(stored.status).toBe(201);
      expect((await audits('case.pii_acknowledged', thread.id)).map((r) => r.details)).toEqual([{ kinds: ['iban'] }]);
    });

    it('checks edits too', async () => {
      const { post, thread } = (await openCase(advisor, staff.id)).body as CreateThreadResponse;
      const refused = await as(t, advisor).patch(`/api/posts/${post.id}`, { body: `${CLEAN_BODY} Kontakt: m.k@example.org` });
      expect(refused.status).toBe(422);
      expect(await countRows(t, 'post_revisions', 'post_id = $1', [post.id])).toBe(0);
      const stored = await as(t, advisor).patch(`/api/posts/${post.id}`, {
        body: `${CLEAN_BODY} Kontakt: m.k@example.org`,
        acknowledgePii: true,
      });
      expect(stored.status).toBe(200);
      expect((stored.body as PostWriteResponse).post.revisionCount).toBe(1);
      expect((await audits('case.pii_acknowledged', thread.id)).map((r) => r.details)).toEqual([{ kinds: ['email'] }]);
      // a case thread's title cannot be renamed to personal data
      expect((await as(t, advisor).patch(`/api/threads/${thread.id}`, { title: 'Fall m.k@example.org' })).status).toBe(422);
    });
  });

  describe('audit of reads', () => {
    it('writes a case.read row for every GET of the posts, by whom, and none for a discussion', async () => {
      const { thread } = (await openCase(advisor, staff.id)).body as CreateThreadResponse;
      expect(await audits('case.read', thread.id)).toHaveLength(0);
      await as(t, colleague).get(`/api/threads/${thread.id}/posts`);
      await as(t, colleague).get(`/api/threads/${thread.id}/posts`);
      await as(t, coordinator).get(`/api/threads/${thread.id}/posts`);
      const rows = await audits('case.read', thread.id);
      expect(rows.map((r) => r.actor_id)).toEqual([colleague.id, colleague.id, coordinator.id]);
      for (const row of rows) expect(JSON.stringify(row.details)).not.toContain('Pflege');

      const discussion = await createThread(t, advisor, staff.id);
      await as(t, colleague).get(`/api/threads/${discussion.thread.id}/posts`);
      expect(await audits('case.read', discussion.thread.id)).toHaveLength(0);
    });

    it('a search hit showing case content is a read too', async () => {
      const word = uniqueWord('fall');
      const { thread } = (await openCase(advisor, staff.id, { body: `Sachstand ${word}` })).body as CreateThreadResponse;
      await as(t, colleague).get('/api/search').query({ q: word });
      expect(await audits('case.read', thread.id)).toEqual([
        expect.objectContaining({ actor_id: colleague.id, details: { via: 'search' } }),
      ]);
    });
  });

  describe('retention and legal hold', () => {
    it("sets retentionUntil ≈ now + the space's caseRetentionMonths and moves it on with each post", async () => {
      const { thread } = (await openCase(advisor, staff.id)).body as CreateThreadResponse;
      const expected = Date.now() + 6 * MONTH_MS;
      expect(Math.abs(Date.parse(thread.retentionUntil!) - expected)).toBeLessThan(3 * 86_400_000);

      await t.db.query("UPDATE threads SET retention_until = now() + interval '1 day' WHERE id = $1", [thread.id]);
      const moved = await as(t, advisor).get(`/api/threads/${thread.id}`);
      expect(Date.parse((moved.body as ThreadDto).retentionUntil!)).toBeLessThan(Date.now() + 2 * 86_400_000);
      await createPost(t, colleague, thread.id);
      const after = (await as(t, advisor).get(`/api/threads/${thread.id}`)).body as ThreadDto;
      expect(Math.abs(Date.parse(after.retentionUntil!) - expected)).toBeLessThan(3 * 86_400_000);

      expect((await createThread(t, advisor, staff.id)).thread.retentionUntil).toBeNull();
    });

    it('the default retention is 12 months', async () => {
      const { thread } = (await openCase(advisor, privateSpace.id)).body as CreateThreadResponse;
      expect(Math.abs(Date.parse(thread.retentionUntil!) - (Date.now() + 12 * MONTH_MS))).toBeLessThan(3 * 86_400_000);
    });

    it('a legal hold is placed and lifted by moderators only, and hides retentionUntil meanwhile', async () => {
      const { thread } = (await openCase(advisor, staff.id)).body as CreateThreadResponse;
      const path = `/api/threads/${thread.id}/legal-hold`;
      expect((await as(t, advisor).put(path, { reason: 'Widerspruchsverfahren läuft' })).status).toBe(403);
      expect((await as(t, partner).put(path, { reason: 'Widerspruchsverfahren läuft' })).status).toBe(404);
      expect((await as(t, coordinator).put(path, { reason: 'x' })).status).toBe(400);
      expect((await as(t, coordinator).put(path, {})).status).toBe(400);

      const held = await as(t, coordinator).put(path, { reason: 'Widerspruchsverfahren läuft' });
      expect(held.status).toBe(200);
      const dto = held.body as ThreadDto;
      expect(dto.retentionUntil).toBeNull();
      expect(dto.legalHold).toEqual({ reason: 'Widerspruchsverfahren läuft', since: expect.any(String) });
      expect((await as(t, advisor).get(`/api/threads/${thread.id}`)).body as ThreadDto).toMatchObject({ retentionUntil: null });
      // a post keeps it on hold
      await createPost(t, advisor, thread.id);
      expect(((await as(t, advisor).get(`/api/threads/${thread.id}`)).body as ThreadDto).legalHold).not.toBeNull();

      const lifted = await as(t, admin).put(path, { reason: null });
      expect(lifted.status).toBe(200);
      expect(lifted.body as ThreadDto).toMatchObject({ legalHold: null, retentionUntil: expect.any(String) });
      expect((await audits('thread.legal_hold', thread.id)).map((r) => [r.actor_id, r.details.hold])).toEqual([
        [coordinator.id, true],
        [admin.id, false],
      ]);
    });

    it('refuses a legal hold on a discussion thread (400)', async () => {
      const { thread } = await createThread(t, advisor, staff.id);
      const res = await as(t, coordinator).put(`/api/threads/${thread.id}/legal-hold`, { reason: 'Aufbewahren bitte' });
      expect(res.status).toBe(400);
    });
  });
});
