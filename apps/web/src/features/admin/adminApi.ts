import {
  ErrorCode,
  Routes,
  type AdminSpaceDto,
  type AdminUpdateUserRequest,
  type AuditEntryDto,
  type InvitationDto,
  type Page,
  type Role,
  type UserDto,
  type UserListItemDto,
  type UserListStatus,
} from '@treffpunkt/contracts';
import { ApiError, api } from '../../api/client';

const withSignal = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

/** `?a=1&b=2`, leaving out empty values. */
export function queryString(params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export interface PeopleFilter {
  q: string;
  role: Role | '';
  organisationId: string;
  status: UserListStatus;
}

export interface AuditFilter {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

export const PEOPLE_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 50;

const auditParams = (filter: AuditFilter): Record<string, string> => ({
  actor: filter.actor,
  action: filter.action.trim(),
  entityType: filter.entityType,
  entityId: filter.entityId.trim(),
  from: filter.from,
  to: filter.to,
});

export const adminApi = {
  people: (filter: PeopleFilter, cursor: string | null, signal?: AbortSignal): Promise<Page<UserListItemDto>> =>
    api.get<Page<UserListItemDto>>(
      `${Routes.users.list}${queryString({
        q: filter.q.trim(),
        role: filter.role,
        organisationId: filter.organisationId,
        status: filter.status,
        cursor,
        limit: String(PEOPLE_PAGE_SIZE),
      })}`,
      withSignal(signal),
    ),
  person: (id: string, signal?: AbortSignal): Promise<UserDto> => api.get<UserDto>(Routes.users.one(id), withSignal(signal)),
  updatePerson: (id: string, body: AdminUpdateUserRequest): Promise<UserDto> => api.patch<UserDto>(Routes.users.one(id), body),
  resendInvitation: (id: string): Promise<InvitationDto> => api.post<InvitationDto>(Routes.invitations.resend(id)),
  revokeInvitation: (id: string): Promise<void> => api.delete(Routes.invitations.revoke(id)),
  spaces: (signal?: AbortSignal): Promise<Page<AdminSpaceDto>> => api.get<Page<AdminSpaceDto>>(Routes.admin.spaces, withSignal(signal)),
  auditLog: (filter: AuditFilter, cursor: string | null, signal?: AbortSignal): Promise<Page<AuditEntryDto>> =>
    api.get<Page<AuditEntryDto>>(
      `${Routes.admin.auditLog}${queryString({ ...auditParams(filter), cursor, limit: String(AUDIT_PAGE_SIZE) })}`,
      withSignal(signal),
    ),
  /** The CSV export as a file: fetched with the bearer token (refreshed once on 401), saved via a temporary link. */
  async downloadAuditCsv(filter: AuditFilter): Promise<void> {
    const url = `${Routes.admin.auditLogCsv}${queryString(auditParams(filter))}`;
    const fetchWith = (token: string | null) =>
      globalThis.fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, credentials: 'same-origin' });
    let response = await fetchWith(api.token);
    if (response.status === 401) response = await fetchWith((await api.refresh())?.accessToken ?? null);
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
      throw new ApiError(
        response.status,
        (body?.code as ErrorCode | undefined) ?? ErrorCode.InternalError,
        body?.message ?? 'Export failed',
      );
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'protokoll.csv';
    const objectUrl = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = objectUrl;
    link.download = fileName;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => {
      URL.revokeObjectURL(objectUrl);
    }, 10_000);
  },
};

/** TanStack Query keys of the administration area. */
export const adminKeys = {
  all: ['admin'] as const,
  people: (filter: PeopleFilter) => ['admin', 'people', filter] as const,
  person: (id: string) => ['admin', 'person', id] as const,
  spaces: ['admin', 'spaces'] as const,
  audit: (filter: AuditFilter) => ['admin', 'audit', filter] as const,
};
