import type { FieldOfAction, OrganisationType, SpaceVisibility, TargetGroup } from './enums.js';
import type { UserSummary } from './users.js';

export interface OrganisationSummary {
  id: string;
  name: string;
  type: OrganisationType;
  city: string | null;
}

export interface OrganisationDto extends OrganisationSummary {
  description: string | null;
  address: string | null;
  postcode: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  fieldsOfAction: FieldOfAction[];
  targetGroups: TargetGroup[];
  contactPersonIds: string[];
  archived: boolean;
  createdAt: string;
}

/** A row of the organisation directory. */
export interface OrganisationListItemDto extends OrganisationSummary {
  fieldsOfAction: FieldOfAction[];
  targetGroups: TargetGroup[];
  archived: boolean;
}

/**
 * `GET /api/organisations`: filters combine with AND; `q` searches name, city and description
 * (case- and accent-insensitive, partial). Archived organisations only with `includeArchived=true`
 * and only those the caller may manage.
 */
export interface OrganisationListQuery {
  q?: string;
  type?: OrganisationType;
  city?: string;
  field?: FieldOfAction;
  targetGroup?: TargetGroup;
  includeArchived?: boolean;
  cursor?: string;
  limit?: number;
}

/** A contact person: who they are and how to reach them. */
export interface OrganisationContactDto extends UserSummary {
  email: string;
  phone: string | null;
}

/** A space the organisation belongs to (as an organisation member or through its people) that the caller can see. */
export interface OrganisationSpaceDto {
  id: string;
  name: string;
  slug: string;
  visibility: SpaceVisibility;
}

/** At most this many members are listed in a profile; `memberCount` tells how many there are. */
export const ORGANISATION_PROFILE_MEMBERS_MAX = 100;

/** `GET /api/organisations/:id`. */
export interface OrganisationProfileDto extends OrganisationDto {
  contactPersons: OrganisationContactDto[];
  /** Active people, by name, at most ORGANISATION_PROFILE_MEMBERS_MAX. */
  members: UserSummary[];
  memberCount: number;
  spaces: OrganisationSpaceDto[];
  /** Whether the caller may edit, archive and unarchive it. */
  canManage: boolean;
}

export const ORGANISATION_NAME_MAX = 200;
export const ORGANISATION_DESCRIPTION_MAX = 4000;
export const ORGANISATION_ADDRESS_MAX = 300;
export const ORGANISATION_CITY_MAX = 120;
export const ORGANISATION_WEBSITE_MAX = 300;
export const ORGANISATION_PHONE_MAX = 60;
export const ORGANISATION_CONTACTS_MAX = 20;
/** German postcodes: five digits. */
export const POSTCODE_PATTERN = /^\d{5}$/;

/**
 * `POST /api/organisations`. Contact persons must be members (people of the organisation), so a new
 * organisation starts without them. Admins create every type; coordinators every type but service points.
 */
export interface CreateOrganisationRequest {
  name: string;
  type: OrganisationType;
  description?: string | null;
  address?: string | null;
  city?: string | null;
  postcode?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  fieldsOfAction?: FieldOfAction[];
  targetGroups?: TargetGroup[];
  contactPersonIds?: string[];
}

/**
 * `PATCH /api/organisations/:id`: absent fields stay; null clears an optional field;
 * `contactPersonIds` replaces the list. Archiving is `POST /api/organisations/:id/archive` and `/unarchive`.
 */
export type UpdateOrganisationRequest = Partial<CreateOrganisationRequest>;
