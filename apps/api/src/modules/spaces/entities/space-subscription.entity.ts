import type { SubscriptionLevel } from '@treffpunkt/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { Space } from './space.entity.js';

@Entity({ name: 'space_subscriptions' })
@Check('CHK_space_subscriptions_level', `"level" IN ('watching','normal','muted')`)
export class SpaceSubscription {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'uuid' })
  spaceId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Space;

  @Column({ type: 'varchar', length: 16 })
  level!: SubscriptionLevel;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
