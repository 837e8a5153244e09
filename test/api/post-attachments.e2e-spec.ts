import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentDto, ErrorBody, FolderDto, Page, PostDto, SpaceDto } from '@treffpunkt/contracts';
import { startTestApp, type TestApp } from '../support/app.js';
import { download, pdfBytes, textBytes, upload } from '../support/documents.js';
import { makeOrganisation } from '../support/factories.js';
import { as, countRows, createPost, createSpace, createThread, makeActor, type Actor } from '../support/forum.js';

describe('attachments on forum posts over HTTP', () => {
  let t: TestApp;
  let coordinator: Actor;
  let advisor: Actor;
  let partner: Actor;
  let staff: SpaceDto;
  let other: SpaceDto;
  let hidden: SpaceDto;

  beforeAll(async () => {
    t = await startTestApp();
    const home = await makeOrganisation(t.db);
    [coordinator, advisor, partner] = await Promise.all([
      makeActor(t, { role: 'coordinator', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'partner' }),
    ]);
    staff = await createSpace(t, coordinator, { visibility: 'staff' });
    other = await createSpace(t, coordinator, { visibility: 'network' });
    hidden = await createSpace(t, coordinator, { visibility: 'private' });
  });

  afterAll(async () => {
    await t.close();
  });

  const attachmentFolder = async (actor: Actor, spaceId: string) => {
    const res = await as(t, actor).get(`/api/spaces/${spaceId}/attachment-folder`);
    expect(res.status).toBe(200);
    return res.body as FolderDto;
  };
  const attach = async (actor: Actor, spaceId: string, name = 'notiz.txt'): Promise<DocumentDto> =>
    upload(t, actor, (await attachmentFolder(actor, spaceId)).id, name.endsWith('.pdf') ? pdfBytes() : textBytes(300), name);
  const caseReads = (threadId: string) =>
    t.db.query<{ details: Record<string, unknown>; actor_id: string }>(
      "SELECT details, actor_id FROM audit_log WHERE action = 'case.read' AND entity_id = $1 AND details->>'via' = 'attachment' ORDER BY id",
      [threadId],
    );

  describe('attachment folder', () => {
    it('creates the top-level folder "Anhänge" once and returns it on every call', async () => {
      const results = await Promise.all([attachmentFolder(advisor, staff.id), attachmentFolder(coordinator, staff.id)]);
      const again = await attachmentFolder(advisor, staff.id);
      expect(results[0].id).toBe(results[1].id);
      expect(again.id).toBe(results[0].id);
      expect(again).toMatchObject({ spaceId: staff.id, parentId: null, name: 'Anhänge' });
      expect(await countRows(t, 'folders', "space_id = $1 AND name = 'Anhänge'", [staff.id])).toBe(1);
    });

    it('is 404 for spaces the caller cannot see', async () => {
      expect((await as(t, advisor).get(`/api/spaces/${hidden.id}/attachment-folder`)).status).toBe(404);
      expect((await as(t, partner).get(`/api/spaces/${staff.id}/attachment-folder`)).status).toBe(404);
      expect(await countRows(t, 'folders', 'space_id = $1', [hidden.id])).toBe(0);
    });
  });

  describe('attaching', () => {
    it('attaches documents to a new thread and to a reply, and lists them with the posts', async () => {
      const [a, b, c] = await Promise.all([
        attach(advisor, staff.id, 'a.pdf'),
        attach(advisor, staff.id, 'b.txt'),
        attach(coordinator, staff.id),
      ]);
      const created = await createThread(t, advisor, staff.id, { attachmentIds: [a.id, b.id] });
      expect(created.post.attachments).toEqual([
        { documentId: a.id, name: 'a.pdf', size: a.size, contentType: a.contentType },
        { documentId: b.id, name: 'b.txt', size: b.size, contentType: b.contentType },
      ]);
      const reply = await createPost(t, coordinator, created.thread.id, { attachmentIds: [c.id] });
      expect(reply.post.attachments.map((x) => x.documentId)).toEqual([c.id]);
      const plain = await createPost(t, coordinator, created.thread.id);
      expect(plain.post.attachments).toEqual([]);

      const posts = (await as(t, advisor).get(`/api/threads/${created.thread.id}/posts`)).body as Page<PostDto>;
      expect(posts.items.map((p) => p.attachments.map((x) => x.documentId))).toEqual([[a.id, b.id], [c.id], []]);
    });

    it('refuses documents of another space or in the trash, and stores nothing', async () => {
      const foreign = await attach(advisor, other.id);
      const trashed = await attach(advisor, staff.id);
      const fine = await attach(advisor, staff.id);
      expect((await as(t, advisor).delete(`/api/documents/${trashed.id}`)).status).toBe(204);
      const { thread } = await createThread(t, advisor, staff.id);
      const threadsBefore = await countRows(t, 'threads', 'space_id = $1', [staff.id]);

      for (const bad of [foreign.id, trashed.id]) {
        const res = await as(t, advisor).post(`/api/threads/${thread.id}/posts`, { body: 'Mit Anhang', attachmentIds: [fine.id, bad] });
        expect(res.status).toBe(400);
        expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
        expect((res.body as ErrorBody).message).toContain(bad);
        const opened = await as(t, advisor).post(`/api/spaces/${staff.id}/threads`, { title: 'Neu', body: 'Text', attachmentIds: [bad] });
        expect(opened.status).toBe(400);
      }
      expect(await countRows(t, 'posts', 'thread_id = $1', [thread.id])).toBe(1);
      expect(await countRows(t, 'threads', 'space_id = $1', [staff.id])).toBe(threadsBefore);
      expect(await countRows(t, 'post_attachments', 'document_id = ANY($1::uuid[])', [[fine.id, foreign.id, trashed.id]])).toBe(0);
    });

    it('answers an invisible or unknown document id with the same 400', async () => {
      const secret = await attach(coordinator, hidden.id);
      const { thread } = await createThread(t, advisor, staff.id);
      const unknown = '00000000-0000-4000-8000-000000000000';
      const answers = await Promise.all(
        [secret.id, unknown].map((id) => as(t, advisor).post(`/api/threads/${thread.id}/posts`, { body: 'Text', attachmentIds: [id] })),
      );
      expect(answers.map((r) => r.status)).toEqual([400, 400]);
      expect((answers[0]!.body as ErrorBody).message.replace(secret.id, 'X')).toBe(
        (answers[1]!.body as ErrorBody).message.replace(unknown, 'X'),
      );
      expect(await countRows(t, 'post_attachments', 'document_id = $1', [secret.id])).toBe(0);
    });

    it('validates the list: at most 10 ids, each a UUID', async () => {
      const { thread } = await createThread(t, advisor, staff.id);
      const ids = Array.from({ length: 11 }, () => '00000000-0000-4000-8000-000000000000');
      expect((await as(t, advisor).post(`/api/threads/${thread.id}/posts`, { body: 'x', attachmentIds: ids })).status).toBe(400);
      expect((await as(t, advisor).post(`/api/threads/${thread.id}/posts`, { body: 'x', attachmentIds: ['nope'] })).status).toBe(400);
    });
  });

  describe('audit of downloads', () => {
    it('audits every download of a case-thread attachment as case.read, and not of other attachments', async () => {
      const caseDoc = await attach(advisor, staff.id, 'fall.pdf');
      const plainDoc = await attach(advisor, staff.id, 'allgemein.pdf');
      const kase = await as(t, advisor).post(`/api/spaces/${staff.id}/threads`, {
        title: 'Beratungsfall',
        body: 'Anerkennung des Abschlusses, Termin steht aus.',
        kind: 'case',
        attachmentIds: [caseDoc.id],
      });
      expect(kase.status).toBe(201);
      const caseThreadId = (kase.body as { thread: { id: string } }).thread.id;
      const discussion = await createThread(t, advisor, staff.id, { attachmentIds: [plainDoc.id] });

      for (let i = 0; i < 2; i++) expect((await download(t, coordinator, `/api/documents/${caseDoc.id}/download`)).status).toBe(200);
      const rows = await caseReads(caseThreadId);
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.details)).toEqual([
        { via: 'attachment', documentId: caseDoc.id },
        { via: 'attachment', documentId: caseDoc.id },
      ]);
      expect(rows.every((r) => r.actor_id === coordinator.id)).toBe(true);

      expect((await download(t, coordinator, `/api/documents/${plainDoc.id}/download`)).status).toBe(200);
      expect(await countRows(t, 'audit_log', "action = 'case.read' AND details->>'documentId' = $1", [plainDoc.id])).toBe(0);
      expect(await countRows(t, 'audit_log', "action = 'case.read' AND entity_id = $1", [discussion.thread.id])).toBe(0);
    });
  });
});
