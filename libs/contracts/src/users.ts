import type { Locale, Role, UserStatus } from './enums.js';
import type { OrganisationSummary } from './organisations.js';

/** What anyone who may see a person sees. */
export interface UserSummary {
  id: string;
  displayName: string;
  handle: string;
  role: Role;
  organisation: OrganisationSummary;
}

export interface UserDto extends UserSummary {
  email: string;
  status: UserStatus;
  locale: Locale;
  languages: string[];
  expertise: string[];
  phone: string | null;
  bio: string | null;
  createdAt: string;
}

/** The signed-in person. */
export type MeResponse = UserDto;

export interface UpdateMeRequest {
  displayName?: string;
  handle?: string;
  locale?: Locale;
  languages?: string[];
  expertise?: string[];
  phone?: string | null;
  bio?: string | null;
}

/** Admin changes to another user. */
export interface AdminUpdateUserRequest {
  role?: Role;
  organisationId?: string;
  status?: UserStatus;
}

export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?$/;
export const PASSWORD_MIN_LENGTH = 10;

/** `status` filter of the people list: `disabled` and `all` are for admins only. */
export const USER_LIST_STATUSES = ['active', 'disabled', 'all'] as const;
export type UserListStatus = (typeof USER_LIST_STATUSES)[number];

/**
 * `GET /api/users`: filters combine with AND. `q` searches name, handle, languages and expertise
 * (case- and accent-insensitive, partial: "muell" finds "Müller"); `language` matches a language
 * exactly (case-insensitive), `expertise` partially.
 */
export interface UserListQuery {
  q?: string;
  organisationId?: string;
  role?: Role;
  language?: string;
  expertise?: string;
  status?: UserListStatus;
  cursor?: string;
  limit?: number;
}

/** A row of the people directory (and of the admin user list). */
export interface UserListItemDto extends UserSummary {
  email: string;
  phone: string | null;
  status: UserStatus;
  languages: string[];
  expertise: string[];
}
