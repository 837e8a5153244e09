import type { NotificationType } from '@treffpunkt/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Post } from '../../forum/entities/post.entity.js';
import { Thread } from '../../forum/entities/thread.entity.js';
import { Space } from '../../spaces/entities/space.entity.js';
import { User } from '../../users/entities/user.entity.js';

/**
 * One notification for one person. The id increases monotonically, so a reconnecting client
 * catches up with `?after=`. Rows go with the thread/post/space they point to (cascade), so a
 * purged case thread leaves no trace here.
 */
@Entity({ name: 'notifications' })
@Index('IDX_notifications_user_id_id', ['userId', 'id'])
@Index('IDX_notifications_unread', ['userId'], { where: '"read_at" IS NULL' })
/** A deleted thread's notifications, and those of its posts (the cascades of a retention purge). */
@Index('IDX_notifications_thread_id', ['threadId'], { where: '"thread_id" IS NOT NULL' })
@Index('IDX_notifications_post_id', ['postId'], { where: '"post_id" IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 32 })
  type!: NotificationType;

  /** Display text of what it is about (case threads: the pseudonym code only). */
  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'uuid', nullable: true })
  spaceId!: string | null;

  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Space;

  @Column({ type: 'uuid', nullable: true })
  threadId!: string | null;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Thread;

  @Column({ type: 'uuid', nullable: true })
  postId!: string | null;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @Column({ type: 'varchar', length: 500 })
  link!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** Set once the notification went out by e-mail (immediately or in a digest). */
  @Column({ type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;
}
