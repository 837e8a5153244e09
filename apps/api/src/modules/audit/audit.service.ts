import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from './audit.repository.js';

export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.login_throttled'
  | 'auth.logout'
  | 'auth.refresh_reuse'
  | 'auth.password_change'
  | 'auth.password_reset_request'
  | 'auth.password_reset'
  | 'invitation.create'
  | 'invitation.revoke'
  | 'invitation.resend'
  | 'invitation.accept'
  | 'user.update_profile'
  | 'user.role_change'
  | 'user.organisation_change'
  | 'user.disable'
  | 'user.enable'
  | 'user.erase'
  | 'user.export_request'
  | 'user.export_download'
  | 'organisation.create'
  | 'organisation.update'
  | 'organisation.archive'
  | 'organisation.unarchive'
  | 'space.create'
  | 'space.update'
  | 'space.member_add'
  | 'space.member_remove'
  | 'thread.moderate'
  | 'thread.delete'
  | 'thread.legal_hold'
  | 'thread.purge'
  | 'post.delete'
  | 'case.read'
  | 'case.pii_acknowledged'
  | 'consultation.update'
  | 'consultation.delete'
  | 'folder.delete'
  | 'folder.restore'
  | 'folder.purge'
  | 'document.delete'
  | 'document.restore'
  | 'document.purge'
  | 'document.version_restore'
  | 'meeting.create'
  | 'meeting.update'
  | 'meeting.cancel'
  | 'calendar_feed.create'
  | 'calendar_feed.revoke';

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  ip?: string | null;
  /** Never put secrets, passwords or case content here. */
  details?: Record<string, unknown>;
}

/** Writes the audit trail of security-relevant actions. Pass the use case's manager to write in its transaction. */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditRepository) private readonly repository: AuditRepository) {}

  record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    return this.repository.insert(
      {
        actorId: record.actorId,
        action: record.action,
        entityType: record.entityType ?? null,
        entityId: record.entityId ?? null,
        ip: record.ip ?? null,
        details: record.details ?? {},
      },
      manager,
    );
  }
}
