import type { MeetingFormat, MeetingStatus } from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Document } from '../../documents/entities/document.entity.js';
import { Thread } from '../../forum/entities/thread.entity.js';
import { Space } from '../../spaces/entities/space.entity.js';
import { User } from '../../users/entities/user.entity.js';
import { MeetingSeries } from './meeting-series.entity.js';

/** One meeting, or one occurrence of a series (each with its own RSVPs). Times are UTC instants. */
@Entity({ name: 'meetings' })
@Check(
  'CHK_meetings_format',
  `"format" IN ('network_meeting','project_management','annual_closed_meeting','expert_conference','workshop','other')`,
)
@Check('CHK_meetings_status', `"status" IN ('scheduled','cancelled')`)
@Check('CHK_meetings_times', `"ends_at" > "starts_at"`)
@Check('CHK_meetings_capacity', `"capacity" IS NULL OR "capacity" > 0`)
/** Calendar ranges: meetings overlapping [from, to). */
@Index('IDX_meetings_starts_at', ['startsAt'])
@Index('IDX_meetings_space_starts_at', ['spaceId', 'startsAt'])
@Index('IDX_meetings_series', ['seriesId', 'seriesIndex'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** null = network-wide (visible to all staff). */
  @Column({ type: 'uuid', nullable: true })
  spaceId!: string | null;

  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Space | null;

  @Column({ type: 'uuid', nullable: true })
  seriesId!: string | null;

  @ManyToOne(() => MeetingSeries, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'series_id' })
  series?: MeetingSeries | null;

  /** 1-based position in the series. */
  @Column({ type: 'integer', nullable: true })
  seriesIndex!: number | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  format!: MeetingFormat;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: '' })
  descriptionHtml!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  onlineUrl!: string | null;

  /** null = unlimited. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  /** Agenda item titles in order. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  agenda!: string[];

  @Column({ type: 'uuid', nullable: true })
  minutesDocumentId!: string | null;

  @ManyToOne(() => Document, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'minutes_document_id' })
  minutesDocument?: Document | null;

  @Column({ type: 'uuid', nullable: true })
  discussionThreadId!: string | null;

  @ManyToOne(() => Thread, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'discussion_thread_id' })
  discussionThread?: Thread | null;

  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  status!: MeetingStatus;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** iCal SEQUENCE: increases on every change. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
