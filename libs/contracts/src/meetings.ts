import type { UserSummary } from './users.js';

/** Meetings are entered and shown in this zone; the API stores and answers UTC instants. */
export const MEETING_TIME_ZONE = 'Europe/Berlin';

export const MEETING_FORMATS = [
  'network_meeting',
  'project_management',
  'annual_closed_meeting',
  'expert_conference',
  'workshop',
  'other',
] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** What a person answers. */
export const RSVP_STATUSES = ['going', 'maybe', 'declined'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

/** What a person's answer resulted in: `going` on a full meeting becomes `waitlisted`. */
export const RSVP_STATES = ['going', 'maybe', 'declined', 'waitlisted'] as const;
export type RsvpState = (typeof RSVP_STATES)[number];

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const SERIES_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type SeriesFrequency = (typeof SERIES_FREQUENCIES)[number];

/**
 * Monthly series: `day_of_month` repeats on the same day number (e.g. the 15th; months without
 * that day are skipped), `nth_weekday` on the same weekday position (e.g. the first Monday; a
 * fifth weekday falls back to the last one of that month).
 */
export const MONTHLY_RULES = ['day_of_month', 'nth_weekday'] as const;
export type MonthlyRule = (typeof MONTHLY_RULES)[number];

/** Edit or cancel one occurrence, or it and every later scheduled occurrence of its series (earlier ones are history). */
export const MEETING_CHANGE_SCOPES = ['occurrence', 'series'] as const;
export type MeetingChangeScope = (typeof MEETING_CHANGE_SCOPES)[number];

export const MEETING_TITLE_MAX = 200;
export const MEETING_DESCRIPTION_MAX = 20_000;
export const MEETING_LOCATION_MAX = 300;
export const MEETING_AGENDA_ITEM_MAX = 300;
export const MEETING_AGENDA_MAX_ITEMS = 50;
export const MEETING_CAPACITY_MAX = 10_000;
/** A series has at most this many occurrences (a weekly series: about four years). */
export const MEETING_SERIES_MAX_OCCURRENCES = 200;
/** Default lead time of the reminder (hours before the start). */
export const MEETING_REMINDER_DEFAULT_HOURS = 24;

export interface SeriesRuleDto {
  frequency: SeriesFrequency;
  /** Monthly series only (default `day_of_month`). */
  monthlyRule?: MonthlyRule;
  /** Last day (inclusive) an occurrence may start on, a calendar date `YYYY-MM-DD` in Europe/Berlin. */
  until: string;
}

export interface MeetingSeriesDto extends SeriesRuleDto {
  id: string;
  /** 1-based position of this occurrence in the series. */
  index: number;
  /** Occurrences of the series (cancelled ones included). */
  count: number;
}

export interface AgendaItemDto {
  /** 1-based order. */
  position: number;
  title: string;
}

export interface MeetingCountsDto {
  going: number;
  maybe: number;
  declined: number;
  waitlisted: number;
}

export interface MyRsvpDto {
  status: RsvpState;
  /** 1-based place on the waiting list, only when `status` is `waitlisted`. */
  waitlistPosition: number | null;
}

export interface MeetingPermissions {
  edit: boolean;
  cancel: boolean;
  /** false when cancelled, already started, or the caller may only see it. */
  rsvp: boolean;
}

export interface MeetingSummaryDto {
  id: string;
  title: string;
  format: MeetingFormat;
  status: MeetingStatus;
  /** null = network-wide (visible to all staff). */
  spaceId: string | null;
  spaceName: string | null;
  /** ISO 8601 UTC instants; show them in Europe/Berlin. */
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  /** null = unlimited. */
  capacity: number | null;
  counts: MeetingCountsDto;
  /** The caller's answer (null = not answered). */
  myRsvp: MyRsvpDto | null;
  /** null = a single meeting. */
  series: MeetingSeriesDto | null;
  /** Increases on every change (the iCal SEQUENCE). */
  sequence: number;
}

export interface MeetingDto extends MeetingSummaryDto {
  /** Markdown source. */
  description: string;
  /** Sanitised HTML rendered by the server. */
  descriptionHtml: string;
  agenda: AgendaItemDto[];
  /** Linked minutes document (a document in the same space). */
  minutesDocumentId: string | null;
  /** The discussion thread created with the meeting (null for network-wide meetings). */
  discussionThreadId: string | null;
  createdBy: UserSummary;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  permissions: MeetingPermissions;
}

export interface MeetingListQuery {
  /** ISO instant; meetings ending after it (default: now). */
  from?: string;
  /** ISO instant; meetings starting before it (default: from + 1 year). */
  to?: string;
  spaceId?: string;
  format?: MeetingFormat;
  /** Include cancelled meetings (default true: the calendar shows them struck through). */
  includeCancelled?: boolean;
}

/** `GET /api/meetings` answers every matching meeting (at most 500, ordered by start). */
export interface MeetingListDto {
  items: MeetingSummaryDto[];
}

export interface CreateMeetingRequest {
  title: string;
  format: MeetingFormat;
  /** Omitted/null = network-wide (coordinators and admins only). */
  spaceId?: string | null;
  startsAt: string;
  endsAt: string;
  location?: string | null;
  onlineUrl?: string | null;
  /** Positive integer; omitted/null = unlimited. */
  capacity?: number | null;
  description?: string;
  /** Agenda item titles in order. */
  agenda?: string[];
  minutesDocumentId?: string | null;
  series?: SeriesRuleDto;
}

/** Every field optional; `scope` decides whether other occurrences of a series change too. */
export interface UpdateMeetingRequest {
  /** Default `occurrence`. With `series`, a time change shifts every later occurrence by the same wall-clock delta. */
  scope?: MeetingChangeScope;
  title?: string;
  format?: MeetingFormat;
  startsAt?: string;
  endsAt?: string;
  location?: string | null;
  onlineUrl?: string | null;
  capacity?: number | null;
  description?: string;
  agenda?: string[];
  minutesDocumentId?: string | null;
}

export interface CancelMeetingRequest {
  /** Default `occurrence`; `series` cancels this and every later occurrence. */
  scope?: MeetingChangeScope;
}

export interface RsvpRequest {
  status: RsvpStatus;
}

export interface RsvpResponse extends MyRsvpDto {
  meetingId: string;
  counts: MeetingCountsDto;
}

export interface AttendeeDto {
  user: UserSummary;
  status: RsvpState;
  waitlistPosition: number | null;
  respondedAt: string;
}

/** `GET /api/meetings/:id/attendees`: everyone who answered, waiting list in order. */
export interface AttendeeListDto {
  items: AttendeeDto[];
  counts: MeetingCountsDto;
}

/** The caller's personal iCal feed. The URL contains the secret token: it is shown only to its owner. */
export interface CalendarFeedDto {
  /** Absolute URL to subscribe to (webcal-ready https URL). */
  url: string;
  createdAt: string;
}

/** `GET /api/calendar/feed` when no feed exists yet. */
export interface CalendarFeedStateDto {
  feed: CalendarFeedDto | null;
}
