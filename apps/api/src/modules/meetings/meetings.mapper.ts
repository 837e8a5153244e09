import type {
  AttendeeDto,
  MeetingCountsDto,
  MeetingDto,
  MeetingPermissions,
  MeetingSeriesDto,
  MeetingSummaryDto,
  MyRsvpDto,
} from '@treffpunkt/contracts';
import { toUserSummary } from '../users/users.mapper.js';
import type { AttendeeRow, MeetingSummaryFields, MeetingWithRelations, MyRsvpRow } from './meetings.repository.js';

export interface MeetingExtras {
  counts: MeetingCountsDto;
  myRsvp: MyRsvpRow | undefined;
  seriesCount: number | undefined;
}

const toMyRsvp = (row: MyRsvpRow | undefined): MyRsvpDto | null =>
  row ? { status: row.status, waitlistPosition: row.status === 'waitlisted' ? row.position : null } : null;

const toSeries = (m: MeetingSummaryFields, count: number | undefined): MeetingSeriesDto | null =>
  m.series && m.seriesIndex !== null
    ? {
        id: m.series.id,
        frequency: m.series.frequency,
        ...(m.series.monthlyRule ? { monthlyRule: m.series.monthlyRule } : {}),
        until: m.series.until,
        index: m.seriesIndex,
        count: count ?? 1,
      }
    : null;

export const toMeetingSummaryDto = (m: MeetingSummaryFields, extras: MeetingExtras): MeetingSummaryDto => ({
  id: m.id,
  title: m.title,
  format: m.format,
  status: m.status,
  spaceId: m.spaceId,
  spaceName: m.space?.name ?? null,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  location: m.location,
  onlineUrl: m.onlineUrl,
  capacity: m.capacity,
  counts: extras.counts,
  myRsvp: toMyRsvp(extras.myRsvp),
  series: toSeries(m, extras.seriesCount),
  sequence: m.sequence,
});

export const toMeetingDto = (m: MeetingWithRelations, extras: MeetingExtras, permissions: MeetingPermissions): MeetingDto => ({
  ...toMeetingSummaryDto(m, extras),
  description: m.description,
  descriptionHtml: m.descriptionHtml,
  agenda: m.agenda.map((title, i) => ({ position: i + 1, title })),
  minutesDocumentId: m.minutesDocumentId,
  discussionThreadId: m.discussionThreadId,
  createdBy: toUserSummary(m.createdBy),
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
  cancelledAt: m.cancelledAt?.toISOString() ?? null,
  permissions,
});

export const toAttendeeDto = (r: AttendeeRow): AttendeeDto => ({
  user: toUserSummary(r.user),
  status: r.status,
  waitlistPosition: r.position,
  respondedAt: r.respondedAt.toISOString(),
});
