import type { SubscriptionLevel } from '@treffpunkt/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { Thread } from './thread.entity.js';

@Entity({ name: 'thread_subscriptions' })
@Check('CHK_thread_subscriptions_level', `"level" IN ('watching','normal','muted')`)
export class ThreadSubscription {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Index('IDX_thread_subscriptions_thread_id')
  @PrimaryColumn({ type: 'uuid' })
  threadId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Thread;

  @Column({ type: 'varchar', length: 16 })
  level!: SubscriptionLevel;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
