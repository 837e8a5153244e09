import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../../common/events/domain-events.js';
import { runExclusive } from '../../database/exclusive-job.js';
import { inTransaction } from '../../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { IdempotencyRepository } from '../idempotency/idempotency.repository.js';
import { ForumRepository } from './forum.repository.js';

const LOCK_KEY = 727_113_010;
const INTERVAL_MS = 60 * 60_000;

/**
 * Deletes case threads for good once their retention date has passed (unless on legal hold):
 * the thread, its posts, revisions, mentions, read markers, subscriptions, drafts and with them
 * their search entries. Runs hourly on one instance at a time.
 */
@Injectable()
export class CaseRetentionService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CaseRetention');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ForumRepository) private readonly forum: ForumRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(IdempotencyRepository) private readonly idempotency: IdempotencyRepository,
    @Inject(DomainEvents) private readonly events: DomainEvents,
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
        const purged = await this.purgeExpired(new Date());
        if (purged > 0) this.logger.log(`deleted ${purged} expired case thread(s)`);
        // stored idempotent answers are only needed for retries
        await this.idempotency.deleteOlderThan(new Date(Date.now() - 7 * 86_400_000));
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'retention run failed, will retry');
    }
  }

  /** Deletes every case thread whose retention date is before `now`. Returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.forum.expiredCaseThreads(now, 100);
      if (batch.length === 0) return total;
      for (const thread of batch) {
        const deleted = await inTransaction(this.dataSource, async (manager, afterCommit) => {
          if (!(await this.forum.purgeThread(thread.id, manager))) return false;
          await this.audit.record(
            {
              actorId: null,
              action: 'thread.purge',
              entityType: 'thread',
              entityId: thread.id,
              details: { pseudonymCode: thread.pseudonymCode, reason: 'retention' },
            },
            manager,
          );
          afterCommit(() => this.events.emit('forum.thread_purged', { threadId: thread.id, spaceId: thread.spaceId }));
          return true;
        });
        if (deleted) total++;
      }
      if (batch.length < 100) return total;
    }
  }
}
