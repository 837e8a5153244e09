/** GET /api/threads/:id/posts — first and last page of a typical thread and of the 20,000-post thread. */
import { compareWithReplay } from './lib/endpoint.js';
import { requestJson } from './lib/load.js';

const PAGE = 50;

export default {
  name: 'thread-page',
  description: 'posts of a thread, first and last page, typical and biggest thread, vs node:http + pg running the same SQL',
  async run(ctx) {
    const threads = { typical: ctx.manifest.typicalThreadIds[0], biggest: ctx.manifest.bigThreadId };
    const cases = [];
    for (const [label, threadId] of Object.entries(threads)) {
      cases.push({ name: `${label}-first`, who: 'advisor', path: () => `/api/threads/${threadId}/posts` });
      cases.push({
        name: `${label}-last`,
        who: 'advisor',
        prepare: async (base, token) => {
          const thread = await requestJson(base, 'GET', `/api/threads/${threadId}`, { token });
          const fromSeq = Math.max(1, thread.postCount - PAGE + 1);
          if (label === 'biggest') ctx.notes.push(`thread-page: the biggest thread has ${thread.postCount} posts`);
          return { fromSeq };
        },
        path: (s) => `/api/threads/${threadId}/posts?fromSeq=${s.fromSeq}`,
      });
    }
    return compareWithReplay(ctx, {
      // the smoke run only proves the harness: one short and one long page

      bench: 'thread-page',
      rate: ctx.smoke ? 20 : 200,
      targetText: '≥ 0.5×; p95 ≤ 30 ms at 200 req/s',
      target: (ratio, p95) => ratio >= 0.5 && p95 <= 30,
      cases: ctx.smoke ? cases.filter((c) => c.name === 'typical-first' || c.name === 'biggest-last') : cases,
    });
  },
};
