import { Inject, Injectable } from '@nestjs/common';
import {
  MEETING_TIME_ZONE,
  WebPaths,
  type AttendeeListDto,
  type CancelMeetingRequest,
  type CreateMeetingRequest,
  type MeetingDto,
  type MeetingListDto,
  type MeetingListQuery,
  type RsvpResponse,
  type RsvpState,
  type RsvpStatus,
  type UpdateMeetingRequest,
} from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { forbidden, notFound } from '../../common/errors/domain-error.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { inTransaction } from '../../database/transaction.js';
import { AccessService, type MeetingAccess } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ForumService } from '../forum/forum.service.js';
import { renderMarkdown } from '../forum/markdown.renderer.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { Meeting } from './entities/meeting.entity.js';
import { invalidMeeting, meetingCancelled, meetingStarted, minutesDocumentInvalid } from './meetings.errors.js';
import { toAttendeeDto, toMeetingDto, toMeetingSummaryDto, type MeetingExtras } from './meetings.mapper.js';
import { MeetingsRepository, type MeetingChanges, type MeetingValues, type MeetingWithRelations } from './meetings.repository.js';
import { berlinDate, expandSeries, isCalendarDate, shiftLike, type Occurrence } from './series.js';

interface WriteContext {
  user: AuthUser;
  ip: string;
}

const DAY_MS = 86_400_000;
const LIST_LIMIT = 500;

const WHEN = new Intl.DateTimeFormat('de-DE', { timeZone: MEETING_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });
const FREQUENCY_DE = { weekly: 'wöchentlich', biweekly: 'alle zwei Wochen', monthly: 'monatlich' } as const;

@Injectable()
export class MeetingsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsRepository) private readonly meetings: MeetingsRepository,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(ForumService) private readonly forum: ForumService,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  // ── reading ────────────────────────────────────────────────────────────────────────────────

  /** Meetings overlapping [from, to) that the person may see (default: the next 12 months). */
  async list(user: AuthUser, query: MeetingListQuery): Promise<MeetingListDto> {
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 366 * DAY_MS);
    if (to <= from) throw invalidMeeting('to must be after from');
    if (query.spaceId) await this.access.requireSpace(user, query.spaceId);
    const rows = await this.meetings.summariesInRange(
      {
        from,
        to,
        ...(await this.visibleScope(user)),
        ...(query.spaceId ? { spaceId: query.spaceId } : {}),
        ...(query.format ? { format: query.format } : {}),
        includeCancelled: query.includeCancelled ?? true,
        limit: LIST_LIMIT,
      },
      user.id,
    );
    return { items: rows.map((r) => toMeetingSummaryDto(r.meeting, r)) };
  }

  async get(user: AuthUser, meetingId: string): Promise<MeetingDto> {
    const access = await this.access.requireMeeting(user, meetingId);
    const meeting = await this.requireRow(meetingId);
    const extras = (await this.extras(user, [meeting])).get(meetingId)!;
    const scheduled = meeting.status === 'scheduled';
    return toMeetingDto(meeting, extras, {
      edit: access.manage && scheduled,
      cancel: access.manage && scheduled,
      rsvp: scheduled && meeting.startsAt.getTime() > Date.now(),
    });
  }

  async attendees(user: AuthUser, meetingId: string): Promise<AttendeeListDto> {
    await this.access.requireMeeting(user, meetingId);
    const [rows, counts] = await Promise.all([this.meetings.attendees(meetingId), this.meetings.counts([meetingId])]);
    return { items: rows.map(toAttendeeDto), counts: counts.get(meetingId)! };
  }

  /** Spaces whose meetings the person sees, and whether network-wide ones too (staff). */
  async visibleScope(user: AuthUser): Promise<{ spaceIds: string[]; networkWide: boolean }> {
    const spaces = await this.access.visibleSpaces(user);
    return { spaceIds: [...spaces.keys()], networkWide: ['admin', 'coordinator', 'advisor'].includes(user.role) };
  }

  // ── announcing and changing ────────────────────────────────────────────────────────────────

  async create(ctx: WriteContext, request: CreateMeetingRequest, idempotencyKey?: string): Promise<MeetingDto> {
    const { user } = ctx;
    const spaceId = request.spaceId ?? null;
    await this.access.requireMeetingCreation(user, spaceId);
    const first = this.times(request.startsAt, request.endsAt);
    if (request.minutesDocumentId) await this.checkMinutes(request.minutesDocumentId, spaceId);
    let occurrences: Occurrence[] = [first];
    if (request.series) {
      const { until } = request.series;
      if (!isCalendarDate(until)) throw invalidMeeting('series.until must be a calendar date YYYY-MM-DD');
      if (until < berlinDate(first.startsAt)) throw invalidMeeting('series.until must not be before the first meeting');
      if (request.series.monthlyRule && request.series.frequency !== 'monthly')
        throw invalidMeeting('series.monthlyRule is for monthly series only');
      const expanded = expandSeries(first, {
        frequency: request.series.frequency,
        monthlyRule: request.series.monthlyRule ?? null,
        until,
      });
      if (!expanded) throw invalidMeeting('A series has at most 200 meetings: choose an earlier end date');
      occurrences = expanded;
    }
    const description = request.description ?? '';
    const ids = await this.idempotency.run(user.id, idempotencyKey, 'POST /meetings', async (manager, afterCommit) => {
      const series = request.series;
      const seriesId = series
        ? await this.meetings.insertSeries(
            {
              frequency: series.frequency,
              monthlyRule: series.frequency === 'monthly' ? (series.monthlyRule ?? 'day_of_month') : null,
              until: series.until,
            },
            manager,
          )
        : null;
      const values: MeetingValues[] = occurrences.map((o, i) => ({
        spaceId,
        seriesId,
        seriesIndex: seriesId ? i + 1 : null,
        title: request.title,
        format: request.format,
        description,
        descriptionHtml: renderMarkdown(description),
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        location: request.location ?? null,
        onlineUrl: request.onlineUrl ?? null,
        capacity: request.capacity ?? null,
        agenda: request.agenda ?? [],
        minutesDocumentId: request.minutesDocumentId ?? null,
        discussionThreadId: null,
        createdById: user.id,
      }));
      const meetingIds = await this.meetings.insertMeetings(values, manager);
      const firstId = meetingIds[0]!;
      // network-wide meetings have no discussion thread: there is no space every staff member shares
      if (spaceId) {
        const threadId = await this.forum.createLinkedAnnouncement(manager, {
          spaceId,
          authorId: user.id,
          title: request.title,
          body: this.threadBody(request, first, firstId),
        });
        await this.meetings.linkThread(meetingIds, threadId, manager);
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: 'meeting.create',
          entityType: 'meeting',
          entityId: firstId,
          ip: ctx.ip,
          details: { spaceId, occurrences: meetingIds.length, seriesId },
        },
        manager,
      );
      afterCommit(() => this.events.emit('meeting.announced', { meetingId: firstId, spaceId, actorId: user.id }));
      return { id: firstId };
    });
    return this.get(user, ids.id);
  }

  async update(ctx: WriteContext, meetingId: string, request: UpdateMeetingRequest): Promise<MeetingDto> {
    const { user } = ctx;
    const current = await this.requireManaged(user, meetingId);
    const before: Occurrence = { startsAt: current.startsAt, endsAt: current.endsAt };
    const after = this.times(request.startsAt ?? before.startsAt.toISOString(), request.endsAt ?? before.endsAt.toISOString());
    if (request.minutesDocumentId) await this.checkMinutes(request.minutesDocumentId, current.spaceId);
    const changes: MeetingChanges = {};
    if (request.title !== undefined) changes.title = request.title;
    if (request.format !== undefined) changes.format = request.format;
    if (request.description !== undefined) {
      changes.description = request.description;
      changes.descriptionHtml = renderMarkdown(request.description);
    }
    if (request.location !== undefined) changes.location = request.location || null;
    if (request.onlineUrl !== undefined) changes.onlineUrl = request.onlineUrl || null;
    if (request.capacity !== undefined) changes.capacity = request.capacity;
    if (request.agenda !== undefined) changes.agenda = request.agenda;
    if (request.minutesDocumentId !== undefined) changes.minutesDocumentId = request.minutesDocumentId;
    const timeChanged = after.startsAt.getTime() !== before.startsAt.getTime() || after.endsAt.getTime() !== before.endsAt.getTime();
    if (Object.keys(changes).length === 0 && !timeChanged) return this.get(user, meetingId);
    const placeChanged =
      (changes.location !== undefined && changes.location !== current.location) ||
      (changes.onlineUrl !== undefined && changes.onlineUrl !== current.onlineUrl);
    const scope = request.scope === 'series' && current.seriesId ? 'series' : 'occurrence';

    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      const targets = await this.lockTargets(current, scope, manager);
      const ids = targets.map((t) => t.id);
      await this.meetings.updateMeetings(ids, changes, manager);
      if (timeChanged) {
        for (const target of targets) {
          const moved = target.id === current.id ? after : shiftLike(target, before, after);
          await this.meetings.setTimes(target.id, moved.startsAt, moved.endsAt, manager);
        }
      }
      if (changes.capacity !== undefined) {
        for (const target of targets) {
          const promoted = await this.fillFreePlaces(target.id, changes.capacity, manager);
          if (promoted.length > 0)
            afterCommit(() => this.events.emit('meeting.promoted', { meetingId: target.id, spaceId: current.spaceId, userIds: promoted }));
        }
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: 'meeting.update',
          entityType: 'meeting',
          entityId: meetingId,
          ip: ctx.ip,
          details: { scope, occurrences: ids.length, fields: [...Object.keys(changes), ...(timeChanged ? ['time'] : [])] },
        },
        manager,
      );
      if (timeChanged || placeChanged)
        afterCommit(() => this.events.emit('meeting.changed', { meetingIds: ids, spaceId: current.spaceId, actorId: user.id }));
    });
    return this.get(user, meetingId);
  }

  async cancel(ctx: WriteContext, meetingId: string, request: CancelMeetingRequest): Promise<MeetingDto> {
    const { user } = ctx;
    const current = await this.requireManaged(user, meetingId);
    const scope = request.scope === 'series' && current.seriesId ? 'series' : 'occurrence';
    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      const ids = (await this.lockTargets(current, scope, manager)).map((t) => t.id);
      await this.meetings.cancelMeetings(ids, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'meeting.cancel',
          entityType: 'meeting',
          entityId: meetingId,
          ip: ctx.ip,
          details: { scope, occurrences: ids.length },
        },
        manager,
      );
      afterCommit(() => this.events.emit('meeting.cancelled', { meetingIds: ids, spaceId: current.spaceId, actorId: user.id }));
    });
    return this.get(user, meetingId);
  }

  // ── RSVPs ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Answers for the person. Every answer to one meeting takes the meeting's row lock first, so
   * the capacity check and the write happen one after another: parallel `going` answers can never
   * overfill a meeting, and the waiting list keeps the order in which they got the lock.
   */
  async rsvp(user: AuthUser, meetingId: string, status: RsvpStatus): Promise<RsvpResponse> {
    const access = await this.access.requireMeeting(user, meetingId);
    return inTransaction(this.dataSource, async (manager, afterCommit) => {
      const meeting = await this.meetings.lockMeeting(meetingId, manager);
      if (!meeting) throw notFound('Meeting');
      if (meeting.status === 'cancelled') throw meetingCancelled();
      if (meeting.startsAt.getTime() <= Date.now()) throw meetingStarted();
      const previous = (await this.meetings.findRsvp(meetingId, user.id, manager))?.status ?? null;
      const counts = (await this.meetings.counts([meetingId], manager)).get(meetingId)!;
      let next: RsvpState = status;
      if (status === 'going') {
        if (previous === 'going' || previous === 'waitlisted') next = previous;
        else if (meeting.capacity !== null && (counts.going >= meeting.capacity || counts.waitlisted > 0)) next = 'waitlisted';
      }
      if (next !== previous) await this.meetings.upsertRsvp(meetingId, user.id, next, manager);
      if (previous === 'going' && next !== 'going') {
        const promoted = await this.fillFreePlaces(meetingId, meeting.capacity, manager);
        if (promoted.length > 0)
          afterCommit(() => this.events.emit('meeting.promoted', { meetingId, spaceId: access.spaceId, userIds: promoted }));
      }
      const [mine, after] = await Promise.all([
        this.meetings.myRsvps(user.id, [meetingId], manager),
        this.meetings.counts([meetingId], manager),
      ]);
      const row = mine.get(meetingId)!;
      return {
        meetingId,
        status: row.status,
        waitlistPosition: row.status === 'waitlisted' ? row.position : null,
        counts: after.get(meetingId)!,
      };
    });
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  /** Moves people up from the waiting list while places are free (under the meeting's row lock). */
  private async fillFreePlaces(meetingId: string, capacity: number | null, manager: EntityManager): Promise<string[]> {
    const counts = (await this.meetings.counts([meetingId], manager)).get(meetingId)!;
    const free = capacity === null ? counts.waitlisted : capacity - counts.going;
    return this.meetings.promoteWaiting(meetingId, Math.min(free, counts.waitlisted), manager);
  }

  /** This occurrence, or it and every later scheduled occurrence of its series; all row-locked. */
  private async lockTargets(current: Meeting, scope: 'occurrence' | 'series', manager: EntityManager): Promise<Meeting[]> {
    if (scope === 'series' && current.seriesId) return this.meetings.lockSeriesFrom(current.seriesId, current.startsAt, manager);
    const locked = await this.meetings.lockMeeting(current.id, manager);
    if (!locked) throw notFound('Meeting');
    if (locked.status === 'cancelled') throw meetingCancelled();
    return [locked];
  }

  private async requireManaged(user: AuthUser, meetingId: string): Promise<MeetingWithRelations> {
    const access: MeetingAccess = await this.access.requireMeeting(user, meetingId);
    if (!access.manage) throw forbidden('Only coordinators, admins and moderators of the space change meetings');
    const meeting = await this.requireRow(meetingId);
    if (meeting.status === 'cancelled') throw meetingCancelled();
    return meeting;
  }

  private async requireRow(meetingId: string): Promise<MeetingWithRelations> {
    const meeting = await this.meetings.findMeeting(meetingId);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  private times(startsAt: string, endsAt: string): Occurrence {
    const start = new Date(startsAt);
    const end = new Date(endsAt);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw invalidMeeting('startsAt and endsAt must be instants');
    if (end <= start) throw invalidMeeting('endsAt must be after startsAt');
    if (end.getTime() - start.getTime() > 14 * DAY_MS) throw invalidMeeting('A meeting lasts at most 14 days');
    return { startsAt: start, endsAt: end };
  }

  private async checkMinutes(documentId: string, spaceId: string | null): Promise<void> {
    if (spaceId === null || !(await this.meetings.documentInSpace(documentId, spaceId))) throw minutesDocumentInvalid();
  }

  private async extras(user: AuthUser, rows: MeetingWithRelations[]): Promise<Map<string, MeetingExtras>> {
    const ids = rows.map((m) => m.id);
    const seriesIds = [...new Set(rows.map((m) => m.seriesId).filter((id): id is string => id !== null))];
    const [counts, mine, seriesCounts] = await Promise.all([
      this.meetings.counts(ids),
      this.meetings.myRsvps(user.id, ids),
      this.meetings.seriesCount(seriesIds),
    ]);
    return new Map(
      rows.map((m) => [
        m.id,
        { counts: counts.get(m.id)!, myRsvp: mine.get(m.id), seriesCount: m.seriesId ? seriesCounts.get(m.seriesId) : undefined },
      ]),
    );
  }

  /** First post of the discussion thread: when, where, a link to the meeting, the description. */
  private threadBody(request: CreateMeetingRequest, first: Occurrence, meetingId: string): string {
    const lines = [`**Termin:** ${WHEN.format(first.startsAt)} Uhr`];
    if (request.series) lines.push(`**Serie:** ${FREQUENCY_DE[request.series.frequency]} bis ${request.series.until}`);
    if (request.location) lines.push(`**Ort:** ${request.location}`);
    if (request.onlineUrl) lines.push(`**Online:** ${request.onlineUrl}`);
    lines.push(`[Zum Termin](${WebPaths.meeting(meetingId)})`);
    const head = lines.join('  \n');
    return request.description ? `${head}\n\n${request.description}` : head;
  }
}
