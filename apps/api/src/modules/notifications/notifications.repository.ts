import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_EMAIL_MODE,
  DEFAULT_MEETING_REMINDER_HOURS,
  type EmailMode,
  type MeetingReminderHours,
  type NotificationType,
  type SubscriptionLevel,
} from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared.js';

export interface NotificationDraft {
  userId: string;
  type: NotificationType;
  subject: string;
  actorId: string | null;
  spaceId: string | null;
  threadId: string | null;
  postId: string | null;
  link: string;
}

export interface NotificationRow {
  id: string;
  user_id: string;
  type: NotificationType;
  subject: string;
  actor_id: string | null;
  actor_name: string | null;
  space_name: string | null;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

/** A person to tell: where and in which language. */
export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: 'de' | 'en';
  status: string;
}

/** Advisory lock namespace: one lock per recipient while their notifications are being written. */
const RECIPIENT_LOCK = 727_113_021;

const SELECT = `SELECT n.id, n.user_id, n.type, n.subject, n.actor_id, a.display_name AS actor_name, s.name AS space_name, n.link, n.created_at, n.read_at
                  FROM notifications n LEFT JOIN users a ON a.id = n.actor_id LEFT JOIN spaces s ON s.id = n.space_id`;

@Injectable()
export class NotificationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Inserts in one statement; returns the rows as the API shows them (ids in insertion order).
   * `emailed[i]` marks the i-th as already e-mailed (its immediate mail goes out in the same
   * transaction). Writers for the same person take turns until commit, so that person's ids become
   * visible in increasing order: otherwise a smaller id committing after a larger one would be
   * skipped by a client that asked `?after=<larger id>` in between.
   */
  async insertMany(drafts: NotificationDraft[], manager?: EntityManager, emailed: boolean[] = []): Promise<NotificationRow[]> {
    if (drafts.length === 0) return [];
    // the recipients' locks first (in one order, so writers cannot deadlock), then the ids: the
    // locked CTE is read before the first row is inserted. Without a transaction of the caller's,
    // the statement is its own and the locks end with it.
    return (manager ?? this.dataSource.manager).query(
      `WITH locked AS MATERIALIZED (
         SELECT count(pg_advisory_xact_lock($10::int, l.h)) AS n
           FROM (SELECT DISTINCT hashtext(u) AS h FROM unnest($1::text[]) AS u ORDER BY h) AS l),
       n AS (
         INSERT INTO notifications (user_id, type, subject, actor_id, space_id, thread_id, post_id, link, emailed_at)
         SELECT d.user_id, d.type, d.subject, d.actor_id, d.space_id, d.thread_id, d.post_id, d.link, CASE WHEN d.emailed THEN now() END
           FROM locked, unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::varchar[], $9::boolean[])
             WITH ORDINALITY AS d(user_id, type, subject, actor_id, space_id, thread_id, post_id, link, emailed, i)
          ORDER BY d.i
         RETURNING id, user_id, type, subject, actor_id, space_id, link, created_at, read_at)
       SELECT n.id, n.user_id, n.type, n.subject, n.actor_id, a.display_name AS actor_name, s.name AS space_name, n.link, n.created_at, n.read_at
         FROM n LEFT JOIN users a ON a.id = n.actor_id LEFT JOIN spaces s ON s.id = n.space_id
        ORDER BY n.id`,
      [
        drafts.map((d) => d.userId),
        drafts.map((d) => d.type),
        drafts.map((d) => d.subject.slice(0, 300)),
        drafts.map((d) => d.actorId),
        drafts.map((d) => d.spaceId),
        drafts.map((d) => d.threadId),
        drafts.map((d) => d.postId),
        drafts.map((d) => d.link),
        drafts.map((_, i) => emailed[i] === true),
        RECIPIENT_LOCK,
      ],
    );
  }

  /** After a reconnect: everything newer than `after`, oldest first. */
  since(userId: string, after: number, limit: number, unreadOnly: boolean): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE n.user_id = $1 AND n.id > $2 ${unreadOnly ? 'AND n.read_at IS NULL' : ''} ORDER BY n.id ASC LIMIT $3`,
      [userId, after, limit],
    );
  }

  /** Newest first, keyset-paginated by id. */
  page(userId: string, beforeId: number | null, limit: number, unreadOnly: boolean): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE n.user_id = $1 AND ($2::bigint IS NULL OR n.id < $2) ${unreadOnly ? 'AND n.read_at IS NULL' : ''} ORDER BY n.id DESC LIMIT $3`,
      [userId, beforeId, limit],
    );
  }

  async unreadCounts(userIds: string[]): Promise<Map<string, number>> {
    // kept by triggers on notifications (migration NotificationUnreadCounts)
    const rows: Array<{ user_id: string; count: number }> = await queryPrepared(
      this.dataSource,
      'SELECT user_id, count FROM notification_unread_counts WHERE user_id = ANY($1::uuid[])',
      [userIds],
    );
    const counts = new Map(userIds.map((id) => [id, 0]));
    for (const row of rows) counts.set(row.user_id, row.count);
    return counts;
  }

  async markRead(userId: string, ids: number[] | 'all'): Promise<void> {
    if (ids === 'all')
      await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [userId]);
    else
      await this.dataSource.query(
        'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::bigint[]) AND read_at IS NULL',
        [userId, ids],
      );
  }

  async preferences(userId: string): Promise<Map<NotificationType, EmailMode>> {
    const rows: Array<{ type: NotificationType; email_mode: EmailMode }> = await this.dataSource.query(
      'SELECT type, email_mode FROM notification_preferences WHERE user_id = $1',
      [userId],
    );
    return new Map(rows.map((r) => [r.type, r.email_mode]));
  }

  async setPreferences(userId: string, items: Array<{ type: NotificationType; email: EmailMode }>): Promise<void> {
    if (items.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, type, email_mode) SELECT $1, * FROM unnest($2::varchar[], $3::varchar[])
       ON CONFLICT (user_id, type) DO UPDATE SET email_mode = EXCLUDED.email_mode`,
      [userId, items.map((i) => i.type), items.map((i) => i.email)],
    );
  }

  async meetingReminderHours(userId: string): Promise<MeetingReminderHours> {
    const rows: Array<{ meeting_reminder_hours: MeetingReminderHours }> = await this.dataSource.query(
      'SELECT meeting_reminder_hours FROM users WHERE id = $1',
      [userId],
    );
    return rows[0]?.meeting_reminder_hours ?? DEFAULT_MEETING_REMINDER_HOURS;
  }

  async setMeetingReminderHours(userId: string, hours: MeetingReminderHours): Promise<void> {
    await this.dataSource.query('UPDATE users SET meeting_reminder_hours = $2 WHERE id = $1', [userId, hours]);
  }

  /**
   * The people to tell, with their e-mail mode for each of the types (defaults where they did not
   * choose: `modes` maps type → mode), in one round trip.
   */
  async recipientsWithModes(
    userIds: string[],
    types: NotificationType[],
  ): Promise<Array<Recipient & { modes: Map<NotificationType, EmailMode> }>> {
    if (userIds.length === 0) return [];
    const rows: Array<Recipient & { chosen: Array<{ type: NotificationType; mode: EmailMode }> | null }> = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.locale, u.status,
              (SELECT json_agg(json_build_object('type', p.type, 'mode', p.email_mode)) FROM notification_preferences p
                WHERE p.user_id = u.id AND p.type = ANY($2::varchar[])) AS chosen
         FROM users u WHERE u.id = ANY($1::uuid[])`,
      [userIds, types],
    );
    return rows.map(({ chosen, ...person }) => {
      const modes = new Map(types.map((type) => [type, DEFAULT_EMAIL_MODE[type]]));
      for (const c of chosen ?? []) modes.set(c.type, c.mode);
      return { ...person, modes };
    });
  }

  async markEmailed(ids: string[], manager?: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await (manager ?? this.dataSource.manager).query('UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  }

  /** Unread, not yet mailed notifications whose type the person gets as a digest. */
  async pendingDigest(limitUsers: number): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `${SELECT}
        WHERE n.read_at IS NULL AND n.emailed_at IS NULL
          AND coalesce((SELECT p.email_mode FROM notification_preferences p WHERE p.user_id = n.user_id AND p.type = n.type),
                       CASE n.type ${Object.entries(DEFAULT_EMAIL_MODE)
                         .map(([type, mode]) => `WHEN '${type}' THEN '${mode}'`)
                         .join(' ')} END) = 'digest'
          AND n.user_id IN (SELECT DISTINCT user_id FROM notifications WHERE read_at IS NULL AND emailed_at IS NULL LIMIT $1)
        ORDER BY n.user_id, n.id`,
      [limitUsers],
    );
  }

  async lastDigest(userIds: string[]): Promise<Map<string, Date>> {
    const rows: Array<{ user_id: string; last_sent_at: Date }> = await this.dataSource.query(
      'SELECT user_id, last_sent_at FROM notification_digests WHERE user_id = ANY($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, r.last_sent_at]));
  }

  /** `at` is the run's own clock, the same instant the once-a-day check compares with. */
  async recordDigest(userId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO notification_digests (user_id, last_sent_at) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET last_sent_at = $2`,
      [userId, at],
    );
  }

  // ── recipients (read from the forum's tables) ───────────────────────────────────────────────

  /** What a notification about a thread names, and who chose which level for it, in one round trip. */
  async threadAudience(threadId: string): Promise<{
    title: string;
    kind: string;
    pseudonymCode: string | null;
    levels: Map<string, SubscriptionLevel>;
  } | null> {
    const rows: Array<{
      title: string;
      kind: string;
      pseudonym_code: string | null;
      levels: Array<{ u: string; l: SubscriptionLevel }> | null;
    }> = await this.dataSource.query(
      `SELECT t.title, t.kind, t.pseudonym_code,
                (SELECT json_agg(json_build_object('u', ts.user_id, 'l', ts.level)) FROM thread_subscriptions ts WHERE ts.thread_id = t.id) AS levels
           FROM threads t WHERE t.id = $1`,
      [threadId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      title: row.title,
      kind: row.kind,
      pseudonymCode: row.pseudonym_code,
      levels: new Map((row.levels ?? []).map((x) => [x.u, x.l])),
    };
  }

  async spaceWatchers(spaceId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT user_id FROM space_subscriptions WHERE space_id = $1 AND level = 'watching'`,
      [spaceId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Every active admin, coordinator and advisor (audience of network-wide meetings). */
  async activeStaff(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM users WHERE status = 'active' AND role IN ('admin', 'coordinator', 'advisor')`,
    );
    return rows.map((r) => r.id);
  }

  async meetingInfo(meetingId: string): Promise<{ title: string; spaceId: string | null } | null> {
    const rows: Array<{ title: string; space_id: string | null }> = await this.dataSource.query(
      'SELECT title, space_id FROM meetings WHERE id = $1',
      [meetingId],
    );
    return rows[0] ? { title: rows[0].title, spaceId: rows[0].space_id } : null;
  }

  /** People with one of the given answers to the meetings, earliest meeting first. */
  async meetingAttendees(meetingIds: string[], statuses: string[]): Promise<Array<{ meetingId: string; userId: string }>> {
    if (meetingIds.length === 0) return [];
    const rows: Array<{ meeting_id: string; user_id: string }> = await this.dataSource.query(
      `SELECT r.meeting_id, r.user_id FROM meeting_rsvps r JOIN meetings m ON m.id = r.meeting_id
        WHERE r.meeting_id = ANY($1::uuid[]) AND r.status = ANY($2::varchar[]) ORDER BY m.starts_at, r.user_id`,
      [meetingIds, statuses],
    );
    return rows.map((r) => ({ meetingId: r.meeting_id, userId: r.user_id }));
  }

  async postAuthor(postId: string): Promise<string | null> {
    const rows: Array<{ author_id: string }> = await this.dataSource.query('SELECT author_id FROM posts WHERE id = $1', [postId]);
    return rows[0]?.author_id ?? null;
  }

  async spaceName(spaceId: string): Promise<string | null> {
    const rows: Array<{ name: string }> = await this.dataSource.query('SELECT name FROM spaces WHERE id = $1', [spaceId]);
    return rows[0]?.name ?? null;
  }

  async activeMembersOf(organisationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM users WHERE organisation_id = $1 AND status = 'active'`,
      [organisationId],
    );
    return rows.map((r) => r.id);
  }

  async recipients(userIds: string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    return this.dataSource.query(`SELECT id, email, display_name AS "displayName", locale, status FROM users WHERE id = ANY($1::uuid[])`, [
      userIds,
    ]);
  }
}
