import { Inject, Injectable } from '@nestjs/common';
import {
  SEARCH_TYPES,
  type DocumentSearchHitDto,
  type Page,
  type SearchHitDto,
  type SearchPage,
  type SearchType,
} from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { decodeCursor, encodeCursor } from '../../common/http/cursor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { toUserSummary } from '../users/users.mapper.js';
import { UsersRepository } from '../users/users.repository.js';
import { notFound } from '../../common/errors/domain-error.js';
import { MARK_END, MARK_START, SEARCH_RANKED_MAX, SearchRepository } from './search.repository.js';
import { escapeHtml } from '../../common/text/escape-html.js';

/** Escapes everything, then turns the match markers into <mark> — the only markup in a snippet. */
export function toSnippet(headline: string): string {
  return escapeHtml(headline.replace(/\s+/g, ' ').trim()).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/**
 * The escaped name with the searched words marked. Names are short, so this is done here rather
 * than with ts_headline (which would see "Protokoll_Treffen" as one word).
 */
export function highlightName(name: string, query: string): string {
  const clean = name.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
  const lower = clean.toLowerCase();
  // (a few characters change length when lower-cased; such names are shown unmarked)
  if (lower.length !== clean.length) return toSnippet(clean);
  const marked = new Array<boolean>(clean.length).fill(false);
  for (const word of (query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).slice(0, 20)) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) marked.fill(true, at, at + word.length);
  }
  let out = '';
  for (let i = 0; i < clean.length; i++) {
    if (marked[i] && !marked[i - 1]) out += MARK_START;
    out += clean[i];
    if (marked[i] && !marked[i + 1]) out += MARK_END;
  }
  return toSnippet(out);
}

@Injectable()
export class SearchService {
  constructor(
    @Inject(SearchRepository) private readonly repository: SearchRepository,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Documents by name in the spaces the person can see (optionally one of them). */
  async searchDocuments(
    user: AuthUser,
    query: { q: string; spaceId?: string; cursor?: string; limit?: number },
  ): Promise<Page<DocumentSearchHitDto>> {
    const spaceIds = await this.searchableSpaces(user, query.spaceId);
    const limit = query.limit ?? 20;
    const offset = this.offsetOf(query.cursor);
    const rows = await this.repository.searchDocuments(query.q, spaceIds, offset, limit + 1);
    const page = rows.slice(0, limit);
    const authors = new Map((await this.users.findManyWithOrganisation(page.map((r) => r.author_id))).map((u) => [u.id, u]));
    const items: DocumentSearchHitDto[] = [];
    for (const row of page) {
      const author = authors.get(row.author_id);
      if (!author) continue;
      items.push({
        type: 'documents',
        documentId: row.document_id,
        folderId: row.folder_id,
        spaceId: row.space_id,
        spaceName: row.space_name,
        name: row.name,
        snippet: highlightName(row.name, query.q),
        contentType: row.content_type,
        size: row.size,
        author: toUserSummary(author),
        updatedAt: new Date(row.updated_at).toISOString(),
      });
    }
    return { items, nextCursor: rows.length > limit ? encodeCursor({ offset: String(offset + limit) }) : null };
  }

  private async searchableSpaces(user: AuthUser, spaceId?: string): Promise<string[]> {
    const visible = await this.access.visibleSpaces(user);
    if (!spaceId) return [...visible.keys()];
    if (!visible.has(spaceId)) throw notFound('Space');
    return [spaceId];
  }

  private offsetOf(cursor?: string): number {
    const offset = Number(decodeCursor(cursor, ['offset'] as const)?.offset ?? 0);
    return Number.isSafeInteger(offset) && offset >= 0 ? offset : 0;
  }

  async search(
    user: AuthUser,
    ip: string,
    query: { q: string; type?: SearchType; spaceId?: string; cursor?: string; limit?: number },
  ): Promise<SearchPage> {
    const visible = await this.access.visibleSpaces(user);
    let spaceIds = [...visible.keys()];
    if (query.spaceId) {
      if (!visible.has(query.spaceId)) throw notFound('Space');
      spaceIds = [query.spaceId];
    }
    const limit = query.limit ?? 20;
    const offset = Number(decodeCursor(query.cursor, ['offset'] as const)?.offset ?? 0);
    const types: SearchType[] = query.type ? [query.type] : [...SEARCH_TYPES];
    const { rows, more } = await this.repository.search(
      query.q,
      types,
      spaceIds,
      Number.isSafeInteger(offset) && offset >= 0 ? offset : 0,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const authors = new Map((await this.users.findManyWithOrganisation(page.map((r) => r.author_id))).map((u) => [u.id, u]));

    // showing case content in results is a read of the case
    const caseThreads = [...new Set(page.filter((r) => r.pseudonym_code && r.type === 'posts').map((r) => r.thread_id))];
    for (const threadId of caseThreads) {
      await this.audit.record({
        actorId: user.id,
        action: 'case.read',
        entityType: 'thread',
        entityId: threadId,
        ip,
        details: { via: 'search' },
      });
    }

    const items: SearchHitDto[] = [];
    for (const row of page) {
      const author = authors.get(row.author_id);
      if (!author) continue;
      items.push({
        type: row.type,
        threadId: row.thread_id,
        postId: row.post_id,
        postSeq: row.post_seq,
        spaceId: row.space_id,
        spaceName: row.space_name,
        threadTitle: row.thread_title,
        pseudonymCode: row.pseudonym_code,
        snippet: toSnippet(row.headline),
        author: toUserSummary(author),
        createdAt: new Date(row.created_at).toISOString(),
      });
    }
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor({ offset: String(offset + limit) }) : null,
      moreThan: more ? SEARCH_RANKED_MAX : null,
    };
  }
}
