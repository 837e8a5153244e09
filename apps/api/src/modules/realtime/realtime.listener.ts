import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events.js';
import { RealtimePublisher } from './realtime.publisher.js';

/** Turns domain events (after commit) into socket messages. Payloads carry ids only. */
@Injectable()
export class RealtimeListener implements OnModuleInit {
  constructor(
    @Inject(DomainEvents) private readonly events: DomainEvents,
    @Inject(RealtimePublisher) private readonly publisher: RealtimePublisher,
  ) {}

  onModuleInit(): void {
    this.events.on('forum.post_created', (e) =>
      this.publisher.toThread(e.threadId, 'thread:post-created', {
        threadId: e.threadId,
        postId: e.postId,
        seq: e.seq,
        authorId: e.authorId,
      }),
    );
    this.events.on('forum.post_updated', (e) =>
      this.publisher.toThread(e.threadId, 'thread:post-updated', {
        threadId: e.threadId,
        postId: e.postId,
        seq: e.seq,
        authorId: e.editorId,
      }),
    );
    this.events.on('forum.post_deleted', (e) =>
      this.publisher.toThread(e.threadId, 'thread:post-updated', { threadId: e.threadId, postId: e.postId, seq: e.seq, authorId: '' }),
    );
    this.events.on('user.sessions_revoked', (e) => this.publisher.disconnectUser(e.userId, true));
    // the client reconnects with the same token and joins again, through fresh access checks
    this.events.on('user.access_changed', (e) => this.publisher.disconnectUser(e.userId, false));
    this.events.on('space.access_changed', (e) => this.publisher.revalidateSpace(e.spaceId));
  }
}
