import type { SpaceVisibility } from './enums.js';
import type { OrganisationSummary } from './organisations.js';
import type { UserSummary } from './users.js';

export const SPACE_ROLES = ['member', 'moderator'] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

/** What the caller may do in a space (computed by the API's access service). */
export interface SpacePermissions {
  post: boolean;
  moderate: boolean;
  manage: boolean;
  createCase: boolean;
  createAnnouncement: boolean;
}

export interface SpaceDto {
  id: string;
  name: string;
  slug: string;
  description: string;
  visibility: SpaceVisibility;
  /** Months after the last post after which case threads are deleted. */
  caseRetentionMonths: number;
  archived: boolean;
  threadCount: number;
  /** Threads with posts the caller has not read. */
  unreadThreadCount: number;
  permissions: SpacePermissions;
  subscription: SubscriptionLevel;
  createdAt: string;
}

export interface CreateSpaceRequest {
  name: string;
  slug?: string;
  description: string;
  visibility: SpaceVisibility;
  caseRetentionMonths?: number;
}

export interface UpdateSpaceRequest {
  name?: string;
  description?: string;
  visibility?: SpaceVisibility;
  caseRetentionMonths?: number;
  archived?: boolean;
}

export interface SpaceMemberDto {
  id: string;
  role: SpaceRole;
  /** Exactly one of user / organisation is set. */
  user: UserSummary | null;
  organisation: OrganisationSummary | null;
  createdAt: string;
}

export interface AddSpaceMemberRequest {
  userId?: string;
  organisationId?: string;
  role: SpaceRole;
}

export const SUBSCRIPTION_LEVELS = ['watching', 'normal', 'muted'] as const;
export type SubscriptionLevel = (typeof SUBSCRIPTION_LEVELS)[number];

export interface SetSubscriptionRequest {
  level: SubscriptionLevel;
}
