/** Cursor-paginated list. Pass `nextCursor` back as `?cursor=` for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  cursor?: string;
  limit?: number;
}

export const MAX_PAGE_LIMIT = 100;

export interface HealthResponse {
  status: 'ok' | 'unavailable';
  database?: 'up' | 'down';
}
