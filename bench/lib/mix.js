/**
 * The "extranet day" request mix (issue 9): 60 % forum reads, 10 % directory, 8 % document lists,
 * 8 % search, 3 % replies, 2 % meetings, the rest downloads and the notification badge — from
 * several people in turn, over the data set's threads, folders, documents and search terms.
 */
import { login } from './harness.js';

const pick = (list, i) => list[i % list.length];

export async function prepareMix(ctx, base) {
  const m = ctx.manifest;
  const people = ['advisor', 'coordinator', 'admin'];
  const tokens = [];
  for (const who of people) tokens.push(`Bearer ${await login(base, ctx, who)}`);
  const threads = m.typicalThreadIds;
  const terms = [...(m.searchTerms.rare ?? []), ...(m.searchTerms.medium ?? []), ...(m.searchTerms.common ?? [])].flat();
  const folders = m.folderIds ?? [];
  const documents = m.documentIds ?? [];
  const meetingsFrom = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const meetingsTo = new Date(Date.now() + 60 * 86_400_000).toISOString();

  /** [weight, build(i, headers) → request] — weights in percent. */
  const kinds = [
    [20, () => ({ path: `/api/spaces/${m.bigSpaceId}/threads` })],
    [30, (i) => ({ path: `/api/threads/${pick(threads, i)}/posts` })],
    [10, (i) => ({ path: `/api/threads/${pick(threads, i)}` })],
    [5, () => ({ path: '/api/users' })],
    [5, () => ({ path: '/api/organisations' })],
    [8, (i) => (folders.length ? { path: `/api/folders/${pick(folders, i)}/documents` } : { path: `/api/spaces/${m.bigSpaceId}/folders` })],
    [8, (i) => ({ path: `/api/search?q=${encodeURIComponent(pick(terms, i))}` })],
    [
      3,
      (i) => ({
        method: 'POST',
        path: `/api/threads/${m.replyThreadId}/posts`,
        body: JSON.stringify({ body: `Rückmeldung aus dem Lasttest Nr. ${i}: Die Anerkennung läuft, wir melden uns.` }),
        contentType: true,
        expect: 201,
      }),
    ],
    [2, () => ({ path: `/api/meetings?from=${meetingsFrom}&to=${meetingsTo}` })],
    [
      4,
      (i) => (documents.length ? { path: `/api/documents/${pick(documents, i)}/download` } : { path: '/api/notifications/unread-count' }),
    ],
    [5, () => ({ path: '/api/notifications/unread-count' })],
  ];
  // a fixed, evenly interleaved schedule of 100 slots
  const schedule = [];
  const credit = kinds.map(() => 0);
  for (let slot = 0; slot < 100; slot++) {
    kinds.forEach(([w], k) => (credit[k] += w));
    const k = credit.indexOf(Math.max(...credit));
    credit[k] -= 100;
    schedule.push(k);
  }
  return {
    kinds: kinds.length,
    next(i) {
      const spec = kinds[schedule[i % 100]][1](Math.floor(i / 100) + i);
      const headers = { authorization: pick(tokens, i) };
      if (spec.contentType) headers['content-type'] = 'application/json';
      return { ...spec, headers };
    },
    async close() {},
  };
}
