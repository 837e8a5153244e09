import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { WebPaths } from '@treffpunkt/contracts';
import { DomainEvents, type DomainEventMap } from '../../common/events/domain-events.js';
import { AccessService } from '../access/access.service.js';
import type { NotificationDraft } from './notifications.repository.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Works out who hears about what (mentions, replies in watched threads, new threads in watched
 * spaces, new documents in watched spaces, being added to a space, an accepted invitation, meetings). Muted means muted. The service then
 * keeps only people who may see the space.
 */
@Injectable()
export class NotificationsListener implements OnModuleInit {
  constructor(
    @Inject(DomainEvents) private readonly events: DomainEvents,
    @Inject(NotificationsRepository) private readonly repository: NotificationsRepository,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.events.on('forum.post_created', (e) => this.onPost(e));
    this.events.on('forum.thread_created', (e) => this.onThread(e));
    this.events.on('space.member_added', (e) => this.onMemberAdded(e));
    this.events.on('invitation.accepted', (e) => this.onInvitationAccepted(e));
    this.events.on('document.added', (e) => this.onDocumentAdded(e));
    this.events.on('meeting.announced', (e) => this.onMeetingAnnounced(e));
    this.events.on('meeting.changed', (e) => this.onMeetingChanged('meeting_changed', e));
    this.events.on('meeting.cancelled', (e) => this.onMeetingChanged('meeting_cancelled', e));
    this.events.on('meeting.promoted', (e) => this.onMeetingPeople('meeting_promoted', e, null));
    this.events.on('meeting.reminder_due', (e) => this.onMeetingPeople('meeting_reminder', e, null));
  }

  /** Case threads are named by their pseudonym code only. */
  private async subjectOf(threadId: string) {
    const info = await this.repository.threadAudience(threadId);
    if (!info) return null;
    return { ...info, subject: info.kind === 'case' && info.pseudonymCode ? info.pseudonymCode : info.title };
  }

  async onPost(e: DomainEventMap['forum.post_created']): Promise<void> {
    const thread = await this.subjectOf(e.threadId);
    if (!thread) return;
    const levels = thread.levels;
    const muted = (userId: string) => levels.get(userId) === 'muted';
    const base = {
      subject: thread.subject,
      actorId: e.authorId,
      spaceId: e.spaceId,
      threadId: e.threadId,
      postId: e.postId,
      link: WebPaths.thread(e.threadId, e.seq),
    };
    const drafts: NotificationDraft[] = [];
    const told = new Set<string>([e.authorId]);
    for (const userId of e.mentionedUserIds) {
      if (told.has(userId) || muted(userId)) continue;
      told.add(userId);
      drafts.push({ ...base, userId, type: 'mention' });
    }
    if (e.seq > 1) {
      const repliedTo = e.replyToPostId ? await this.repository.postAuthor(e.replyToPostId) : null;
      if (repliedTo && !told.has(repliedTo) && !muted(repliedTo)) {
        told.add(repliedTo);
        drafts.push({ ...base, userId: repliedTo, type: 'reply' });
      }
      for (const [userId, level] of levels) {
        if (level !== 'watching' || told.has(userId)) continue;
        told.add(userId);
        drafts.push({ ...base, userId, type: 'reply' });
      }
    }
    await this.notifications.notify(drafts);
  }

  async onThread(e: DomainEventMap['forum.thread_created']): Promise<void> {
    const thread = await this.subjectOf(e.threadId);
    if (!thread) return;
    const watchers = (await this.repository.spaceWatchers(e.spaceId)).filter((id) => id !== e.authorId);
    await this.notifications.notify(
      watchers.map((userId) => ({
        userId,
        type: 'new_thread',
        subject: thread.subject,
        actorId: e.authorId,
        spaceId: e.spaceId,
        threadId: e.threadId,
        postId: e.postId,
        link: WebPaths.thread(e.threadId),
      })),
    );
  }

  async onMemberAdded(e: DomainEventMap['space.member_added']): Promise<void> {
    const name = await this.repository.spaceName(e.spaceId);
    if (!name) return;
    const people = e.userId ? [e.userId] : e.organisationId ? await this.repository.activeMembersOf(e.organisationId) : [];
    await this.notifications.notify(
      people
        .filter((id) => id !== e.actorId)
        .map((userId) => ({
          userId,
          type: 'added_to_space',
          subject: name,
          actorId: e.actorId,
          spaceId: e.spaceId,
          threadId: null,
          postId: null,
          link: WebPaths.space(e.spaceId),
        })),
    );
  }

  /** Watchers of the space hear about new documents (not new versions); the subject is the document's name. */
  async onDocumentAdded(e: DomainEventMap['document.added']): Promise<void> {
    const watchers = (await this.repository.spaceWatchers(e.spaceId)).filter((id) => id !== e.actorId);
    await this.notifications.notify(
      watchers.map((userId) => ({
        userId,
        type: 'document_added',
        subject: e.name,
        actorId: e.actorId,
        spaceId: e.spaceId,
        threadId: null,
        postId: null,
        link: WebPaths.folder(e.spaceId, e.folderId),
      })),
    );
  }

  async onInvitationAccepted(e: DomainEventMap['invitation.accepted']): Promise<void> {
    const [person] = await this.repository.recipients([e.userId]);
    if (!person) return;
    await this.notifications.notify([
      {
        userId: e.inviterId,
        type: 'invitation_accepted',
        subject: person.displayName,
        actorId: e.userId,
        spaceId: null,
        threadId: null,
        postId: null,
        link: `/verzeichnis/personen/${e.userId}`,
      },
    ]);
  }

  // ── meetings: the subject is the meeting's title, the link its page ─────────────────────────

  /**
   * A new meeting: watchers of its space hear about it; a network-wide one is announced to all
   * active staff. (The service drops anyone who may not see the space.)
   */
  async onMeetingAnnounced(e: DomainEventMap['meeting.announced']): Promise<void> {
    const people = e.spaceId ? await this.repository.spaceWatchers(e.spaceId) : await this.repository.activeStaff();
    await this.onMeetingPeople('meeting_announced', { meetingId: e.meetingId, spaceId: e.spaceId, userIds: people }, e.actorId);
  }

  /** Time, place or cancellation: everyone who answered going, maybe or is waiting — once, for the first affected occurrence. */
  async onMeetingChanged(type: 'meeting_changed' | 'meeting_cancelled', e: DomainEventMap['meeting.changed']): Promise<void> {
    const attendees = await this.repository.meetingAttendees(e.meetingIds, ['going', 'maybe', 'waitlisted']);
    const firstFor = new Map<string, string>();
    for (const a of attendees) if (!firstFor.has(a.userId)) firstFor.set(a.userId, a.meetingId);
    const byMeeting = new Map<string, string[]>();
    for (const [userId, meetingId] of firstFor) byMeeting.set(meetingId, [...(byMeeting.get(meetingId) ?? []), userId]);
    for (const [meetingId, userIds] of byMeeting) await this.onMeetingPeople(type, { meetingId, spaceId: e.spaceId, userIds }, e.actorId);
  }

  async onMeetingPeople(
    type: 'meeting_announced' | 'meeting_changed' | 'meeting_cancelled' | 'meeting_promoted' | 'meeting_reminder',
    e: { meetingId: string; spaceId: string | null; userIds: string[] },
    actorId: string | null,
  ): Promise<void> {
    const meeting = await this.repository.meetingInfo(e.meetingId);
    if (!meeting) return;
    // network-wide meetings are for staff: the service checks spaces, this checks that
    const allowed = await this.access.usersWhoCanSeeMeeting(meeting.spaceId, e.userIds);
    await this.notifications.notify(
      e.userIds
        .filter((userId) => userId !== actorId && allowed.has(userId))
        .map((userId) => ({
          userId,
          type,
          subject: meeting.title,
          actorId,
          spaceId: meeting.spaceId,
          threadId: null,
          postId: null,
          link: WebPaths.meeting(e.meetingId),
        })),
    );
  }
}
