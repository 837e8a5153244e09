import { MEETING_REMINDER_DEFAULT_HOURS } from './meetings.js';

export const NOTIFICATION_TYPES = [
  'mention',
  'reply',
  'new_thread',
  'added_to_space',
  'invitation_accepted',
  'meeting_announced',
  'meeting_changed',
  'meeting_cancelled',
  'meeting_promoted',
  'meeting_reminder',
  'document_added',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** Defaults when a person has not chosen: mentions by mail at once, the rest in the daily digest. */
export const DEFAULT_EMAIL_MODE: Readonly<Record<NotificationType, EmailMode>> = {
  mention: 'immediate',
  reply: 'digest',
  new_thread: 'digest',
  added_to_space: 'digest',
  invitation_accepted: 'digest',
  meeting_announced: 'digest',
  meeting_changed: 'immediate',
  meeting_cancelled: 'immediate',
  meeting_promoted: 'immediate',
  meeting_reminder: 'immediate',
  document_added: 'digest',
};

/**
 * A notification carries ids and display metadata only, never case content: for case threads the
 * subject is the pseudonym code.
 */
export interface NotificationDto {
  /** Monotonically increasing: a reconnecting client asks for `?after=<last id it saw>`. */
  id: number;
  type: NotificationType;
  /** What it is about: thread title (case threads: pseudonym code), space name, meeting title … */
  subject: string;
  actor: { id: string; displayName: string } | null;
  spaceName: string | null;
  /** SPA path to open, e.g. /forum/thema/<id>#beitrag-3 */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationQuery {
  /** Only notifications with a larger id, oldest first (catch-up after a reconnect). */
  after?: number;
  cursor?: string;
  limit?: number;
  unreadOnly?: boolean;
}

export interface MarkNotificationsReadRequest {
  ids?: number[];
  all?: boolean;
}

export interface UnreadCountDto {
  count: number;
}

export interface NotificationPreferenceDto {
  type: NotificationType;
  /** In-app is always on; e-mail per type. */
  email: EmailMode;
}

/** Lead times (hours before the start) a person may choose for meeting reminders. */
export const MEETING_REMINDER_HOURS_OPTIONS = [1, 2, 24, 48, 168] as const;
export type MeetingReminderHours = (typeof MEETING_REMINDER_HOURS_OPTIONS)[number];
/** Lead time when a person has not chosen (see MEETING_REMINDER_DEFAULT_HOURS). */
export const DEFAULT_MEETING_REMINDER_HOURS: MeetingReminderHours = MEETING_REMINDER_DEFAULT_HOURS;

export interface NotificationPreferencesDto {
  items: NotificationPreferenceDto[];
  /** How many hours before a meeting starts the person is reminded (default 24). */
  meetingReminderHours: MeetingReminderHours;
}

export interface UpdateNotificationPreferencesRequest {
  items: NotificationPreferenceDto[];
  /** Left out: unchanged. */
  meetingReminderHours?: MeetingReminderHours;
}
