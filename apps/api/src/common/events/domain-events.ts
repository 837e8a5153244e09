import { Injectable, Logger } from '@nestjs/common';

/** In-process domain events, emitted only after the transaction that caused them committed. */
export interface DomainEventMap {
  'forum.thread_created': { threadId: string; spaceId: string; postId: string; authorId: string };
  'forum.post_created': {
    threadId: string;
    spaceId: string;
    postId: string;
    seq: number;
    authorId: string;
    replyToPostId: string | null;
    mentionedUserIds: string[];
  };
  'forum.post_updated': { threadId: string; spaceId: string; postId: string; seq: number; editorId: string; mentionedUserIds: string[] };
  'forum.post_deleted': { threadId: string; spaceId: string; postId: string; seq: number };
  'forum.thread_purged': { threadId: string; spaceId: string };
  /** Every session of the person ended (disabled, password changed or reset). */
  'user.sessions_revoked': { userId: string };
  /** Role or organisation changed: what the person may see must be checked again. */
  'user.access_changed': { userId: string };
  'space.member_added': { spaceId: string; actorId: string; userId: string | null; organisationId: string | null };
  /** Someone may have lost access (member removed, visibility changed, space archived). */
  'space.access_changed': { spaceId: string };
  'invitation.accepted': { invitationId: string; inviterId: string; userId: string };
  /** A new document (not a new version) was uploaded; `name` is its display name. */
  'document.added': { documentId: string; spaceId: string; folderId: string; actorId: string; name: string };
  /** A meeting (for a series: its first occurrence) was announced; `spaceId` null = network-wide. */
  'meeting.announced': { meetingId: string; spaceId: string | null; actorId: string };
  /** Time or place of these occurrences changed (attendees hear about it). */
  'meeting.changed': { meetingIds: string[]; spaceId: string | null; actorId: string };
  'meeting.cancelled': { meetingIds: string[]; spaceId: string | null; actorId: string };
  /** These people moved up from the waiting list. */
  'meeting.promoted': { meetingId: string; spaceId: string | null; userIds: string[] };
  /** The reminder job claimed these reminders (each goes out once). */
  'meeting.reminder_due': { meetingId: string; spaceId: string | null; userIds: string[] };
}

type Listener<K extends keyof DomainEventMap> = (payload: DomainEventMap[K]) => void | Promise<void>;

@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly listeners = new Map<keyof DomainEventMap, Array<(payload: never) => void | Promise<void>>>();

  on<K extends keyof DomainEventMap>(event: K, listener: Listener<K>): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  /** Fire and forget: listeners run after the caller has moved on; a failing one is logged, never thrown. */
  emit<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): void {
    void this.emitAndWait(event, payload);
  }

  /**
   * Runs every listener and waits for all of them — for effects the caller's answer must not
   * overtake (someone who lost access leaves the socket rooms before the request returns).
   */
  async emitAndWait<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): Promise<void> {
    const run = (this.listeners.get(event) ?? []) as Array<Listener<K>>;
    await Promise.all(
      run.map((listener) =>
        Promise.resolve()
          .then(() => listener(payload))
          .catch((error: unknown) => this.logger.error({ err: error, event }, 'domain event listener failed')),
      ),
    );
  }
}
