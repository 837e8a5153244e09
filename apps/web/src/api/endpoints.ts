import {
  MAX_PAGE_LIMIT,
  Routes,
  type AcceptInvitationRequest,
  type AddSpaceMemberRequest,
  type CreatePostRequest,
  type CreateSpaceRequest,
  type CreateThreadRequest,
  type CreateThreadResponse,
  type DraftDto,
  type LegalHoldRequest,
  type PostDto,
  type PostRevisionDto,
  type PostWriteResponse,
  type SaveDraftRequest,
  type SearchPage,
  type SearchType,
  type SpaceDto,
  type SpaceMemberDto,
  type SubscriptionLevel,
  type ThreadDto,
  type ThreadSummaryDto,
  type UpdatePostRequest,
  type UpdateSpaceRequest,
  type UpdateThreadRequest,
  type UserSummary,
  type ChangePasswordRequest,
  type CreateInvitationRequest,
  type InvitationDto,
  type InvitationPreview,
  type LoginRequest,
  type LoginResponse,
  type OrganisationSummary,
  type Page,
  type PasswordResetCompleteRequest,
  type PasswordResetRequest,
  type UpdateMeRequest,
  type UserDto,
  type NotificationDto,
  type NotificationPreferencesDto,
  type UnreadCountDto,
  type UpdateNotificationPreferencesRequest,
} from '@treffpunkt/contracts';
import { ApiError, api } from './client';

/** One function per API call the SPA makes, typed by the shared contracts. */
export const authApi = {
  login: (body: LoginRequest): Promise<LoginResponse> => api.post<LoginResponse>(Routes.auth.login, body, { skipRefresh: true }),
  logout: (): Promise<void> => api.post<undefined>(Routes.auth.logout, undefined, { skipRefresh: true }),
  me: (): Promise<UserDto> => api.get<UserDto>(Routes.auth.me),
  /**
   * A password change revokes every session, the caller's included, and starts a new one:
   * the API answers with the new session (200) — or 204 from an older API, in which case
   * the rotated refresh cookie restores the session on the next 401.
   */
  changePassword: (body: ChangePasswordRequest): Promise<LoginResponse | undefined> =>
    api.post<LoginResponse | undefined>(Routes.auth.changePassword, body),
  requestPasswordReset: (body: PasswordResetRequest): Promise<void> =>
    api.post<undefined>(Routes.auth.passwordResetRequest, body, { skipRefresh: true }),
  completePasswordReset: (body: PasswordResetCompleteRequest): Promise<void> =>
    api.post<undefined>(Routes.auth.passwordResetComplete, body, { skipRefresh: true }),
};

export const usersApi = {
  updateMe: (body: UpdateMeRequest): Promise<UserDto> => api.patch<UserDto>(Routes.users.me, body),
  search: (q: string, signal?: AbortSignal): Promise<Page<UserSummary>> =>
    api.get<Page<UserSummary>>(`${Routes.users.list}?${new URLSearchParams({ q, limit: '20' }).toString()}`, withSignal(signal)),
};

const withSignal = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

/** `?cursor=&limit=` plus any filters, leaving out empty values. */
function pageQuery(params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

const idempotent = (key: string) => ({ headers: { 'Idempotency-Key': key } });

/** GET a draft; the API answers 404 when there is none. */
async function getDraft(path: string, signal?: AbortSignal): Promise<DraftDto | null> {
  try {
    return await api.get<DraftDto>(path, withSignal(signal));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const THREADS_PAGE_SIZE = 25;
export const POSTS_PAGE_SIZE = 50;

export const spacesApi = {
  list: (cursor?: string | null, signal?: AbortSignal): Promise<Page<SpaceDto>> =>
    api.get<Page<SpaceDto>>(`${Routes.spaces.list}${pageQuery({ cursor, limit: '50' })}`, withSignal(signal)),
  get: (id: string, signal?: AbortSignal): Promise<SpaceDto> => api.get<SpaceDto>(Routes.spaces.one(id), withSignal(signal)),
  create: (body: CreateSpaceRequest): Promise<SpaceDto> => api.post<SpaceDto>(Routes.spaces.list, body),
  update: (id: string, body: UpdateSpaceRequest): Promise<SpaceDto> => api.patch<SpaceDto>(Routes.spaces.one(id), body),
  members: (id: string, cursor?: string | null, signal?: AbortSignal): Promise<Page<SpaceMemberDto>> =>
    api.get<Page<SpaceMemberDto>>(
      `${Routes.spaces.members(id)}${pageQuery({ cursor, limit: String(MAX_PAGE_LIMIT) })}`,
      withSignal(signal),
    ),
  addMember: (id: string, body: AddSpaceMemberRequest): Promise<SpaceMemberDto> =>
    api.post<SpaceMemberDto>(Routes.spaces.members(id), body),
  removeMember: (id: string, memberId: string): Promise<void> => api.delete(Routes.spaces.member(id, memberId)),
  setSubscription: (id: string, level: SubscriptionLevel): Promise<unknown> => api.put<unknown>(Routes.spaces.subscription(id), { level }),
  mentionable: (id: string, q: string, signal?: AbortSignal): Promise<UserSummary[]> =>
    api.get<UserSummary[]>(`${Routes.spaces.mentionable(id)}${pageQuery({ q })}`, withSignal(signal)),
  threads: (id: string, cursor?: string | null, signal?: AbortSignal): Promise<Page<ThreadSummaryDto>> =>
    api.get<Page<ThreadSummaryDto>>(
      `${Routes.spaces.threads(id)}${pageQuery({ cursor, limit: String(THREADS_PAGE_SIZE) })}`,
      withSignal(signal),
    ),
  createThread: (id: string, body: CreateThreadRequest, idempotencyKey: string): Promise<CreateThreadResponse> =>
    api.post<CreateThreadResponse>(Routes.spaces.threads(id), body, idempotent(idempotencyKey)),
  getDraft: (id: string, signal?: AbortSignal): Promise<DraftDto | null> => getDraft(Routes.spaces.draft(id), signal),
  saveDraft: (id: string, body: SaveDraftRequest): Promise<DraftDto> => api.put<DraftDto>(Routes.spaces.draft(id), body),
  deleteDraft: (id: string): Promise<void> => api.delete(Routes.spaces.draft(id)),
};

export const threadsApi = {
  get: (id: string, signal?: AbortSignal): Promise<ThreadDto> => api.get<ThreadDto>(Routes.threads.one(id), withSignal(signal)),
  update: (id: string, body: UpdateThreadRequest): Promise<ThreadDto> => api.patch<ThreadDto>(Routes.threads.one(id), body),
  remove: (id: string): Promise<void> => api.delete(Routes.threads.one(id)),
  setLegalHold: (id: string, body: LegalHoldRequest): Promise<unknown> => api.put<unknown>(Routes.threads.legalHold(id), body),
  setSubscription: (id: string, level: SubscriptionLevel): Promise<unknown> => api.put<unknown>(Routes.threads.subscription(id), { level }),
  posts: (id: string, cursor?: string | null, signal?: AbortSignal): Promise<Page<PostDto>> =>
    api.get<Page<PostDto>>(`${Routes.threads.posts(id)}${pageQuery({ cursor, limit: String(POSTS_PAGE_SIZE) })}`, withSignal(signal)),
  reply: (id: string, body: CreatePostRequest, idempotencyKey: string): Promise<PostWriteResponse> =>
    api.post<PostWriteResponse>(Routes.threads.posts(id), body, idempotent(idempotencyKey)),
  getDraft: (id: string, signal?: AbortSignal): Promise<DraftDto | null> => getDraft(Routes.threads.draft(id), signal),
  saveDraft: (id: string, body: SaveDraftRequest): Promise<DraftDto> => api.put<DraftDto>(Routes.threads.draft(id), body),
  deleteDraft: (id: string): Promise<void> => api.delete(Routes.threads.draft(id)),
};

export const postsApi = {
  update: (id: string, body: UpdatePostRequest): Promise<PostWriteResponse> => api.patch<PostWriteResponse>(Routes.posts.one(id), body),
  remove: (id: string): Promise<void> => api.delete(Routes.posts.one(id)),
  revisions: (id: string, signal?: AbortSignal): Promise<PostRevisionDto[]> =>
    api.get<PostRevisionDto[]>(Routes.posts.revisions(id), withSignal(signal)),
};

export interface SearchParams {
  q: string;
  type: SearchType;
  spaceId?: string | null;
}

export const searchApi = {
  search: (params: SearchParams, cursor?: string | null, signal?: AbortSignal): Promise<SearchPage> =>
    api.get<SearchPage>(
      `${Routes.search}${pageQuery({ q: params.q, type: params.type, spaceId: params.spaceId, cursor, limit: '20' })}`,
      withSignal(signal),
    ),
};

export const organisationsApi = {
  /** All organisations, following cursors (the network has a few hundred at most). */
  async listAll(signal?: AbortSignal): Promise<OrganisationSummary[]> {
    const items: OrganisationSummary[] = [];
    let cursor: string | null = null;
    for (let pageNo = 0; pageNo < 50; pageNo++) {
      const query = new URLSearchParams({ limit: String(MAX_PAGE_LIMIT) });
      if (cursor) query.set('cursor', cursor);
      const page: Page<OrganisationSummary> = await api.get<Page<OrganisationSummary>>(
        `${Routes.organisations.list}?${query.toString()}`,
        signal ? { signal } : {},
      );
      items.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return items;
  },
};

export const invitationsApi = {
  preview: (token: string, signal?: AbortSignal): Promise<InvitationPreview> =>
    api.get<InvitationPreview>(Routes.invitations.one(token), { skipRefresh: true, ...(signal ? { signal } : {}) }),
  accept: (token: string, body: AcceptInvitationRequest): Promise<LoginResponse> =>
    api.post<LoginResponse>(Routes.invitations.accept(token), body, { skipRefresh: true }),
  create: (body: CreateInvitationRequest): Promise<InvitationDto> => api.post<InvitationDto>(Routes.invitations.create, body),
  list: (signal?: AbortSignal): Promise<Page<InvitationDto>> =>
    api.get<Page<InvitationDto>>(`${Routes.invitations.list}?limit=${String(MAX_PAGE_LIMIT)}`, signal ? { signal } : {}),
};

export const notificationsApi = {
  /** Newest first; `cursor` pages further back. */
  list: (
    params: { cursor?: string | null; limit?: number; unreadOnly?: boolean } = {},
    signal?: AbortSignal,
  ): Promise<Page<NotificationDto>> =>
    api.get<Page<NotificationDto>>(
      `${Routes.notifications.list}${pageQuery({
        cursor: params.cursor,
        limit: params.limit ? String(params.limit) : null,
        unreadOnly: params.unreadOnly ? 'true' : null,
      })}`,
      withSignal(signal),
    ),
  /** Catch-up: only ids above `after`, oldest first. */
  after: (after: number, limit = MAX_PAGE_LIMIT, signal?: AbortSignal): Promise<Page<NotificationDto>> =>
    api.get<Page<NotificationDto>>(
      `${Routes.notifications.list}${pageQuery({ after: String(after), limit: String(limit) })}`,
      withSignal(signal),
    ),
  unreadCount: (signal?: AbortSignal): Promise<UnreadCountDto> =>
    api.get<UnreadCountDto>(Routes.notifications.unreadCount, withSignal(signal)),
  markRead: (body: { ids: number[] } | { all: true }): Promise<UnreadCountDto> => api.post<UnreadCountDto>(Routes.notifications.read, body),
  preferences: (signal?: AbortSignal): Promise<NotificationPreferencesDto> =>
    api.get<NotificationPreferencesDto>(Routes.notifications.preferences, withSignal(signal)),
  savePreferences: (body: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesDto> =>
    api.put<NotificationPreferencesDto>(Routes.notifications.preferences, body),
};
