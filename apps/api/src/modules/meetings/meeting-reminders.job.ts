import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../../common/events/domain-events.js';
import { runExclusive } from '../../database/exclusive-job.js';
import { inTransaction } from '../../database/transaction.js';
import { MeetingsRepository } from './meetings.repository.js';

const LOCK_KEY = 727_113_040;
const INTERVAL_MS = 5 * 60_000;

/**
 * Reminds people who answered going or maybe, their chosen lead time (`meetingReminderHours`
 * preference, 24 hours by default) before a meeting starts. Every five
 * minutes on one instance at a time; each reminder is claimed (stamped) before it is announced,
 * so nobody hears twice — a moved meeting is reminded again before its new time. How it reaches
 * the person (in-app only, or also by mail) follows their `meeting_reminder` preference.
 */
@Injectable()
export class MeetingRemindersJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MeetingReminders');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsRepository) private readonly meetings: MeetingsRepository,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      runExclusive(this.dataSource, LOCK_KEY, async () => {
        await this.sendDue(new Date());
      }).catch((error: unknown) => this.logger.warn({ err: error }, 'reminder run failed, will retry'));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Sends every reminder due at `now`; returns how many. */
  async sendDue(now: Date): Promise<number> {
    const due = await inTransaction(this.dataSource, (manager) => this.meetings.claimDueReminders(now, manager));
    let sent = 0;
    for (const [meetingId, { spaceId, userIds }] of due) {
      await this.events.emitAndWait('meeting.reminder_due', { meetingId, spaceId, userIds });
      sent += userIds.length;
    }
    if (sent > 0) this.logger.log(`sent ${sent} meeting reminder(s)`);
    return sent;
  }
}
