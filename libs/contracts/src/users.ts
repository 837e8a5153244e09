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
