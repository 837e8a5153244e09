import type { AdminSpaceDto, AuditEntryDto } from '@treffpunkt/contracts';
import type { AuditLogRow } from '../audit/audit.repository.js';
import type { AdminSpaceRow } from './admin.repository.js';

export function toAuditEntryDto(row: AuditLogRow): AuditEntryDto {
  return {
    id: row.id,
    actor: row.actor,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    ip: row.ip,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toAdminSpaceDto(row: AdminSpaceRow): AdminSpaceDto {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    visibility: row.visibility,
    archived: row.archivedAt !== null,
    memberCount: row.memberCount,
    threadCount: row.threadCount,
    createdAt: row.createdAt.toISOString(),
  };
}
