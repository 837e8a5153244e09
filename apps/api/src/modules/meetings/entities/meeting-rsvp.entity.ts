import type { RsvpState } from '@treffpunkt/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { Meeting } from './meeting.entity.js';

/** A person's answer to one meeting; `waitlisted_at` orders the waiting list. */
@Entity({ name: 'meeting_rsvps' })
@Check('CHK_meeting_rsvps_status', `"status" IN ('going','maybe','declined','waitlisted')`)
@Index('IDX_meeting_rsvps_meeting_status', ['meetingId', 'status', 'waitlistedAt'])
@Index('IDX_meeting_rsvps_user', ['userId'])
export class MeetingRsvp {
  @PrimaryColumn({ type: 'uuid' })
  meetingId!: string;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  status!: RsvpState;

  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  respondedAt!: Date;

  /** The reminder went out (once per person and occurrence; reset when the time changes). */
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;
}
