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

const THREADS = `
  SELECT 'threads'::text AS type, t.id AS thread_id, NULL::uuid AS post_id, NULL::int AS post_seq, t.space_id, s.name AS space_name,
         t.title AS thread_title, t.pseudonym_code, t.author_id, t.created_at,
         ts_rank(to_tsvector('german', t.title), q.query) AS rank, t.last_post_at AS recency
    FROM threads t JOIN spaces s ON s.id = t.space_id, q
   WHERE to_tsvector('german', t.title) @@ q.query AND t.deleted_at IS NULL AND t.space_id = ANY($2::uuid[])`;

const POSTS = `
  SELECT 'posts'::text AS type, t.id AS thread_id, p.id AS post_id, p.seq AS post_seq, t.space_id, s.name AS space_name,
         t.title AS thread_title, t.pseudonym_code, p.author_id, p.created_at,
         ts_rank(to_tsvector('german', p.body), q.query) AS rank, p.created_at AS recency
    FROM posts p JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id, q
   WHERE to_tsvector('german', p.body) @@ q.query AND p.deleted_at IS NULL AND t.deleted_at IS NULL AND t.space_id = ANY($2::uuid[])`;

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

  /** German full-text search in the given spaces, best matches first and then the most recent. */
  async search(query: string, types: SearchType[], spaceIds: string[], offset: number, limit: number): Promise<SearchRow[]> {
    if (spaceIds.length === 0) return [];
    const parts = types.map((t) => (t === 'threads' ? THREADS : POSTS));
    // Snippets (ts_headline re-parses the whole text) only for the page shown, not for every match:
    // for a common word that is the difference between a few and thousands of headlines.
    return this.dataSource.query(
      `WITH q AS (SELECT websearch_to_tsquery('german', $1) AS query),
       page AS (
         SELECT * FROM (${parts.join(' UNION ALL ')}) hits
          ORDER BY rank DESC, recency DESC, thread_id, post_seq NULLS FIRST
          OFFSET $3 LIMIT $4)
       SELECT page.*,
              CASE WHEN page.post_id IS NULL
                THEN ts_headline('german', translate(t.title, E'\\x01\\x02', ''), q.query, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', HighlightAll=true')
                ELSE ts_headline('german', translate(p.body, E'\\x01\\x02', ''), q.query,
                                 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
              END AS headline
         FROM page JOIN threads t ON t.id = page.thread_id LEFT JOIN posts p ON p.id = page.post_id, q
        ORDER BY page.rank DESC, page.recency DESC, page.thread_id, page.post_seq NULLS FIRST`,
      [query, spaceIds, offset, limit],
    );
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
