import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/**
 * How many unread notifications a person has: kept by triggers on `notifications` (every insert,
 * update, delete and truncate, whoever writes), so the badge is one row to read instead of a count
 * over everything the person never read.
 */
@Entity({ name: 'notification_unread_counts' })
export class NotificationUnreadCount {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'integer', default: 0 })
  count!: number;
}
