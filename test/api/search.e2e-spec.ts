import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, SearchPage, SpaceDto } from '@treffpunkt/contracts';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation } from '../support/factories.js';
import { as, countRows, createPost, createSpace, createThread, makeActor, uniqueWord, type Actor } from '../support/forum.js';

describe('search over HTTP', () => {
  let t: TestApp;
  let coordinator: Actor;
  let advisor: Actor;
  let partner: Actor;
  let network: SpaceDto;
  let staff: SpaceDto;

  beforeAll(async () => {
    t = await startTestApp();
    const home = await makeOrganisation(t.db);
    [coordinator, advisor, partner] = await Promise.all([
      makeActor(t, { role: 'coordinator', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'partner' }),
    ]);
    network = await createSpace(t, coordinator, { visibility: 'network', name: 'Netzwerk' });
    staff = await createSpace(t, coordinator, { visibility: 'staff', name: 'Team' });
  });

  afterAll(async () => {
    await t.close();
  });

  const search = async (actor: Actor, query: Record<string, string | number>) => {
    const res = await as(t, actor).get('/api/search').query(query);
    return { status: res.status, body: res.body as SearchPage & ErrorBody };
  };

  it('stems German words: "Anerkennungen" finds "Anerkennung" and "Abschlüsse" finds "Abschluss"', async () => {
    const { thread, post } = await createThread(t, advisor, network.id, {
      title: 'Fragen zur Anerkennung',
      body: 'Die Anerkennung des ausländischen Abschlusses dauert lange.',
    });
    const { body } = await search(partner, { q: 'Anerkennungen' });
    expect(body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'threads', threadId: thread.id, postId: null }),
        expect.objectContaining({ type: 'posts', threadId: thread.id, postId: post.id, postSeq: 1 }),
      ]),
    );
    expect((await search(partner, { q: 'Abschlüsse' })).body.items.map((h) => h.postId)).toContain(post.id);
  });

  it('ranks the better match first and highlights matches with <mark>', async () => {
    const word = uniqueWord('rang');
    const { post: weak } = await createThread(t, advisor, network.id, { body: `Einmal ${word} erwähnt, sonst geht es um anderes.` });
    const { post: strong } = await createThread(t, advisor, network.id, { body: `${word} ${word} ${word}: alles über ${word}.` });
    const { body } = await search(advisor, { q: word, type: 'posts' });
    expect(body.items.map((h) => h.postId)).toEqual([strong.id, weak.id]);
    expect(body.items[0]!.snippet).toContain(`<mark>${word}</mark>`);
    expect(body.items[0]).toMatchObject({ spaceId: network.id, spaceName: 'Netzwerk', author: { id: advisor.id } });
  });

  it('escapes markup from posts in snippets: a <script> never comes back as markup', async () => {
    const word = uniqueWord('skript');
    await createThread(t, advisor, network.id, {
      title: `<b>fett</b> ${word}`,
      body: `${word} <script>alert("x")</script> ${word} <img src=x onerror=alert(1)> & "Anführung"`,
    });
    const { body } = await search(advisor, { q: word });
    expect(body.items).toHaveLength(2);
    for (const hit of body.items) {
      const withoutMarks = hit.snippet.replaceAll('<mark>', '').replaceAll('</mark>', '');
      expect(withoutMarks).not.toMatch(/[<>]/);
    }
    const post = body.items.find((h) => h.type === 'posts')!;
    // ts_headline drops what its parser reads as a complete tag (<script>); the rest comes back escaped
    expect(post.snippet).not.toContain('<script');
    expect(post.snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(post.snippet).toContain('alert(&quot;x&quot;)');
    expect(post.snippet).toContain('&amp;');
    expect(post.snippet).toContain(`<mark>${word}</mark>`);
    expect(body.items.find((h) => h.type === 'threads')!.snippet).toContain('&lt;b&gt;fett&lt;/b&gt;');
  });

  it('never shows a partner staff-space content; staff see it', async () => {
    const word = uniqueWord('intern');
    const { thread } = await createThread(t, advisor, staff.id, { title: `Intern ${word}`, body: `Nur für das Team: ${word}` });
    expect((await search(partner, { q: word })).body.items).toEqual([]);
    expect((await search(partner, { q: word, type: 'posts' })).body.items).toEqual([]);
    expect((await search(advisor, { q: word })).body.items.map((h) => h.threadId)).toEqual([thread.id, thread.id]);
  });

  it('never shows deleted posts or anything of a deleted thread', async () => {
    const word = uniqueWord('weg');
    const { thread } = await createThread(t, advisor, network.id, { title: `Bleibt ${word}`, body: `Erster ${word}` });
    const { post: reply } = await createPost(t, advisor, thread.id, { body: `Gelöschte Antwort ${word}` });
    expect((await search(advisor, { q: word })).body.items).toHaveLength(3);
    expect((await as(t, advisor).delete(`/api/posts/${reply.id}`)).status).toBe(204);
    const afterPost = (await search(advisor, { q: word })).body.items;
    expect(afterPost).toHaveLength(2);
    expect(afterPost.map((h) => h.postId)).not.toContain(reply.id);

    expect((await as(t, advisor).delete(`/api/threads/${thread.id}`)).status).toBe(204);
    expect((await search(advisor, { q: word })).body.items).toEqual([]);
    expect((await search(coordinator, { q: word })).body.items).toEqual([]);
  });

  it('filters by type', async () => {
    const word = uniqueWord('typ');
    await createThread(t, advisor, network.id, { title: `Titel ${word}`, body: `Text ${word}` });
    expect((await search(advisor, { q: word, type: 'threads' })).body.items.map((h) => h.type)).toEqual(['threads']);
    expect((await search(advisor, { q: word, type: 'posts' })).body.items.map((h) => h.type)).toEqual(['posts']);
    expect((await search(advisor, { q: word })).body.items.map((h) => h.type).sort()).toEqual(['posts', 'threads']);
    expect((await search(advisor, { q: word, type: 'users' })).status).toBe(400);
  });

  it('filters by space; an invisible space is 404 and a malformed id 400', async () => {
    const word = uniqueWord('raum');
    const { thread: inNetwork } = await createThread(t, advisor, network.id, { title: word });
    const { thread: inStaff } = await createThread(t, advisor, staff.id, { title: word });
    expect((await search(advisor, { q: word, spaceId: network.id })).body.items.map((h) => h.threadId)).toEqual([inNetwork.id]);
    expect((await search(advisor, { q: word, spaceId: staff.id })).body.items.map((h) => h.threadId)).toEqual([inStaff.id]);
    const hidden = await search(partner, { q: word, spaceId: staff.id });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect((await search(partner, { q: word, spaceId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await search(partner, { q: word, spaceId: 'staff' })).status).toBe(400);
  });

  it('pages with a cursor without duplicates or gaps', async () => {
    const word = uniqueWord('seite');
    const { thread } = await createThread(t, advisor, network.id, { title: 'Viele Antworten', body: `Start ${word}` });
    for (let i = 0; i < 6; i++) await createPost(t, advisor, thread.id, { body: `Antwort ${i} ${word}` });
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string | number> = { q: word, type: 'posts', limit: 3, ...(cursor ? { cursor } : {}) };
      const { status, body } = await search(advisor, query);
      expect(status).toBe(200);
      ids.push(...body.items.map((h) => h.postId!));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect((await search(advisor, { q: word, cursor: '%%%' })).status).toBe(400);
    expect((await search(advisor, { q: word, limit: 101 })).status).toBe(400);
  });

  it('a word in more than 2,000 posts: ranks the newest 2,000 matches and says there are more', async () => {
    const word = uniqueWord('haeufig');
    const { thread, post: oldest } = await createThread(t, advisor, network.id, {
      title: 'Sehr viele Antworten',
      body: `${word} ${word} ${word} ${word}: der älteste und beste Treffer`,
    });
    // 2,005 weaker matches after it (written directly: through the API this would take minutes)
    await t.db.query(
      `INSERT INTO posts (thread_id, seq, author_id, body, body_html, created_at)
       SELECT $1, 1 + i, $2, CASE WHEN i = 1000 THEN $3 || ' ' || $3 || ' ' || $3 ELSE 'Antwort mit ' || $3 || ' Nummer ' || i END,
              '<p>Antwort</p>', now() + i * interval '1 second'
         FROM generate_series(1, 2005) AS i`,
      [thread.id, advisor.id, word],
    );
    const postAt = async (seq: number) =>
      (await t.db.query<{ id: string }>('SELECT id FROM posts WHERE thread_id = $1 AND seq = $2', [thread.id, seq]))[0]!.id;
    const strongId = await postAt(1001);
    const newestId = await postAt(2006);

    const first = await search(advisor, { q: word, type: 'posts', limit: 3 });
    expect(first.status).toBe(200);
    // the best of the newest 2,000 first, then the newest
    expect(first.body.items.map((h) => h.postId)).toEqual([strongId, newestId, expect.any(String)]);
    expect(first.body.moreThan).toBe(2000);
    expect(first.body.nextCursor).not.toBeNull();

    // the last page of the ranked 2,000 has no next page; the oldest (6 older than the newest 2,000) is not among them
    const cursor = (offset: number) => Buffer.from(JSON.stringify({ offset: String(offset) })).toString('base64url');
    const last = await search(advisor, { q: word, type: 'posts', limit: 10, cursor: cursor(1990) });
    expect(last.body.items).toHaveLength(10);
    expect(last.body.nextCursor).toBeNull();
    expect(last.body.moreThan).toBe(2000);
    expect(last.body.items.map((h) => h.postId)).not.toContain(oldest.id);
    const past = await search(advisor, { q: word, type: 'posts', cursor: cursor(2000) });
    expect(past.body).toMatchObject({ items: [], nextCursor: null, moreThan: 2000 });

    // fewer matches: every one is ranked, the oldest best one first, no "more"
    const all = await search(advisor, { q: word, type: 'threads' });
    expect(all.body).toMatchObject({ items: [], nextCursor: null, moreThan: null });
    const few = await search(advisor, { q: `${word} älteste`, type: 'posts' });
    expect(few.body.items.map((h) => h.postId)).toEqual([oldest.id]);
    expect(few.body.moreThan).toBeNull();
  });

  it('refuses a missing or empty query (400)', async () => {
    expect((await as(t, advisor).get('/api/search')).status).toBe(400);
    expect((await search(advisor, { q: '' })).status).toBe(400);
    expect((await search(advisor, { q: '   ' })).status).toBe(400);
    expect((await search(advisor, { q: 'a', extra: 'x' })).status).toBe(400);
  });

  describe('hostile queries give 200 or a clear 400, never 500', () => {
    beforeAll(async () => {
      await createThread(t, advisor, network.id, { title: 'Anerkennung Pflege', body: 'Anerkennung von Pflegeberufen und Pflege OR mehr' });
    });

    it.each([
      ['an unbalanced quote', '"Anerkennung'],
      ['a phrase', '"Anerkennung von Pflegeberufen"'],
      ['OR', 'Anerkennung OR Pflege'],
      ['a leading OR', 'OR Pflege'],
      ['negation', '-Anerkennung'],
      ['a lone minus', '-'],
      ['!', '!'],
      ['! and a word', '!Anerkennung'],
      ['&', '&'],
      ['&&', 'Anerkennung && Pflege'],
      ['|', '|'],
      ['||', 'Anerkennung || Pflege'],
      [':*', ':*'],
      ['a prefix', 'Anerk:*'],
      ['parentheses', '(Anerkennung | Pflege) & !x'],
      ['tsquery syntax', "'Anerkennung' <-> 'Pflege'"],
      ['SQL', "'; DROP TABLE posts; --"],
      ['SQL with a comment', 'Anerkennung /* */ UNION SELECT password_hash FROM users --'],
      ['a backslash', '\\'],
      ['emoji', '🙂 Anerkennung 👩🏽‍⚕️'],
      ['only emoji', '🙂'],
      ['a NUL byte inside a word', 'Aner\u0000kennung'],
      ['only NUL bytes', '\u0000\u0000'],
      ['only stop words', 'der die das und'],
      ['500 characters', 'Anerkennung '.repeat(45).slice(0, 500)],
      ['10,000 characters', 'a'.repeat(10_000)],
      ['right-to-left text', 'الاعتراف بالشهادات'],
      ['percent and underscore', '%_%'],
    ])('%s', async (_name, q) => {
      const { status, body } = await search(advisor, { q });
      expect([200, 400]).toContain(status);
      if (status === 200) expect(Array.isArray(body.items)).toBe(true);
      else expect(['VALIDATION_FAILED', 'SEARCH_QUERY_INVALID']).toContain(body.code);
      expect(JSON.stringify(body)).not.toMatch(/syntax error|tsquery|at .*\.ts:/i);
    });

    it('the SQL-looking query changed nothing', async () => {
      expect(await countRows(t, 'posts')).toBeGreaterThan(0);
    });

    it('a NUL byte is dropped, so the word still matches', async () => {
      const { status, body } = await search(advisor, { q: 'Aner\u0000kennung' });
      expect(status).toBe(200);
      expect(body.items.length).toBeGreaterThan(0);
    });

    it('10,000 characters is a 400 with a message', async () => {
      const { status, body } = await search(advisor, { q: 'a'.repeat(10_000) });
      expect(status).toBe(400);
      expect(body.message).toMatch(/q/);
    });
  });
});
