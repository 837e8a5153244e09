import { Inject, Injectable } from '@nestjs/common';
import type { MeetingCountsDto, MeetingFormat, RsvpState, Role } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserWithOrganisation } from '../users/users.repository.js';
import { CalendarFeed } from './entities/calendar-feed.entity.js';
import { MeetingRsvp } from './entities/meeting-rsvp.entity.js';
import { MeetingSeries } from './entities/meeting-series.entity.js';
import { Meeting } from './entities/meeting.entity.js';

export type MeetingWithRelations = Meeting & {
  createdBy: UserWithOrganisation;
  space: { id: string; name: string } | null;
  series: MeetingSeries | null;
};

export type MeetingValues = Pick<
  Meeting,
  | 'spaceId'
  | 'seriesId'
  | 'seriesIndex'
  | 'title'
  | 'format'
  | 'description'
  | 'descriptionHtml'
  | 'startsAt'
  | 'endsAt'
  | 'location'
  | 'onlineUrl'
  | 'capacity'
  | 'agenda'
  | 'minutesDocumentId'
  | 'discussionThreadId'
  | 'createdById'
>;

export type MeetingChanges = Partial<
  Pick<
    Meeting,
    'title' | 'format' | 'description' | 'descriptionHtml' | 'startsAt' | 'endsAt' | 'location' | 'onlineUrl' | 'capacity' | 'agenda'
  > & { minutesDocumentId: string | null }
>;

export interface MeetingRange {
  from: Date;
  to: Date;
  /** Spaces whose meetings may be listed. */
  spaceIds: string[];
  /** Include network-wide meetings (staff). */
  networkWide: boolean;
  spaceId?: string;
  format?: MeetingFormat;
  includeCancelled: boolean;
  limit: number;
}

/** A meeting as lists show it (MeetingSummaryDto), with its answer counts and the person's own answer. */
export interface MeetingSummaryRow {
  meeting: MeetingSummaryFields;
  counts: MeetingCountsDto;
  myRsvp: MyRsvpRow | undefined;
  seriesCount: number | undefined;
}
export type MeetingSummaryFields = Pick<
  Meeting,
  | 'id'
  | 'title'
  | 'format'
  | 'status'
  | 'spaceId'
  | 'startsAt'
  | 'endsAt'
  | 'location'
  | 'onlineUrl'
  | 'capacity'
  | 'sequence'
  | 'seriesIndex'
> & {
  space: { id: string; name: string } | null;
  series: Pick<MeetingSeries, 'id' | 'frequency' | 'monthlyRule' | 'until'> | null;
};

export interface MyRsvpRow {
  meetingId: string;
  status: RsvpState;
  position: number | null;
}

export type AttendeeRow = MeetingRsvp & { user: UserWithOrganisation; position: number | null };

const EMPTY_COUNTS: MeetingCountsDto = { going: 0, maybe: 0, declined: 0, waitlisted: 0 };

/** Meetings, series, RSVPs and calendar feeds: the only code that speaks SQL about them. */
@Injectable()
export class MeetingsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // ── meetings ───────────────────────────────────────────────────────────────────────────────

  async insertSeries(values: Pick<MeetingSeries, 'frequency' | 'monthlyRule' | 'until'>, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(MeetingSeries).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async insertMeetings(values: MeetingValues[], manager: EntityManager): Promise<string[]> {
    const result = await manager.getRepository(Meeting).insert(values);
    return result.identifiers.map((i) => (i as { id: string }).id);
  }

  private meetingQuery(manager?: EntityManager) {
    return this.m(manager)
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.createdBy', 'u')
      .innerJoinAndSelect('u.organisation', 'o')
      .leftJoin('m.space', 's')
      .addSelect(['s.id', 's.name'])
      .leftJoinAndSelect('m.series', 'ser');
  }

  async findMeeting(id: string, manager?: EntityManager): Promise<MeetingWithRelations | null> {
    return (await this.meetingQuery(manager).where('m.id = :id', { id }).getOne()) as MeetingWithRelations | null;
  }

  async findMeetings(ids: string[], manager?: EntityManager): Promise<MeetingWithRelations[]> {
    if (ids.length === 0) return [];
    return (await this.meetingQuery(manager)
      .where('m.id IN (:...ids)', { ids })
      .orderBy('m.starts_at', 'ASC')
      .getMany()) as MeetingWithRelations[];
  }

  async linkThread(meetingIds: string[], threadId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE meetings SET discussion_thread_id = $2 WHERE id = ANY($1::uuid[])', [meetingIds, threadId]);
  }

  /** For the idempotent demo seed: is there a meeting with this title (in this space, or network-wide)? */
  async titleExists(title: string, spaceId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM meetings WHERE title = $1 AND space_id IS NOT DISTINCT FROM $2::uuid LIMIT 1',
      [title, spaceId],
    );
    return rows.length > 0;
  }

  async spaceIdBySlug(slug: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM spaces WHERE slug = $1', [slug]);
    return rows[0]?.id ?? null;
  }

  /** Space and series of a meeting (for the access check). */
  async meetingScope(id: string, manager?: EntityManager): Promise<{ spaceId: string | null } | null> {
    const rows: Array<{ space_id: string | null }> = await this.m(manager).query('SELECT space_id FROM meetings WHERE id = $1', [id]);
    return rows[0] ? { spaceId: rows[0].space_id } : null;
  }

  /** The row lock that serialises RSVPs (and edits) of one meeting: capacity is checked under it. */
  async lockMeeting(id: string, manager: EntityManager): Promise<Meeting | null> {
    return manager.getRepository(Meeting).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
  }

  /** Occurrences of a series from the given start on (cancelled ones excluded), locked, in order. */
  async lockSeriesFrom(seriesId: string, from: Date, manager: EntityManager): Promise<Meeting[]> {
    return manager
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.series_id = :seriesId', { seriesId })
      .andWhere('m.starts_at >= :from', { from })
      .andWhere(`m.status = 'scheduled'`)
      .orderBy('m.starts_at', 'ASC')
      .getMany();
  }

  async seriesCount(seriesIds: string[], manager?: EntityManager): Promise<Map<string, number>> {
    if (seriesIds.length === 0) return new Map();
    const rows: Array<{ series_id: string; n: number }> = await this.m(manager).query(
      'SELECT series_id, count(*)::int AS n FROM meetings WHERE series_id = ANY($1::uuid[]) GROUP BY series_id',
      [seriesIds],
    );
    return new Map(rows.map((r) => [r.series_id, r.n]));
  }

  /** Meetings overlapping [from, to) in the given scope, by start. */
  async findInRange(range: MeetingRange): Promise<MeetingWithRelations[]> {
    const qb = this.meetingQuery()
      .where('m.ends_at > :from AND m.starts_at < :to', { from: range.from, to: range.to })
      .andWhere(range.networkWide ? '(m.space_id = ANY(:spaceIds) OR m.space_id IS NULL)' : 'm.space_id = ANY(:spaceIds)', {
        spaceIds: range.spaceIds,
      })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(range.limit);
    if (range.spaceId) qb.andWhere('m.space_id = :spaceId', { spaceId: range.spaceId });
    if (range.format) qb.andWhere('m.format = :format', { format: range.format });
    if (!range.includeCancelled) qb.andWhere(`m.status = 'scheduled'`);
    return (await qb.getMany()) as MeetingWithRelations[];
  }

  /**
   * What a list of meetings shows, in one statement: the meetings overlapping the range (by start),
   * with their space's name, series, answer counts and the person's own answer (with their place
   * on the waiting list). Explicit columns: no descriptions, agendas or creators are read.
   */
  async summariesInRange(range: MeetingRange, userId: string): Promise<MeetingSummaryRow[]> {
    const params: unknown[] = [range.from, range.to, range.spaceIds, range.limit, userId];
    const where = [
      'm.ends_at > $1 AND m.starts_at < $2',
      range.networkWide ? '(m.space_id = ANY($3::uuid[]) OR m.space_id IS NULL)' : 'm.space_id = ANY($3::uuid[])',
    ];
    if (range.spaceId) where.push(`m.space_id = $${params.push(range.spaceId)}`);
    if (range.format) where.push(`m.format = $${params.push(range.format)}`);
    if (!range.includeCancelled) where.push(`m.status = 'scheduled'`);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT m.id, m.title, m.format, m.status, m.space_id, s.name AS space_name, m.starts_at, m.ends_at, m.location, m.online_url,
              m.capacity, m.sequence, m.series_index, ser.id AS series_id, ser.frequency, ser.monthly_rule, ser.until::text AS until,
              (SELECT count(*)::int FROM meetings x WHERE x.series_id = ser.id) AS series_count,
              c.going, c.maybe, c.declined, c.waitlisted, mine.status AS my_status, mine.position AS my_position
         FROM (SELECT * FROM meetings m WHERE ${where.join(' AND ')} ORDER BY m.starts_at, m.id LIMIT $4) m
         LEFT JOIN spaces s ON s.id = m.space_id
         LEFT JOIN meeting_series ser ON ser.id = m.series_id
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE r.status = 'going')::int AS going, count(*) FILTER (WHERE r.status = 'maybe')::int AS maybe,
                  count(*) FILTER (WHERE r.status = 'declined')::int AS declined,
                  count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted
             FROM meeting_rsvps r WHERE r.meeting_id = m.id) c
         LEFT JOIN LATERAL (
           SELECT r.status,
                  CASE WHEN r.status = 'waitlisted' THEN
                    (SELECT count(*)::int FROM meeting_rsvps w
                      WHERE w.meeting_id = r.meeting_id AND w.status = 'waitlisted' AND (w.waitlisted_at, w.user_id) <= (r.waitlisted_at, r.user_id))
                  END AS position
             FROM meeting_rsvps r WHERE r.meeting_id = m.id AND r.user_id = $5) mine ON true
        ORDER BY m.starts_at, m.id`,
      params,
    );
    return rows.map((r) => ({
      meeting: {
        id: r.id as string,
        title: r.title as string,
        format: r.format as MeetingFormat,
        status: r.status as Meeting['status'],
        spaceId: r.space_id as string | null,
        space: r.space_id ? { id: r.space_id as string, name: r.space_name as string } : null,
        startsAt: r.starts_at as Date,
        endsAt: r.ends_at as Date,
        location: r.location as string | null,
        onlineUrl: r.online_url as string | null,
        capacity: r.capacity as number | null,
        sequence: r.sequence as number,
        seriesIndex: r.series_index as number | null,
        series: r.series_id
          ? {
              id: r.series_id as string,
              frequency: r.frequency as MeetingSeries['frequency'],
              monthlyRule: r.monthly_rule as MeetingSeries['monthlyRule'],
              until: r.until as string,
            }
          : null,
      },
      counts: { going: r.going as number, maybe: r.maybe as number, declined: r.declined as number, waitlisted: r.waitlisted as number },
      myRsvp: r.my_status
        ? { meetingId: r.id as string, status: r.my_status as RsvpState, position: r.my_position as number | null }
        : undefined,
      seriesCount: r.series_id ? (r.series_count as number) : undefined,
    }));
  }

  async updateMeetings(ids: string[], changes: MeetingChanges, manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .getRepository(Meeting)
      .createQueryBuilder()
      .update()
      .set({ ...changes, sequence: () => 'sequence + 1' })
      .whereInIds(ids)
      .execute();
  }

  async setTimes(id: string, startsAt: Date, endsAt: Date, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE meetings SET starts_at = $2, ends_at = $3 WHERE id = $1', [id, startsAt, endsAt]);
    // a moved meeting is reminded again before its new time
    await manager.query('UPDATE meeting_rsvps SET reminded_at = NULL WHERE meeting_id = $1', [id]);
  }

  async cancelMeetings(ids: string[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE meetings SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'scheduled'`,
      [ids],
    );
  }

  /** A minutes document must be a live document of the same space. */
  async documentInSpace(documentId: string, spaceId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.m(manager).query('SELECT 1 FROM documents WHERE id = $1 AND space_id = $2 AND deleted_at IS NULL', [
      documentId,
      spaceId,
    ]);
    return rows.length > 0;
  }

  // ── RSVPs ──────────────────────────────────────────────────────────────────────────────────

  async counts(meetingIds: string[], manager?: EntityManager): Promise<Map<string, MeetingCountsDto>> {
    const result = new Map<string, MeetingCountsDto>(meetingIds.map((id) => [id, { ...EMPTY_COUNTS }]));
    if (meetingIds.length === 0) return result;
    const rows: Array<{ meeting_id: string; status: RsvpState; n: number }> = await this.m(manager).query(
      'SELECT meeting_id, status, count(*)::int AS n FROM meeting_rsvps WHERE meeting_id = ANY($1::uuid[]) GROUP BY meeting_id, status',
      [meetingIds],
    );
    for (const row of rows) result.get(row.meeting_id)![row.status] = row.n;
    return result;
  }

  /** The person's answers to the given meetings, with their place on each waiting list. */
  async myRsvps(userId: string, meetingIds: string[], manager?: EntityManager): Promise<Map<string, MyRsvpRow>> {
    if (meetingIds.length === 0) return new Map();
    const rows: Array<{ meeting_id: string; status: RsvpState; position: number | null }> = await this.m(manager).query(
      `SELECT r.meeting_id, r.status,
              CASE WHEN r.status = 'waitlisted' THEN
                (SELECT count(*)::int FROM meeting_rsvps w
                  WHERE w.meeting_id = r.meeting_id AND w.status = 'waitlisted'
                    AND (w.waitlisted_at, w.user_id) <= (r.waitlisted_at, r.user_id)) END AS position
         FROM meeting_rsvps r WHERE r.user_id = $1 AND r.meeting_id = ANY($2::uuid[])`,
      [userId, meetingIds],
    );
    return new Map(rows.map((r) => [r.meeting_id, { meetingId: r.meeting_id, status: r.status, position: r.position }]));
  }

  async findRsvp(meetingId: string, userId: string, manager: EntityManager): Promise<MeetingRsvp | null> {
    return manager.getRepository(MeetingRsvp).findOne({ where: { meetingId, userId } });
  }

  async upsertRsvp(meetingId: string, userId: string, status: RsvpState, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_rsvps (meeting_id, user_id, status, waitlisted_at, responded_at)
       VALUES ($1, $2, $3::varchar, CASE WHEN $3::varchar = 'waitlisted' THEN clock_timestamp() END, now())
       ON CONFLICT (meeting_id, user_id) DO UPDATE
         SET status = EXCLUDED.status, waitlisted_at = EXCLUDED.waitlisted_at, responded_at = now()`,
      [meetingId, userId, status],
    );
  }

  /** Moves the first waiting people up while places are free; returns who got one. */
  async promoteWaiting(meetingId: string, places: number, manager: EntityManager): Promise<string[]> {
    if (places <= 0) return [];
    const rows: Array<{ user_id: string }> = await manager.query(
      `WITH first AS (
         SELECT user_id FROM meeting_rsvps WHERE meeting_id = $1 AND status = 'waitlisted'
          ORDER BY waitlisted_at, user_id LIMIT $2),
       -- (a CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING)
       moved AS (
         UPDATE meeting_rsvps r SET status = 'going', waitlisted_at = NULL
           FROM first WHERE r.meeting_id = $1 AND r.user_id = first.user_id
         RETURNING r.user_id)
       SELECT user_id FROM moved`,
      [meetingId, places],
    );
    return rows.map((r) => r.user_id);
  }

  /** Everyone who answered, going first, then the waiting list in order, maybe, declined. */
  async attendees(meetingId: string): Promise<AttendeeRow[]> {
    const rows = (await this.dataSource.getRepository(MeetingRsvp).find({
      where: { meetingId },
      relations: { user: { organisation: true } },
    })) as Array<MeetingRsvp & { user: UserWithOrganisation }>;
    // waiting-list order as Postgres sees it (microsecond timestamps, then id)
    const queue: Array<{ user_id: string; position: string }> = await this.dataSource.query(
      `SELECT user_id, row_number() OVER (ORDER BY waitlisted_at, user_id) AS position
         FROM meeting_rsvps WHERE meeting_id = $1 AND status = 'waitlisted'`,
      [meetingId],
    );
    const positions = new Map(queue.map((q) => [q.user_id, Number(q.position)]));
    const rank: Record<RsvpState, number> = { going: 0, waitlisted: 1, maybe: 2, declined: 3 };
    const order = (r: MeetingRsvp) => positions.get(r.userId) ?? r.respondedAt.getTime();
    rows.sort((a, b) => rank[a.status] - rank[b.status] || order(a) - order(b));
    return rows.map((r) => ({ ...r, position: positions.get(r.userId) ?? null }));
  }

  /**
   * Claims the reminders that are due (going/maybe answers to scheduled meetings that start after
   * `now` and within the person's own lead time, `users.meeting_reminder_hours`) by stamping them,
   * so each goes out once. Returns them per meeting.
   */
  async claimDueReminders(now: Date, manager: EntityManager): Promise<Map<string, { spaceId: string | null; userIds: string[] }>> {
    const rows: Array<{ meeting_id: string; space_id: string | null; user_id: string }> = await manager.query(
      `WITH due AS (
         UPDATE meeting_rsvps r SET reminded_at = $1
           FROM meetings m, users u
          WHERE m.id = r.meeting_id AND u.id = r.user_id AND m.status = 'scheduled' AND m.starts_at > $1
            AND m.starts_at - make_interval(hours => u.meeting_reminder_hours) <= $1
            AND r.status IN ('going', 'maybe') AND r.reminded_at IS NULL
         RETURNING r.meeting_id, m.space_id, r.user_id)
       SELECT meeting_id, space_id, user_id FROM due`,
      [now],
    );
    const result = new Map<string, { spaceId: string | null; userIds: string[] }>();
    for (const row of rows) {
      const entry = result.get(row.meeting_id) ?? { spaceId: row.space_id, userIds: [] };
      entry.userIds.push(row.user_id);
      result.set(row.meeting_id, entry);
    }
    return result;
  }

  // ── calendar feeds ─────────────────────────────────────────────────────────────────────────

  findFeed(userId: string): Promise<CalendarFeed | null> {
    return this.dataSource.getRepository(CalendarFeed).findOne({ where: { userId } });
  }

  async saveFeed(userId: string, key: string, tokenHash: string): Promise<CalendarFeed> {
    const rows: CalendarFeed[] = await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, key, token_hash, created_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id) DO UPDATE SET key = EXCLUDED.key, token_hash = EXCLUDED.token_hash, created_at = now()
       RETURNING user_id AS "userId", key, token_hash AS "tokenHash", created_at AS "createdAt"`,
      [userId, key, tokenHash],
    );
    return rows[0]!;
  }

  async deleteFeed(userId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM calendar_feeds WHERE user_id = $1', [userId]);
  }

  /** The active owner of a feed token (by its hash). */
  async feedOwner(tokenHash: string): Promise<{ id: string; role: Role; organisationId: string } | null> {
    const rows: Array<{ id: string; role: Role; organisation_id: string }> = await this.dataSource.query(
      `SELECT u.id, u.role, u.organisation_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.token_hash = $1 AND u.status = 'active'`,
      [tokenHash],
    );
    const row = rows[0];
    return row ? { id: row.id, role: row.role, organisationId: row.organisation_id } : null;
  }
}
