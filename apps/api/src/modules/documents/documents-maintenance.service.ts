import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { runExclusive } from '../../database/exclusive-job.js';
import { inTransaction } from '../../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { BlobStore } from './blob-store.js';
import { DocumentsRepository } from './documents.repository.js';

const LOCK_KEY = 727_113_030;
const INTERVAL_MS = 60 * 60_000;
/** Temp files and unregistered stored files younger than this may belong to an upload in progress. */
const GRACE_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

export interface SweepResult {
  blobs: number;
  orphanFiles: number;
  tempFiles: number;
}

/**
 * Keeps the store tidy, hourly and on one instance at a time: purges the trash after
 * DOCUMENT_TRASH_DAYS, deletes stored files no version references any more, and removes what
 * crashed uploads left behind (temp files, files renamed into place whose row never committed).
 */
@Injectable()
export class DocumentsMaintenanceService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DocumentsMaintenance');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DocumentsRepository) private readonly documents: DocumentsRepository,
    @Inject(BlobStore) private readonly store: BlobStore,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.runScheduled(), INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async runScheduled(): Promise<void> {
    try {
      await runExclusive(this.dataSource, LOCK_KEY, async () => {
        const now = new Date();
        const purged = await this.purgeTrash(now);
        const swept = await this.sweep(now);
        if (purged > 0 || swept.blobs + swept.orphanFiles + swept.tempFiles > 0) {
          this.logger.log({ purged, ...swept }, 'documents maintenance');
        }
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'documents maintenance failed, will retry');
    }
  }

  /** Deletes for good what has been in the trash longer than DOCUMENT_TRASH_DAYS before `now`, then their unreferenced files. */
  async purgeTrash(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.documentTrashDays * DAY_MS);
    let total = 0;
    for (;;) {
      const batch = await this.documents.expiredTrash(before, 100);
      for (const item of batch) {
        const deleted = await inTransaction(this.dataSource, async (manager) => {
          const gone =
            item.kind === 'folder'
              ? await this.documents.deleteFolder(item.id, manager)
              : await this.documents.deleteDocument(item.id, manager);
          if (gone) {
            await this.audit.record(
              {
                actorId: null,
                action: item.kind === 'folder' ? 'folder.purge' : 'document.purge',
                entityType: item.kind,
                entityId: item.id,
                details: { spaceId: item.spaceId, reason: 'trash' },
              },
              manager,
            );
          }
          return gone;
        });
        if (deleted) total++;
      }
      if (batch.length < 100) break;
    }
    if (total > 0) await this.sweepBlobs();
    return total;
  }

  /** Everything the sweeper does; `now` decides what counts as stale. */
  async sweep(now: Date): Promise<SweepResult> {
    const blobs = await this.sweepBlobs();
    const staleBefore = new Date(now.getTime() - GRACE_MS);
    const orphanFiles = await this.sweepOrphanFiles(staleBefore);
    const tempFiles = await this.store.sweepTemp(staleBefore);
    return { blobs, orphanFiles, tempFiles };
  }

  /**
   * Blobs no version references: row and file go together under the row lock, which an upload
   * reusing the same bytes takes too — so a file is never removed under a version about to commit.
   */
  async sweepBlobs(): Promise<number> {
    let removed = 0;
    const skipped = new Set<string>();
    for (;;) {
      const candidates = (await this.documents.unreferencedBlobs(100 + skipped.size)).filter((sha) => !skipped.has(sha));
      if (candidates.length === 0) return removed;
      for (const sha256 of candidates) {
        const done = await inTransaction(this.dataSource, async (manager) => {
          if (!(await this.documents.lockUnreferencedBlob(sha256, manager))) return false;
          await this.store.remove(sha256);
          await this.documents.deleteBlob(sha256, manager);
          return true;
        });
        if (done) removed++;
        else skipped.add(sha256);
      }
    }
  }

  /** Files in the store without a blob row (a crash between rename and commit), once older than the grace period. */
  private async sweepOrphanFiles(before: Date): Promise<number> {
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const known = await this.documents.knownBlobs(batch);
      for (const sha256 of batch.filter((sha) => !known.has(sha))) {
        // the placeholder row waits for (and then yields to) an upload of the same bytes in flight
        const done = await inTransaction(this.dataSource, async (manager) => {
          if (!(await this.documents.reserveUnregisteredBlob(sha256, manager))) return false;
          await this.store.remove(sha256);
          await this.documents.deleteBlob(sha256, manager);
          return true;
        });
        if (done) removed++;
      }
      batch = [];
    };
    for await (const file of this.store.storedFiles()) {
      if (file.mtime >= before) continue;
      batch.push(file.sha256);
      if (batch.length >= 500) await flush();
    }
    await flush();
    return removed;
  }
}
