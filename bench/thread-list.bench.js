/** GET /api/spaces/:id/threads — first page and page 200 (keyset cursor), as an advisor. */
import { compareWithReplay } from './lib/endpoint.js';
import { requestJson } from './lib/load.js';

/** Follows the cursors to page `page` (or the last one there is); returns its cursor and number. */
async function cursorOfPage(base, token, spaceId, page) {
  let cursor = null;
  let reached = 1;
  for (; reached < page; reached++) {
    const result = await requestJson(base, 'GET', `/api/spaces/${spaceId}/threads${cursor ? `?cursor=${cursor}` : ''}`, { token });
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return { cursor, reached };
}

export default {
  name: 'thread-list',
  description: 'thread list of the biggest space, first page and page 200, vs node:http + pg running the same SQL',
  async run(ctx) {
    const spaceId = ctx.manifest.bigSpaceId;
    const deep = { page: 200 };
    return compareWithReplay(ctx, {
      bench: 'thread-list',
      rate: ctx.smoke ? 20 : 200,
      targetText: '≥ 0.5×; p95 ≤ 30 ms at 200 req/s',
      target: (ratio, p95) => ratio >= 0.5 && p95 <= 30,
      cases: [
        { name: 'first-page', who: 'advisor', path: () => `/api/spaces/${spaceId}/threads` },
        {
          name: 'page-200',
          who: 'advisor',
          prepare: async (base, token) => {
            Object.assign(deep, await cursorOfPage(base, token, spaceId, 200));
            if (deep.reached < 200)
              ctx.notes.push(`thread-list: the space has ${deep.reached} pages; the deep case used page ${deep.reached}`);
            return deep;
          },
          path: (s) => `/api/spaces/${spaceId}/threads${s.cursor ? `?cursor=${s.cursor}` : ''}`,
        },
      ],
    });
  },
};
