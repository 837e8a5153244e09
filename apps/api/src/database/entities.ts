import { Blob } from '../modules/documents/entities/blob.entity.js';
import { DocumentVersion } from '../modules/documents/entities/document-version.entity.js';
import { Document } from '../modules/documents/entities/document.entity.js';
import { Folder } from '../modules/documents/entities/folder.entity.js';
import { AuditEntry } from '../modules/audit/entities/audit-entry.entity.js';
import { CaseSequence } from '../modules/forum/entities/case-sequence.entity.js';
import { Draft } from '../modules/forum/entities/draft.entity.js';
import { PostAttachment } from '../modules/forum/entities/post-attachment.entity.js';
import { PostMention } from '../modules/forum/entities/post-mention.entity.js';
import { PostRevision } from '../modules/forum/entities/post-revision.entity.js';
import { Post } from '../modules/forum/entities/post.entity.js';
import { ThreadRead } from '../modules/forum/entities/thread-read.entity.js';
import { ThreadSubscription } from '../modules/forum/entities/thread-subscription.entity.js';
import { Thread } from '../modules/forum/entities/thread.entity.js';
import { IdempotencyKey } from '../modules/idempotency/entities/idempotency-key.entity.js';
import { NotificationDigest } from '../modules/notifications/entities/notification-digest.entity.js';
import { NotificationPreference } from '../modules/notifications/entities/notification-preference.entity.js';
import { NotificationUnreadCount } from '../modules/notifications/entities/notification-unread-count.entity.js';
import { Notification } from '../modules/notifications/entities/notification.entity.js';
import { SpaceMember } from '../modules/spaces/entities/space-member.entity.js';
import { SpaceSubscription } from '../modules/spaces/entities/space-subscription.entity.js';
import { Space } from '../modules/spaces/entities/space.entity.js';
import { LoginAttempt } from '../modules/auth/entities/login-attempt.entity.js';
import { PasswordResetToken } from '../modules/auth/entities/password-reset-token.entity.js';
import { RefreshToken } from '../modules/sessions/entities/refresh-token.entity.js';
import { Invitation } from '../modules/invitations/entities/invitation.entity.js';
import { OutboxMail } from '../modules/mail/entities/outbox-mail.entity.js';
import { OrganisationContact } from '../modules/organisations/entities/organisation-contact.entity.js';
import { Organisation } from '../modules/organisations/entities/organisation.entity.js';
import { User } from '../modules/users/entities/user.entity.js';
import { Consultation } from '../modules/statistics/entities/consultation.entity.js';
import { CalendarFeed } from '../modules/meetings/entities/calendar-feed.entity.js';
import { MeetingRsvp } from '../modules/meetings/entities/meeting-rsvp.entity.js';
import { MeetingSeries } from '../modules/meetings/entities/meeting-series.entity.js';
import { Meeting } from '../modules/meetings/entities/meeting.entity.js';
import { DataExport } from '../modules/privacy/entities/data-export.entity.js';

/** Every entity, listed explicitly (globs break between src and dist). */
export const ENTITIES = [
  Organisation,
  OrganisationContact,
  User,
  RefreshToken,
  PasswordResetToken,
  LoginAttempt,
  Invitation,
  AuditEntry,
  OutboxMail,
  Space,
  SpaceMember,
  SpaceSubscription,
  Thread,
  Post,
  PostRevision,
  PostMention,
  PostAttachment,
  ThreadRead,
  ThreadSubscription,
  Draft,
  CaseSequence,
  IdempotencyKey,
  Notification,
  NotificationPreference,
  NotificationDigest,
  NotificationUnreadCount,
  Blob,
  Folder,
  Document,
  DocumentVersion,
  Consultation,
  MeetingSeries,
  Meeting,
  MeetingRsvp,
  CalendarFeed,
  DataExport,
];
