import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { Thread } from './thread.entity.js';

/** How far a person has read a thread. */
@Entity({ name: 'thread_reads' })
/** A deleted thread's markers (the key starts with the person). */
@Index('IDX_thread_reads_thread_id', ['threadId'])
export class ThreadRead {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'uuid' })
  threadId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Thread;

  @Column({ type: 'integer', default: 0 })
  lastReadSeq!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
