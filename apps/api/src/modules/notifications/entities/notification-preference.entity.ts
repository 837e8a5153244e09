import type { EmailMode, NotificationType } from '@treffpunkt/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/** A person's e-mail choice for one notification type (in-app is always on). */
@Entity({ name: 'notification_preferences' })
@Check('CHK_notification_preferences_email_mode', `"email_mode" IN ('immediate','digest','off')`)
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  type!: NotificationType;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  emailMode!: EmailMode;
}
