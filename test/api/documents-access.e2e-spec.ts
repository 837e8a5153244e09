import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentDto, DocumentSearchHitDto, ErrorBody, FolderListDto, Page, SpaceVisibility } from '@treffpunkt/contracts';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFolder, download, sha256, textBytes, upload, uploadRequest } from '../support/documents.js';
import { makeOrganisation } from '../support/factories.js';
import { addMember, as, createSpace, makeActor, uniqueWord, type Actor } from '../support/forum.js';

/**
 * The access matrix of documents: every kind of person × every kind of space × every document
 * path. Expected outcomes are written out from SPEC §2 independently of access.rules.ts: whoever
 * cannot see the space gets 404 for everything in it; whoever sees it may read and upload; only the
 * person who added something or a moderator renames, moves, deletes and restores it.
 */
type ActorName = 'admin' | 'coordinator' | 'advisor' | 'partner-user-member' | 'partner-org-member' | 'partner-non-member';
const ACTORS: ActorName[] = ['admin', 'coordinator', 'advisor', 'partner-user-member', 'partner-org-member', 'partner-non-member'];
const SPACES: SpaceVisibility[] = ['network', 'staff', 'private'];

const SEES: Record<ActorName, SpaceVisibility[]> = {
  admin: ['network', 'staff', 'private'],
  coordinator: ['network', 'staff'],
  advisor: ['network', 'staff'],
  'partner-user-member': ['network', 'private'],
  'partner-org-member': ['network', 'private'],
  // a moderator member of the staff space: that grants a partner nothing
  'partner-non-member': ['network'],
};
const MODERATES: Record<ActorName, SpaceVisibility[]> = {
  admin: ['network', 'staff', 'private'],
  coordinator: ['network', 'staff'],
  advisor: [],
  'partner-user-member': [],
  'partner-org-member': [],
  'partner-non-member': [],
};
const sees = (a: ActorName, s: SpaceVisibility) => SEES[a].includes(s);
const moderates = (a: ActorName, s: SpaceVisibility) => MODERATES[a].includes(s);

interface Cell {
  actor: ActorName;
  space: SpaceVisibility;
  status: number;
  label: string;
}

function cells(what: string, ok: number, rule: 'read' | 'write' | 'moderate'): Cell[] {
  return ACTORS.flatMap((actor) =>
    SPACES.map((space) => {
      const status = !sees(actor, space) ? 404 : rule === 'moderate' && !moderates(actor, space) ? 403 : ok;
      const verb = status === 404 ? `cannot see` : status === 403 ? `may not ${what} in` : `may ${what} in`;
      return { actor, space, status, label: `${actor} ${verb} a ${space} space (${status})` };
    }),
  );
}

describe('documents access matrix over HTTP', () => {
  let t: TestApp;
  const actors = {} as Record<ActorName, Actor>;
  let owner: Actor;
  const space = {} as Record<SpaceVisibility, { id: string; folderId: string; documentId: string; bytes: Buffer; word: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    const network = await makeOrganisation(t.db, { type: 'service_point' });
    const memberOrg = await makeOrganisation(t.db, { type: 'business' });
    const made = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: network.id }),
      makeActor(t, { role: 'coordinator', organisationId: network.id }),
      makeActor(t, { role: 'advisor', organisationId: network.id }),
      makeActor(t, { role: 'partner' }),
      makeActor(t, { role: 'partner', organisationId: memberOrg.id }),
      makeActor(t, { role: 'partner' }),
      makeActor(t, { role: 'admin', organisationId: network.id }),
    ]);
    ACTORS.forEach((name, i) => (actors[name] = made[i]!));
    owner = made[6]!;
    for (const visibility of SPACES) {
      const created = await createSpace(t, owner, { visibility, name: `Dokumente ${visibility}` });
      const folder = await createFolder(t, owner, created.id, 'Ablage');
      const word = uniqueWord(visibility);
      const bytes = textBytes(4000);
      const doc = await upload(t, owner, folder.id, bytes, `Leitfaden ${word}.txt`);
      space[visibility] = { id: created.id, folderId: folder.id, documentId: doc.id, bytes, word };
    }
    await addMember(t, owner, space.private.id, { userId: actors['partner-user-member'].id });
    await addMember(t, owner, space.private.id, { organisationId: memberOrg.id });
    await addMember(t, owner, space.staff.id, { userId: actors['partner-non-member'].id }, 'moderator');
  });

  afterAll(async () => {
    await t.close();
  });

  const client = (name: ActorName) => as(t, actors[name]);
  const expectOutcome = (res: { status: number; body: unknown }, status: number) => {
    expect(res.status).toBe(status);
    if (status === 404) expect((res.body as ErrorBody).code).toBe('NOT_FOUND');
    if (status === 403) expect((res.body as ErrorBody).code).toBe('FORBIDDEN');
  };
  /** Something the owner (not the actor) added, fresh for one cell. */
  const ownersDocument = async (s: SpaceVisibility) => upload(t, owner, space[s].folderId, textBytes(100), 'fremd.txt');
  const ownersFolder = async (s: SpaceVisibility) => createFolder(t, owner, space[s].id, 'Fremder Ordner');

  describe('read', () => {
    it.each(cells('list the folders', 200, 'read'))('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).get(`/api/spaces/${space[s].id}/folders`);
      expectOutcome(res, status);
      if (status === 200) expect((res.body as FolderListDto).items.map((f) => f.id)).toContain(space[s].folderId);
    });

    it.each(cells('open a folder', 200, 'read'))('$label', async ({ actor, space: s, status }) => {
      expectOutcome(await client(actor).get(`/api/folders/${space[s].folderId}`), status);
    });

    it.each(cells('list the documents', 200, 'read'))('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).get(`/api/folders/${space[s].folderId}/documents`);
      expectOutcome(res, status);
      if (status === 200) expect((res.body as Page<DocumentDto>).items.map((d) => d.id)).toContain(space[s].documentId);
    });

    it.each(cells('read document metadata', 200, 'read'))('$label', async ({ actor, space: s, status }) => {
      expectOutcome(await client(actor).get(`/api/documents/${space[s].documentId}`), status);
    });

    it.each(cells('list the versions', 200, 'read'))('$label', async ({ actor, space: s, status }) => {
      expectOutcome(await client(actor).get(`/api/documents/${space[s].documentId}/versions`), status);
    });

    it.each(cells('download', 200, 'read'))('$label', async ({ actor, space: s, status }) => {
      const res = await download(t, actors[actor], `/api/documents/${space[s].documentId}/download?version=1`);
      expect(res.status).toBe(status);
      if (status === 200) expect(sha256(res.body as Buffer)).toBe(sha256(space[s].bytes));
      else expect(res.headers['content-disposition']).toBeUndefined();
      const ranged = await download(t, actors[actor], `/api/documents/${space[s].documentId}/download`).set('Range', 'bytes=0-3');
      expect(ranged.status).toBe(status === 200 ? 206 : status);
    });

    it.each(cells('see the trash', 200, 'read'))('$label', async ({ actor, space: s, status }) => {
      expectOutcome(await client(actor).get(`/api/spaces/${space[s].id}/trash`), status);
    });

    it.each(cells('find by name', 200, 'read'))('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).get(`/api/search?type=documents&q=${space[s].word}`);
      expect(res.status).toBe(200);
      const ids = (res.body as Page<DocumentSearchHitDto>).items.map((i) => i.documentId);
      expect(ids.includes(space[s].documentId)).toBe(status === 200);
    });
  });

  describe('write', () => {
    it.each(cells('create a folder', 201, 'write'))('$label', async ({ actor, space: s, status }) => {
      expectOutcome(await client(actor).post(`/api/spaces/${space[s].id}/folders`, { name: 'Neu' }), status);
    });

    it.each(cells('upload, then rename and delete their own document', 201, 'write'))('$label', async ({ actor, space: s, status }) => {
      const res = await uploadRequest(t, actors[actor], `/api/folders/${space[s].folderId}/documents`, textBytes(50), 'eigen.txt');
      expectOutcome(res, status);
      if (status !== 201) return;
      const id = (res.body as DocumentDto).id;
      expect((await client(actor).patch(`/api/documents/${id}`, { name: 'umbenannt.txt' })).status).toBe(200);
      expect((await client(actor).delete(`/api/documents/${id}`)).status).toBe(204);
      expect((await client(actor).post(`/api/documents/${id}/restore`)).status).toBe(201);
    });

    it.each(cells('upload a new version', 201, 'write'))('$label', async ({ actor, space: s, status }) => {
      const doc = await ownersDocument(s);
      const res = await uploadRequest(t, actors[actor], `/api/documents/${doc.id}/versions`, textBytes(60), 'v2.txt');
      expectOutcome(res, status);
    });

    it.each(cells('restore an old version', 201, 'write'))('$label', async ({ actor, space: s, status }) => {
      const doc = await ownersDocument(s);
      expectOutcome(await client(actor).post(`/api/documents/${doc.id}/versions/1/restore`), status);
    });

    it.each(cells("rename someone else's document", 200, 'moderate'))('$label', async ({ actor, space: s, status }) => {
      const doc = await ownersDocument(s);
      expectOutcome(await client(actor).patch(`/api/documents/${doc.id}`, { name: 'anders.txt' }), status);
    });

    it.each(cells("delete someone else's document", 204, 'moderate'))('$label', async ({ actor, space: s, status }) => {
      const doc = await ownersDocument(s);
      expectOutcome(await client(actor).delete(`/api/documents/${doc.id}`), status);
    });

    it.each(cells("restore someone else's document", 201, 'moderate'))('$label', async ({ actor, space: s, status }) => {
      const doc = await ownersDocument(s);
      expect((await as(t, owner).delete(`/api/documents/${doc.id}`)).status).toBe(204);
      expectOutcome(await client(actor).post(`/api/documents/${doc.id}/restore`), status);
    });

    it.each(cells("rename someone else's folder", 200, 'moderate'))('$label', async ({ actor, space: s, status }) => {
      const folder = await ownersFolder(s);
      expectOutcome(await client(actor).patch(`/api/folders/${folder.id}`, { name: 'Umbenannt' }), status);
    });

    it.each(cells("delete someone else's folder", 204, 'moderate'))('$label', async ({ actor, space: s, status }) => {
      const folder = await ownersFolder(s);
      expectOutcome(await client(actor).delete(`/api/folders/${folder.id}`), status);
    });

    it.each(cells("restore someone else's folder", 201, 'moderate'))('$label', async ({ actor, space: s, status }) => {
      const folder = await ownersFolder(s);
      expect((await as(t, owner).delete(`/api/folders/${folder.id}`)).status).toBe(204);
      expectOutcome(await client(actor).post(`/api/folders/${folder.id}/restore`), status);
    });
  });
});
