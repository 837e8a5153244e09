import type { Role, SpaceVisibility } from './enums.js';

/** Who did something, as the audit log shows it; null means the system (a job) or a person no longer known. */
export interface AuditActorSummary {
  id: string;
  displayName: string;
  handle: string;
  role: Role;
}

export interface AuditEntryDto {
  /** Monotonically increasing (bigint as a string). */
  id: string;
  /** The person who acted; null for the system or a failed login of an unknown account. */
  actor: AuditActorSummary | null;
  /** The actor's id even when the account no longer exists (then `actor` is null). */
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

/**
 * Filters of `GET /api/admin/audit-log` (and the CSV export). `from`/`to` are ISO 8601: a plain date
 * (`2026-03-01`) means that whole day in Europe/Berlin (`to` inclusive), an instant is taken as is
 * (`to` exclusive).
 */
export interface AuditLogQuery {
  /** A user id. */
  actor?: string;
  /** An exact action (`user.disable`) or a prefix ending in a dot (`invitation.`). */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** An overview row of the administration's space list (every space the caller may see, archived too). */
export interface AdminSpaceDto {
  id: string;
  name: string;
  slug: string;
  visibility: SpaceVisibility;
  archived: boolean;
  /** Direct memberships: people plus whole organisations. */
  memberCount: number;
  threadCount: number;
  createdAt: string;
}
