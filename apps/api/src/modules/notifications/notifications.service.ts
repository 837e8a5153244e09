import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_EMAIL_MODE,
  NOTIFICATION_TYPES,
  type EmailMode,
  type NotificationType,
  type MarkNotificationsReadRequest,
  type NotificationPreferencesDto,
  type Page,
  type NotificationDto,
  type UnreadCountDto,
  type UpdateNotificationPreferencesRequest,
} from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { decodeCursor, encodeCursor } from '../../common/http/cursor.js';
import { inTransaction } from '../../database/transaction.js';
import { AccessService } from '../access/access.service.js';
import { MailService, type MailMessage } from '../mail/mail.service.js';
import { RealtimePublisher } from '../realtime/realtime.publisher.js';
import { composeMail, notificationSentence } from './notification-texts.js';
import { toNotificationDto } from './notifications.mapper.js';
import { NotificationsRepository, type NotificationDraft, type NotificationRow, type Recipient } from './notifications.repository.js';

export const PREFERENCES_PATH = '/profil/benachrichtigungen';

/**
 * Persists notifications (one transaction), then pushes them live and sends immediate e-mails.
 * Every recipient is checked against the access service here, whoever computed the list.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NotificationsRepository) private readonly repository: NotificationsRepository,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(RealtimePublisher) private readonly realtime: RealtimePublisher,
    @Inject(MailService) private readonly mail: MailService,
  ) {}

  async notify(drafts: NotificationDraft[]): Promise<void> {
    const allowed = await this.onlyThoseWhoMaySee(drafts);
    if (allowed.length === 0) return;
    const people = await this.repository.recipientsWithModes(
      [...new Set(allowed.map((d) => d.userId))],
      [...new Set(allowed.map((d) => d.type))],
    );
    const recipients = new Map(people.map((r) => [r.id, r]));
    const active = allowed.filter((d) => recipients.get(d.userId)?.status === 'active');
    if (active.length === 0) return;
    const immediate = active.map((d) => recipients.get(d.userId)!.modes.get(d.type) === 'immediate');
    // without immediate e-mails the insert is one statement on its own; with them, the outbox rows
    // are written in the same transaction (the notifications marked e-mailed as they are written)
    const rows = immediate.includes(true)
      ? await inTransaction(this.dataSource, async (manager) => {
          const inserted = await this.repository.insertMany(active, manager, immediate);
          await this.mail.enqueueMany(this.immediateMails(inserted, recipients), manager);
          return inserted;
        })
      : await this.repository.insertMany(active);
    if (immediate.includes(true)) this.mail.kick();
    await this.publish(rows);
  }

  private immediateMails(
    inserted: NotificationRow[],
    recipients: Map<string, Recipient & { modes: Map<NotificationType, EmailMode> }>,
  ): MailMessage[] {
    const mails: MailMessage[] = [];
    for (const type of new Set(inserted.map((r) => r.type))) {
      for (const row of inserted) {
        const person = recipients.get(row.user_id);
        if (row.type !== type || !person || person.modes.get(row.type) !== 'immediate') continue;
        const sentence = notificationSentence(person.locale, row.type, {
          actor: row.actor_name,
          subject: row.subject,
          spaceName: row.space_name,
        });
        const mail = composeMail(
          person.locale,
          person.displayName,
          [{ sentence, url: this.url(row.link), group: row.space_name ?? '' }],
          this.url(PREFERENCES_PATH),
          false,
        );
        mails.push({ to: person.email, subject: mail.subject, text: mail.text, html: mail.html });
      }
    }
    return mails;
  }

  async list(
    user: AuthUser,
    query: { after?: number; cursor?: string; limit?: number; unreadOnly?: boolean },
  ): Promise<Page<NotificationDto>> {
    const limit = query.limit ?? 50;
    const unreadOnly = query.unreadOnly === true;
    if (query.after !== undefined) {
      const rows = await this.repository.since(user.id, query.after, limit + 1, unreadOnly);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      // the caller continues with ?after=<last id> (cursor carries the same)
      return { items: page.map(toNotificationDto), nextCursor: rows.length > limit && last ? encodeCursor({ after: last.id }) : null };
    }
    const cursor = decodeCursor(query.cursor, ['before'] as const);
    const rows = await this.repository.page(user.id, cursor ? Number(cursor.before) : null, limit + 1, unreadOnly);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toNotificationDto), nextCursor: rows.length > limit && last ? encodeCursor({ before: last.id }) : null };
  }

  async unreadCount(user: AuthUser): Promise<UnreadCountDto> {
    return { count: (await this.repository.unreadCounts([user.id])).get(user.id) ?? 0 };
  }

  async markRead(user: AuthUser, request: MarkNotificationsReadRequest): Promise<UnreadCountDto> {
    await this.repository.markRead(user.id, request.all ? 'all' : (request.ids ?? []));
    const count = await this.unreadCount(user);
    // every open tab of the person updates its badge
    this.realtime.toUsers([user.id], 'notification:unread-count', count);
    return count;
  }

  async preferences(user: AuthUser): Promise<NotificationPreferencesDto> {
    const [chosen, meetingReminderHours] = await Promise.all([
      this.repository.preferences(user.id),
      this.repository.meetingReminderHours(user.id),
    ]);
    return {
      items: NOTIFICATION_TYPES.map((type) => ({ type, email: chosen.get(type) ?? DEFAULT_EMAIL_MODE[type] })),
      meetingReminderHours,
    };
  }

  async setPreferences(user: AuthUser, request: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesDto> {
    await this.repository.setPreferences(user.id, request.items);
    if (request.meetingReminderHours !== undefined) await this.repository.setMeetingReminderHours(user.id, request.meetingReminderHours);
    return this.preferences(user);
  }

  /** Daily digest: unread notifications not mailed yet, grouped by space, once a day from 07:00 Berlin time. */
  async sendDigests(now: Date = new Date()): Promise<number> {
    const berlin = berlinDateAndHour(now);
    if (berlin.hour < 7) return 0;
    const pending = await this.repository.pendingDigest(500);
    const byUser = new Map<string, NotificationRow[]>();
    for (const row of pending) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    const last = await this.repository.lastDigest([...byUser.keys()]);
    const recipients = new Map((await this.repository.recipients([...byUser.keys()])).map((r) => [r.id, r]));
    let sent = 0;
    for (const [userId, rows] of byUser) {
      const person = recipients.get(userId);
      const lastSent = last.get(userId);
      if (!person || person.status !== 'active' || (lastSent && berlinDateAndHour(lastSent).date === berlin.date)) continue;
      const items = rows.map((r) => ({
        sentence: notificationSentence(person.locale, r.type, { actor: r.actor_name, subject: r.subject, spaceName: r.space_name }),
        url: this.url(r.link),
        group: r.space_name ?? '',
      }));
      const mail = composeMail(person.locale, person.displayName, items, this.url(PREFERENCES_PATH), true);
      await inTransaction(this.dataSource, async (manager) => {
        await this.mail.enqueue({ to: person.email, subject: mail.subject, text: mail.text, html: mail.html }, manager);
        await this.repository.markEmailed(
          rows.map((r) => r.id),
          manager,
        );
        await this.repository.recordDigest(userId, now, manager);
      });
      sent++;
    }
    if (sent > 0) {
      this.logger.log(`queued ${sent} digest mail(s)`);
      this.mail.kick();
    }
    return sent;
  }

  private url(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  private async onlyThoseWhoMaySee(drafts: NotificationDraft[]): Promise<NotificationDraft[]> {
    const bySpace = new Map<string, Set<string>>();
    for (const draft of drafts) {
      if (draft.spaceId) bySpace.set(draft.spaceId, (bySpace.get(draft.spaceId) ?? new Set()).add(draft.userId));
    }
    const visible = new Map<string, Set<string>>();
    for (const [spaceId, users] of bySpace) visible.set(spaceId, await this.access.usersWhoCanSee(spaceId, [...users]));
    const seen = new Set<string>();
    return drafts.filter((d) => {
      const key = `${d.userId}|${d.type}|${d.postId ?? d.threadId ?? d.spaceId ?? d.link}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return d.spaceId === null || visible.get(d.spaceId)?.has(d.userId) === true;
    });
  }

  /** Each person's new notifications, then their unread count: one batch for every instance's sockets. */
  private async publish(rows: NotificationRow[]): Promise<void> {
    if (rows.length === 0) return;
    const byUser = new Map<string, NotificationRow[]>();
    for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    const counts = await this.repository.unreadCounts([...byUser.keys()]);
    await this.realtime.deliver(
      [...byUser].flatMap(([userId, own]) => [
        ...own.map((row) => RealtimePublisher.toUser(userId, 'notification:new', toNotificationDto(row))),
        RealtimePublisher.toUser(userId, 'notification:unread-count', { count: counts.get(userId) ?? 0 }),
      ]),
    );
  }
}

const BERLIN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** Calendar date (YYYY-MM-DD) and hour in Berlin at an instant. */
export function berlinDateAndHour(at: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(BERLIN.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}
