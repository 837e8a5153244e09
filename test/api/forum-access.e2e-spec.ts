import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, Page, SearchHitDto, SpaceDto, SpaceVisibility, ThreadDto, ThreadSummaryDto } from '@treffpunkt/contracts';
import { AccessService } from '../../apps/api/src/modules/access/access.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation, makeUser } from '../support/factories.js';
import { addMember, as, createSpace, createThread, makeActor, uniqueWord, type Actor } from '../support/forum.js';

/**
 * The access matrix of the forum: every kind of person × every kind of space × every action, each
 * cell a test of its own. Expected outcomes come from the rules in SPEC §2, written out here
 * independently of access.rules.ts, so removing or loosening a rule fails a named cell.
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
  // explicitly a member of the staff space: that grants a partner nothing
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
const STAFF = new Set<ActorName>(['admin', 'coordinator', 'advisor']);

const sees = (a: ActorName, s: SpaceVisibility) => SEES[a].includes(s);
const moderates = (a: ActorName, s: SpaceVisibility) => MODERATES[a].includes(s);

interface Cell {
  actor: ActorName;
  space: SpaceVisibility;
  status: number;
  label: string;
}

function cells(describeCell: (actor: ActorName, space: SpaceVisibility) => { status: number; verb: string }): Cell[] {
  return ACTORS.flatMap((actor) =>
    SPACES.map((space) => {
      const { status, verb } = describeCell(actor, space);
      return { actor, space, status, label: `${actor} ${verb} (${status})` };
    }),
  );
}

const readCell = (what: string) =>
  cells((a, s) => ({
    status: sees(a, s) ? 200 : 404,
    verb: sees(a, s) ? `reads a ${s} space's ${what}` : `cannot see a ${s} space's ${what}`,
  }));

describe('forum access matrix over HTTP', () => {
  let t: TestApp;
  const actors = {} as Record<ActorName, Actor>;
  let author: Actor;
  const space = {} as Record<SpaceVisibility, { id: string; threadId: string; postId: string; word: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    const network = await makeOrganisation(t.db, { type: 'service_point' });
    const memberOrg = await makeOrganisation(t.db, { type: 'business' });
    const [admin, coordinator, advisor, userMember, orgMember, nonMember, postAuthor] = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: network.id }),
      makeActor(t, { role: 'coordinator', organisationId: network.id }),
      makeActor(t, { role: 'advisor', organisationId: network.id }),
      makeActor(t, { role: 'partner' }),
      makeActor(t, { role: 'partner', organisationId: memberOrg.id }),
      makeActor(t, { role: 'partner' }),
      makeActor(t, { role: 'admin', organisationId: network.id }),
    ]);
    Object.assign(actors, {
      admin,
      coordinator,
      advisor,
      'partner-user-member': userMember,
      'partner-org-member': orgMember,
      'partner-non-member': nonMember,
    });
    author = postAuthor;
    for (const visibility of SPACES) {
      const created = await createSpace(t, author, { visibility, name: `Matrix ${visibility}` });
      const word = uniqueWord(visibility);
      const thread = await createThread(t, author, created.id, { title: `Thema ${word}`, body: `Beitrag über ${word}` });
      space[visibility] = { id: created.id, threadId: thread.thread.id, postId: thread.post.id, word };
    }
    await addMember(t, author, space.private.id, { userId: userMember.id });
    await addMember(t, author, space.private.id, { organisationId: memberOrg.id });
    await addMember(t, author, space.staff.id, { userId: nonMember.id }, 'moderator');
  });

  afterAll(async () => {
    await t.close();
  });

  const client = (name: ActorName) => as(t, actors[name]);

  describe('read', () => {
    it.each(readCell('thread list'))('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).get(`/api/spaces/${space[s].id}/threads`);
      expect(res.status).toBe(status);
      if (status === 200) expect((res.body as Page<ThreadSummaryDto>).items.map((i) => i.id)).toContain(space[s].threadId);
      else expect((res.body as ErrorBody).code).toBe('NOT_FOUND');
    });

    it.each(readCell('space'))('$label', async ({ actor, space: s, status }) => {
      expect((await client(actor).get(`/api/spaces/${space[s].id}`)).status).toBe(status);
      const list = await client(actor).get('/api/spaces');
      expect((list.body as Page<SpaceDto>).items.some((i) => i.id === space[s].id)).toBe(status === 200);
    });

    it.each(readCell('thread'))('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).get(`/api/threads/${space[s].threadId}`);
      expect(res.status).toBe(status);
      if (status === 200) {
        expect((res.body as ThreadDto).permissions.moderate).toBe(moderates(actor, s));
      }
    });

    it.each(readCell('posts'))('$label', async ({ actor, space: s, status }) => {
      expect((await client(actor).get(`/api/threads/${space[s].threadId}/posts`)).status).toBe(status);
    });

    it.each(readCell('revisions of a post'))('$label', async ({ actor, space: s, status }) => {
      // visible: only the author and moderators see revisions, the rest get 403
      const res = await client(actor).get(`/api/posts/${space[s].postId}/revisions`);
      expect(res.status).toBe(status === 404 ? 404 : moderates(actor, s) ? 200 : 403);
    });

    it.each(readCell('draft'))('$label', async ({ actor, space: s, status }) => {
      // visible: no draft yet (404 NOT_FOUND for the draft); invisible: 404 for the space — the two must look alike
      expect((await client(actor).get(`/api/spaces/${space[s].id}/draft`)).status).toBe(404);
      const save = await client(actor).put(`/api/threads/${space[s].threadId}/draft`, { body: 'Entwurf' });
      expect(save.status).toBe(status);
    });
  });

  describe('write', () => {
    it.each(
      cells((a, s) => ({
        status: sees(a, s) ? 201 : 404,
        verb: sees(a, s) ? `creates a thread in a ${s} space` : `cannot create a thread in an invisible ${s} space`,
      })),
    )('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).post(`/api/spaces/${space[s].id}/threads`, { title: 'Neues Thema', body: 'Text' });
      expect(res.status).toBe(status);
    });

    it.each(
      cells((a, s) => ({
        status: sees(a, s) ? 201 : 404,
        verb: sees(a, s) ? `replies in a ${s} space's thread` : `cannot reply in a ${s} space's thread`,
      })),
    )('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).post(`/api/threads/${space[s].threadId}/posts`, { body: `Antwort von ${actor}` });
      expect(res.status).toBe(status);
    });

    it.each(
      cells((a, s) => {
        const status = !sees(a, s) ? 404 : moderates(a, s) ? 200 : 403;
        const verb = {
          200: `edits someone else's post in a ${s} space`,
          403: `cannot edit someone else's post in a ${s} space`,
          404: `cannot see someone else's post in a ${s} space`,
        }[status];
        return { status, verb };
      }),
    )('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).patch(`/api/posts/${space[s].postId}`, { body: `Beitrag über ${space[s].word} (bearbeitet)` });
      expect(res.status).toBe(status);
      if (status === 403) expect((res.body as ErrorBody).code).toBe('FORBIDDEN');
    });

    it.each(
      cells((a, s) => {
        const status = !sees(a, s) ? 404 : moderates(a, s) ? 200 : 403;
        const verb = {
          200: `pins and locks a thread in a ${s} space`,
          403: `cannot pin or lock a thread in a ${s} space`,
          404: `cannot see a ${s} space's thread to moderate it`,
        }[status];
        return { status, verb };
      }),
    )('$label', async ({ actor, space: s, status }) => {
      const path = `/api/threads/${space[s].threadId}`;
      const pin = await client(actor).patch(path, { pinned: true });
      expect(pin.status).toBe(status);
      const lock = await client(actor).patch(path, { locked: true });
      expect(lock.status).toBe(status);
      if (status === 200) {
        expect(lock.body as ThreadDto).toMatchObject({ pinned: true, locked: true });
        const unlock = await client(actor).patch(path, { locked: false, pinned: false });
        expect(unlock.status).toBe(200);
      }
    });

    it.each(
      cells((a, s) => {
        const status = !sees(a, s) ? 404 : s === 'network' ? 400 : STAFF.has(a) ? 201 : 403;
        const verb = {
          201: `opens a case thread in a ${s} space`,
          400: `cannot open a case thread in a ${s} space`,
          403: `is refused a case thread in a ${s} space`,
          404: `cannot see a ${s} space to open a case thread`,
        }[status];
        return { status, verb };
      }),
    )('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).post(`/api/spaces/${space[s].id}/threads`, { title: 'Fall', body: 'Beratung', kind: 'case' });
      expect(res.status).toBe(status);
    });

    it.each(
      cells((a, s) => {
        const status = !sees(a, s) ? 404 : moderates(a, s) ? 201 : 403;
        const verb = {
          201: `announces in a ${s} space`,
          403: `cannot announce in a ${s} space`,
          404: `cannot see a ${s} space to announce in`,
        }[status];
        return { status, verb };
      }),
    )('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).post(`/api/spaces/${space[s].id}/threads`, {
        title: 'Ankündigung',
        body: 'Treffen',
        kind: 'announcement',
      });
      expect(res.status).toBe(status);
    });

    it.each(
      cells((a, s) => {
        const manages = sees(a, s) && (a === 'admin' || a === 'coordinator');
        const status = !sees(a, s) ? 404 : manages ? 200 : 403;
        const verb = {
          200: `manages a ${s} space`,
          403: `cannot manage a ${s} space`,
          404: `cannot see a ${s} space to manage it`,
        }[status];
        return { status, verb };
      }),
    )('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).patch(`/api/spaces/${space[s].id}`, { description: `geändert von ${actor}` });
      expect(res.status).toBe(status);
      const members = await client(actor).post(`/api/spaces/${space[s].id}/members`, { userId: author.id, role: 'moderator' });
      expect(members.status).toBe(status === 200 ? 201 : status);
    });
  });

  describe('search', () => {
    it.each(
      cells((a, s) => ({
        status: 200,
        verb: sees(a, s) ? `finds a ${s} space's thread and post` : `never finds a ${s} space's content`,
      })),
    )('$label', async ({ actor, space: s }) => {
      const res = await client(actor).get('/api/search').query({ q: space[s].word });
      expect(res.status).toBe(200);
      const hits = (res.body as Page<SearchHitDto>).items;
      if (sees(actor, s)) {
        expect(hits.map((h) => h.type).sort()).toEqual(['posts', 'threads']);
        expect(hits.every((h) => h.threadId === space[s].threadId)).toBe(true);
      } else {
        expect(hits).toEqual([]);
      }
    });

    it.each(readCell('search results (spaceId filter)'))('$label', async ({ actor, space: s, status }) => {
      const res = await client(actor).get('/api/search').query({ q: space[s].word, spaceId: space[s].id });
      expect(res.status).toBe(status);
    });
  });

  describe('AccessService.usersWhoCanSee', () => {
    it.each(SPACES)('answers exactly the people who see a %s space', async (s) => {
      const access = t.app.get(AccessService);
      const ids = ACTORS.map((a) => actors[a].id);
      const visible = await access.usersWhoCanSee(space[s].id, ids);
      const expected = ACTORS.filter((a) => sees(a, s)).map((a) => actors[a].id);
      expect([...visible].sort()).toEqual(expected.sort());
    });

    it('never counts a disabled person as able to see, whatever their role or membership', async () => {
      const access = t.app.get(AccessService);
      const disabledAdmin = await makeUser(t.db, { role: 'admin', status: 'disabled' });
      const disabledMember = await makeUser(t.db, {
        role: 'partner',
        status: 'disabled',
        organisationId: actors['partner-org-member'].organisationId,
      });
      await t.db.query("INSERT INTO space_members (space_id, user_id, role) VALUES ($1, $2, 'moderator')", [
        space.private.id,
        disabledMember.id,
      ]);
      for (const s of SPACES) {
        const visible = await access.usersWhoCanSee(space[s].id, [disabledAdmin.id, disabledMember.id, actors.admin.id]);
        expect([...visible]).toEqual([actors.admin.id]);
      }
    });

    it('answers nobody for an unknown space or an empty list', async () => {
      const access = t.app.get(AccessService);
      expect((await access.usersWhoCanSee('00000000-0000-4000-8000-000000000000', [actors.admin.id])).size).toBe(0);
      expect((await access.usersWhoCanSee(space.network.id, [])).size).toBe(0);
    });
  });

  describe('memberships beyond the matrix', () => {
    it('a space member with role moderator moderates a private space, a coordinator member too', async () => {
      const priv = await createSpace(t, author, { visibility: 'private' });
      const { thread } = await createThread(t, author, priv.id);
      await addMember(t, author, priv.id, { userId: actors.advisor.id }, 'moderator');
      await addMember(t, author, priv.id, { userId: actors.coordinator.id }, 'member');
      await addMember(t, author, priv.id, { userId: actors['partner-non-member'].id }, 'member');
      expect((await client('advisor').patch(`/api/threads/${thread.id}`, { pinned: true })).status).toBe(200);
      expect((await client('coordinator').patch(`/api/threads/${thread.id}`, { pinned: false })).status).toBe(200);
      expect((await client('partner-non-member').patch(`/api/threads/${thread.id}`, { pinned: true })).status).toBe(403);
      // a moderator member who is an advisor still does not manage the space
      expect((await client('advisor').patch(`/api/spaces/${priv.id}`, { description: 'x' })).status).toBe(403);
      expect((await client('coordinator').patch(`/api/spaces/${priv.id}`, { description: 'Neu' })).status).toBe(200);
    });

    it('a partner who is a moderator member of a private space moderates there but cannot open case threads', async () => {
      const priv = await createSpace(t, author, { visibility: 'private' });
      const { thread } = await createThread(t, author, priv.id);
      await addMember(t, author, priv.id, { userId: actors['partner-non-member'].id }, 'moderator');
      const partner = client('partner-non-member');
      expect((await partner.patch(`/api/threads/${thread.id}`, { locked: true })).status).toBe(200);
      expect((await partner.post(`/api/spaces/${priv.id}/threads`, { title: 'A', body: 'B', kind: 'announcement' })).status).toBe(201);
      expect((await partner.post(`/api/spaces/${priv.id}/threads`, { title: 'A', body: 'B', kind: 'case' })).status).toBe(403);
    });

    it('removing the organisation membership hides the private space again (404)', async () => {
      const priv = await createSpace(t, author, { visibility: 'private' });
      const { thread } = await createThread(t, author, priv.id);
      const member = await addMember(t, author, priv.id, { organisationId: actors['partner-org-member'].organisationId });
      expect((await client('partner-org-member').get(`/api/threads/${thread.id}`)).status).toBe(200);
      expect((await as(t, author).delete(`/api/spaces/${priv.id}/members/${member.id}`)).status).toBe(204);
      expect((await client('partner-org-member').get(`/api/threads/${thread.id}`)).status).toBe(404);
      expect((await client('partner-org-member').get(`/api/spaces/${priv.id}`)).status).toBe(404);
    });

    it('answers 404, not 403, for editing, deleting, subscribing and marking read inside an invisible space', async () => {
      const res = await client('partner-non-member').patch(`/api/posts/${space.staff.postId}`, { body: 'x' });
      expect(res.status).toBe(404);
      expect((await client('partner-non-member').delete(`/api/posts/${space.staff.postId}`)).status).toBe(404);
      expect((await client('partner-non-member').delete(`/api/threads/${space.staff.threadId}`)).status).toBe(404);
      expect((await client('partner-non-member').put(`/api/threads/${space.staff.threadId}/subscription`, { level: 'muted' })).status).toBe(
        404,
      );
      expect((await client('partner-non-member').post(`/api/threads/${space.staff.threadId}/read`, { seq: 1 })).status).toBe(404);
    });
  });
});
