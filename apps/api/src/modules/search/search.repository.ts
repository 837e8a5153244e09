import { Inject, Injectable } from '@nestjs/common';
import type { SearchType } from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';

export interface SearchRow {
  type: SearchType;
  thread_id: string;
  post_id: string | null;
  post_seq: number | null;
  space_id: string;
  space_name: string;
  thread_title: string;
  pseudonym_code: string | null;
  author_id: string;
  created_at: Date;
  /** ts_headline output with \u0001 / \u0002 around matches. */
  headline: string;
}

/** Markers that cannot occur in stored text (they are stripped before highlighting). */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/**
 * How many of the newest matches of each kind are ranked. A common word matches hundreds of
 * thousands of posts; ranking all of them would read every one. The newest SEARCH_RANKED_MAX
 * matches are ranked (by relevance, then recency) and paged; beyond them the result says "more".
 */
export const SEARCH_RANKED_MAX = 2000;

/*
 * The newest matches of each kind, at most $5 + 1 (the extra row only tells that there are more).
 * `websearch_to_tsquery` is written out (not a CTE) so the planner sees the query's words and picks
 * by their frequency: the GIN index for rarer words, the walk newest first (IDX_posts_created_at /
 * threads' last activity) for common ones, stopping after $5 + 1 matches either way.
 */
const NEWEST_THREADS = `
  SELECT t.id AS thread_id, t.space_id, t.title, t.pseudonym_code, t.author_id, t.created_at, t.last_post_at, t.search_vector
    FROM threads t
   WHERE t.search_vector @@ websearch_to_tsquery('german', $1) AND t.deleted_at IS NULL AND t.space_id = ANY($2::uuid[])
   ORDER BY t.last_post_at DESC, t.id DESC
   LIMIT $5::int + 1`;

const NEWEST_POSTS = `
  SELECT p.id AS post_id, p.seq, p.thread_id, t.space_id, t.title, t.pseudonym_code, p.author_id, p.created_at, p.search_vector
    FROM posts p JOIN threads t ON t.id = p.thread_id
   WHERE p.search_vector @@ websearch_to_tsquery('german', $1) AND p.deleted_at IS NULL
     AND t.deleted_at IS NULL AND t.space_id = ANY($2::uuid[])
   ORDER BY p.created_at DESC, p.id DESC
   LIMIT $5::int + 1`;

const THREADS = `
  SELECT 'threads'::text AS type, n.thread_id, NULL::uuid AS post_id, NULL::int AS post_seq, n.space_id,
         n.title AS thread_title, n.pseudonym_code, n.author_id, n.created_at,
         ts_rank(n.search_vector, websearch_to_tsquery('german', $1)) AS rank, n.last_post_at AS recency,
         row_number() OVER (ORDER BY n.last_post_at DESC, n.thread_id DESC) AS newest
    FROM (${NEWEST_THREADS}) n`;

const POSTS = `
  SELECT 'posts'::text AS type, n.thread_id, n.post_id, n.seq AS post_seq, n.space_id,
         n.title AS thread_title, n.pseudonym_code, n.author_id, n.created_at,
         ts_rank(n.search_vector, websearch_to_tsquery('german', $1)) AS rank, n.created_at AS recency,
         row_number() OVER (ORDER BY n.created_at DESC, n.post_id DESC) AS newest
    FROM (${NEWEST_POSTS}) n`;

/** One page of results; `more` when a kind had more matches than were ranked (SEARCH_RANKED_MAX). */
export interface SearchResult {
  rows: SearchRow[];
  more: boolean;
}

export interface DocumentSearchRow {
  document_id: string;
  folder_id: string;
  space_id: string;
  space_name: string;
  name: string;
  content_type: string;
  size: number;
  author_id: string;
  updated_at: Date;
}

/** The words of a name: "Protokoll_Treffen-2026.pdf" → "Protokoll Treffen 2026 pdf" (matches IDX_documents_search). */
const DOCUMENT_WORDS = `to_tsvector('german', translate(d.name, '_.-', '   '))`;

@Injectable()
export class SearchRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * German full-text search in the given spaces: of the newest SEARCH_RANKED_MAX matches of each
   * kind, the best first and then the most recent.
   */
  async search(query: string, types: SearchType[], spaceIds: string[], offset: number, limit: number): Promise<SearchResult> {
    if (spaceIds.length === 0) return { rows: [], more: false };
    const parts = types.map((t) => (t === 'threads' ? THREADS : POSTS));
    // Snippets (ts_headline re-parses the whole text) only for the page shown, not for every match.
    const rows: (SearchRow & { more: boolean })[] = await this.dataSource.query(
      `WITH hits AS (${parts.join(' UNION ALL ')}),
       page AS (
         SELECT * FROM hits WHERE newest <= $5
          ORDER BY rank DESC, recency DESC, thread_id, post_seq NULLS FIRST
          OFFSET $3 LIMIT $4)
       SELECT page.type, page.thread_id, page.post_id, page.post_seq, page.space_id, s.name AS space_name, page.thread_title,
              page.pseudonym_code, page.author_id, page.created_at,
              CASE WHEN page.post_id IS NULL
                THEN ts_headline('german', translate(page.thread_title, E'\\x01\\x02', ''), websearch_to_tsquery('german', $1),
                                 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', HighlightAll=true')
                ELSE ts_headline('german', translate(p.body, E'\\x01\\x02', ''), websearch_to_tsquery('german', $1),
                                 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
              END AS headline,
              EXISTS (SELECT 1 FROM hits WHERE newest > $5) AS more
         FROM page JOIN spaces s ON s.id = page.space_id LEFT JOIN posts p ON p.id = page.post_id
        ORDER BY page.rank DESC, page.recency DESC, page.thread_id, page.post_seq NULLS FIRST`,
      [query, spaceIds, offset, limit, SEARCH_RANKED_MAX],
    );
    const first = rows[0];
    // (a page past the end has no rows to carry the flag: ask the first page)
    const more = first ? first.more : offset > 0 && (await this.search(query, types, spaceIds, 0, 1)).more;
    return { rows, more };
  }

  /**
   * Documents by name in the given spaces: German stemmed words (GIN index) or, for partial words,
   * a case-insensitive substring. Trashed documents and documents in trashed folders are left out.
   */
  async searchDocuments(query: string, spaceIds: string[], offset: number, limit: number): Promise<DocumentSearchRow[]> {
    if (spaceIds.length === 0) return [];
    const like = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource.query(
      `WITH RECURSIVE q AS (SELECT websearch_to_tsquery('german', $1) AS query),
       trashed AS (
         SELECT f.id FROM folders f WHERE f.deleted_at IS NOT NULL AND f.space_id = ANY($2::uuid[])
         UNION
         SELECT c.id FROM folders c JOIN trashed ON c.parent_id = trashed.id
       )
       SELECT d.id AS document_id, d.folder_id, d.space_id, s.name AS space_name, d.name, v.content_type, v.size::float8 AS size,
              d.created_by_id AS author_id, greatest(d.updated_at, v.created_at) AS updated_at
         FROM documents d
         JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
         JOIN spaces s ON s.id = d.space_id, q
        WHERE d.space_id = ANY($2::uuid[]) AND d.deleted_at IS NULL
          AND d.folder_id NOT IN (SELECT id FROM trashed)
          AND (${DOCUMENT_WORDS} @@ q.query OR lower(d.name) LIKE $3)
        ORDER BY ts_rank(${DOCUMENT_WORDS}, q.query) DESC, greatest(d.updated_at, v.created_at) DESC, d.id
        OFFSET $4 LIMIT $5`,
      [query, spaceIds, like, offset, limit],
    );
  }
}
