import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Space } from '../../spaces/entities/space.entity.js';
import { User } from '../../users/entities/user.entity.js';
import { Thread } from './thread.entity.js';

/** A half-written post: a reply in a thread, or a new thread in a space. Kept on the server only. */
@Entity({ name: 'drafts' })
@Check('CHK_drafts_one_target', `("thread_id" IS NULL) <> ("space_id" IS NULL)`)
@Index('UQ_drafts_user_thread', ['userId', 'threadId'], { unique: true, where: '"thread_id" IS NOT NULL' })
@Index('UQ_drafts_user_space', ['userId', 'spaceId'], { unique: true, where: '"space_id" IS NOT NULL' })
export class Draft {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('IDX_drafts_thread_id')
  @Column({ type: 'uuid', nullable: true })
  threadId!: string | null;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Thread;

  @Column({ type: 'uuid', nullable: true })
  spaceId!: string | null;

  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Space;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
