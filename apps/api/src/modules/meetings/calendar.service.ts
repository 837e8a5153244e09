import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Routes, type CalendarFeedDto, type CalendarFeedStateDto } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { notFound } from '../../common/errors/domain-error.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { renderCalendar } from './ical.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

const DAY_MS = 86_400_000;
/** The feed covers the last 90 days and the next two years. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 731;
const FEED_LIMIT = 2000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * `.ics` downloads and the personal feed. The feed token is an HMAC of a random per-feed key with
 * the server secret: the owner can be shown the URL again, while the database holds only the key
 * and the token's SHA-256 (a database dump alone reveals no working URL). A new key (regenerate)
 * or no row (revoke) makes the old URL answer 404.
 */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MeetingsRepository) private readonly meetings: MeetingsRepository,
    @Inject(MeetingsService) private readonly meetingsService: MeetingsService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async meetingIcs(user: AuthUser, meetingId: string): Promise<string> {
    await this.access.requireMeeting(user, meetingId);
    const meeting = await this.meetings.findMeeting(meetingId);
    if (!meeting) throw notFound('Meeting');
    return renderCalendar(meeting.title, [meeting], this.config.publicUrl);
  }

  async feed(user: AuthUser): Promise<CalendarFeedStateDto> {
    const feed = await this.meetings.findFeed(user.id);
    return { feed: feed ? this.toDto(user.id, feed.key, feed.createdAt) : null };
  }

  /** Creates the feed, or replaces its token (the old URL stops working at once). */
  async regenerate(user: AuthUser, ip: string): Promise<CalendarFeedDto> {
    const key = randomUUID();
    const feed = await this.meetings.saveFeed(user.id, key, sha256(this.token(user.id, key)));
    await this.audit.record({ actorId: user.id, action: 'calendar_feed.create', entityType: 'user', entityId: user.id, ip });
    return this.toDto(user.id, key, feed.createdAt);
  }

  async revoke(user: AuthUser, ip: string): Promise<void> {
    await this.meetings.deleteFeed(user.id);
    await this.audit.record({ actorId: user.id, action: 'calendar_feed.revoke', entityType: 'user', entityId: user.id, ip });
  }

  /** The feed of the token's owner: every meeting they may see right now. Unknown, revoked or replaced tokens → 404. */
  async feedByToken(token: string): Promise<string> {
    if (!TOKEN_PATTERN.test(token)) throw notFound('Calendar feed');
    const owner = await this.meetings.feedOwner(sha256(token));
    if (!owner) throw notFound('Calendar feed');
    const now = Date.now();
    const rows = await this.meetings.findInRange({
      from: new Date(now - FEED_PAST_DAYS * DAY_MS),
      to: new Date(now + FEED_FUTURE_DAYS * DAY_MS),
      ...(await this.meetingsService.visibleScope(owner)),
      includeCancelled: true,
      limit: FEED_LIMIT,
    });
    return renderCalendar('Treffpunkt – Termine', rows, this.config.publicUrl);
  }

  private token(userId: string, key: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(`calendar-feed:${userId}:${key}`).digest('base64url');
  }

  private toDto(userId: string, key: string, createdAt: Date): CalendarFeedDto {
    return { url: `${this.config.publicUrl}${Routes.calendar.feedByToken(this.token(userId, key))}`, createdAt: createdAt.toISOString() };
  }
}
