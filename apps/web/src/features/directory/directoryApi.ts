import {
  Routes,
  type CreateOrganisationRequest,
  type OrganisationListItemDto,
  type OrganisationProfileDto,
  type Page,
  type UpdateOrganisationRequest,
  type UserDto,
  type UserListItemDto,
} from '@treffpunkt/contracts';
import { api } from '../../api/client';

const withSignal = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

export const DIRECTORY_PAGE_SIZE = 25;

/** Filters exactly as they appear in the page's query string (empty = not set). */
export type Filters = Record<string, string>;

/** `?key=value&…` without empty values, plus cursor and limit. */
function query(filters: Filters, cursor: string | null, limit = DIRECTORY_PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return `?${params.toString()}`;
}

export const directoryApi = {
  people: (filters: Filters, cursor: string | null, signal?: AbortSignal, limit?: number): Promise<Page<UserListItemDto>> =>
    api.get<Page<UserListItemDto>>(`${Routes.users.list}${query(filters, cursor, limit)}`, withSignal(signal)),
  person: (id: string, signal?: AbortSignal): Promise<UserDto> => api.get<UserDto>(Routes.users.one(id), withSignal(signal)),
  organisations: (filters: Filters, cursor: string | null, signal?: AbortSignal, limit?: number): Promise<Page<OrganisationListItemDto>> =>
    api.get<Page<OrganisationListItemDto>>(`${Routes.organisations.list}${query(filters, cursor, limit)}`, withSignal(signal)),
  organisation: (id: string, signal?: AbortSignal): Promise<OrganisationProfileDto> =>
    api.get<OrganisationProfileDto>(Routes.organisations.one(id), withSignal(signal)),
  createOrganisation: (body: CreateOrganisationRequest): Promise<OrganisationProfileDto> =>
    api.post<OrganisationProfileDto>(Routes.organisations.list, body),
  updateOrganisation: (id: string, body: UpdateOrganisationRequest): Promise<OrganisationProfileDto> =>
    api.patch<OrganisationProfileDto>(Routes.organisations.one(id), body),
  archiveOrganisation: (id: string, archived: boolean): Promise<OrganisationProfileDto> =>
    api.post<OrganisationProfileDto>(archived ? Routes.organisations.archive(id) : Routes.organisations.unarchive(id)),
};

export const directoryKeys = {
  all: ['directory'] as const,
  people: (filters: Filters) => ['directory', 'people', filters] as const,
  person: (id: string) => ['directory', 'person', id] as const,
  organisations: (filters: Filters) => ['directory', 'organisations', filters] as const,
  organisation: (id: string) => ['directory', 'organisation', id] as const,
};

/** SPA paths of the directory. */
export const DirectoryPaths = {
  home: '/verzeichnis',
  organisations: '/verzeichnis/organisationen',
  organisationNew: '/verzeichnis/organisationen/neu',
  organisation: (id: string) => `/verzeichnis/organisationen/${id}`,
  organisationEdit: (id: string) => `/verzeichnis/organisationen/${id}/bearbeiten`,
  people: '/verzeichnis/personen',
  person: (id: string) => `/verzeichnis/personen/${id}`,
  whoCanHelp: '/verzeichnis/wer-hilft',
} as const;
