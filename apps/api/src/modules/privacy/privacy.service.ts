import { createReadStream, type ReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type DataExportDto, type LatestDataExportResponse } from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { inTransaction } from '../../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { UserAuthStateCache } from '../users/user-auth-state.cache.js';
import { erasedValues, replaceMentions } from './anonymise.js';
import { DataExportWorker } from './data-export.worker.js';
import { DataExportBuilder } from './export-builder.js';
import { toDataExportDto } from './privacy.mapper.js';
import { PrivacyRepository } from './privacy.repository.js';

/** At most this many exports per person within EXPORT_WINDOW_MS (each one reads everything). */
export const EXPORTS_PER_WINDOW = 5;
const EXPORT_WINDOW_MS = 86_400_000;

export interface ExportDownload {
  stream: ReadStream;
  size: number;
  fileName: string;
}

@Injectable()
export class PrivacyService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrivacyRepository) private readonly repository: PrivacyRepository,
    @Inject(DataExportWorker) private readonly worker: DataExportWorker,
    @Inject(DataExportBuilder) private readonly builder: DataExportBuilder,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(UserAuthStateCache) private readonly authStates: UserAuthStateCache,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  /** Queues an export of the caller's data, or answers the one already queued or running. */
  async requestExport(actor: AuthUser, ip: string): Promise<DataExportDto> {
    const open = await this.repository.findOpen(actor.id);
    if (open) return toDataExportDto(open);
    const now = Date.now();
    const recent = await this.repository.createdSince(actor.id, new Date(now - EXPORT_WINDOW_MS));
    if (recent.length >= EXPORTS_PER_WINDOW) {
      const oldest = recent[recent.length - EXPORTS_PER_WINDOW] ?? recent[0];
      const retryAfter = Math.max(1, Math.ceil(((oldest?.getTime() ?? now) + EXPORT_WINDOW_MS - now) / 1000));
      throw new DomainError(429, ErrorCode.TooManyRequests, `At most ${EXPORTS_PER_WINDOW} data exports per day`, {
        'Retry-After': String(retryAfter),
      });
    }
    const created = await this.repository.insertQueued(actor.id);
    // lost a race against a parallel request: answer the export that one queued
    const row = created ?? (await this.repository.findOpen(actor.id)) ?? (await this.repository.findLatest(actor.id));
    if (!row) throw notFound('Data export');
    if (created) {
      await this.audit.record({ actorId: actor.id, action: 'user.export_request', entityType: 'data_export', entityId: created.id, ip });
      this.worker.kick();
    }
    return toDataExportDto(row);
  }

  async latestExport(actor: AuthUser): Promise<LatestDataExportResponse> {
    const row = await this.repository.findLatest(actor.id);
    return { latest: row ? toDataExportDto(row) : null };
  }

  /** Only the owner; anybody else gets 404. Expired → 410, not finished yet → 409. */
  async download(actor: AuthUser, id: string, ip: string): Promise<ExportDownload> {
    const row = await this.repository.findOwned(id, actor.id);
    if (!row) throw notFound('Data export');
    const dto = toDataExportDto(row);
    if (dto.status === 'expired') throw new DomainError(410, ErrorCode.ExportExpired, 'This export has expired and was deleted');
    if (dto.status !== 'ready') throw new DomainError(409, ErrorCode.Conflict, 'This export is not ready');
    const path = this.builder.pathOf(id);
    const size = await stat(path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw new DomainError(410, ErrorCode.ExportExpired, 'This export is no longer available');
    await this.audit.record({ actorId: actor.id, action: 'user.export_download', entityType: 'data_export', entityId: id, ip });
    return {
      stream: createReadStream(path, { highWaterMark: 256 * 1024 }),
      size,
      fileName: `treffpunkt-daten-${row.createdAt.toISOString().slice(0, 10)}.zip`,
    };
  }

  /**
   * GDPR erasure (admin): removes the person's personal data in one transaction; what they wrote
   * for others stays, shown as "Ehemaliges Mitglied". Then their sessions end everywhere.
   */
  async erase(actor: AuthUser, userId: string, confirm: string, ip: string): Promise<void> {
    if (userId === actor.id) throw forbidden('You cannot erase yourself');
    const exportIds = await inTransaction(this.dataSource, async (manager) => {
      const subject = await this.repository.lockForErasure(userId, manager);
      if (!subject) throw notFound('User');
      if (subject.status === 'erased') throw new DomainError(409, ErrorCode.Conflict, 'This person has already been erased');
      if (confirm.trim().toLowerCase() !== subject.handle.toLowerCase()) {
        throw new DomainError(400, ErrorCode.ValidationFailed, 'confirm must be the handle of the person to erase', {}, [
          'confirm must be the handle of the person to erase',
        ]);
      }
      const values = erasedValues();
      // others' posts keep linking to the person, but no longer by the old handle (often the name)
      const posts = await this.repository.postsMentioning(userId, manager);
      for (const post of posts) {
        await this.repository.updatePostText(
          post.id,
          replaceMentions(post.body, subject.handle, values.handle),
          replaceMentions(post.bodyHtml, subject.handle, values.handle),
          manager,
        );
      }
      for (const revision of await this.repository.revisionsOf(
        posts.map((p) => p.id),
        manager,
      )) {
        await this.repository.updateRevisionText(revision.id, replaceMentions(revision.body, subject.handle, values.handle), manager);
      }
      const removedExports = await this.repository.erase(subject, values, manager);
      // no erased data in the (append-only) audit log: who erased whom, nothing else
      await this.audit.record({ actorId: actor.id, action: 'user.erase', entityType: 'user', entityId: userId, ip }, manager);
      return removedExports;
    });
    for (const id of exportIds) await rm(this.builder.pathOf(id), { force: true });
    // the cache first, so that a reconnecting socket is already refused
    await this.authStates.invalidate(userId);
    await this.events.emitAndWait('user.sessions_revoked', { userId });
  }
}
