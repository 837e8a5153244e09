import type {
  ConsultationChannel,
  ConsultationLanguage,
  ConsultationOutcome,
  ConsultationTopic,
  OccupationGroup,
} from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from '../../organisations/entities/organisation.entity.js';
import { User } from '../../users/entities/user.entity.js';

/** One counselling consultation, for the funder's statistics. No personal data: codes only, plus a short checked note. */
@Entity({ name: 'consultations' })
@Check('CHK_consultations_topic', `"topic" IN ('recognition','labour_rights','job_search','qualification','other')`)
@Check('CHK_consultations_channel', `"channel" IN ('in_person','phone','video','email')`)
@Check('CHK_consultations_outcome', `"outcome" IN ('advice_given','referred','application_submitted','other')`)
@Check('CHK_consultations_referral', `"referred_to_organisation_id" IS NULL OR "outcome" = 'referred'`)
/** Statistics: a date range, optionally one service point. */
@Index('IDX_consultations_service_point_date', ['servicePointId', 'date'])
@Index('IDX_consultations_date', ['date'])
/** "My entries", newest first. */
@Index('IDX_consultations_author_created', ['authorId', 'createdAt', 'id'])
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Calendar day of the consultation (Europe/Berlin). */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'uuid' })
  servicePointId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_point_id' })
  servicePoint?: Organisation;

  /** Kept when the account goes: the statistic outlives the person who recorded it. */
  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'varchar', length: 32 })
  topic!: ConsultationTopic;

  @Column({ type: 'varchar', length: 16 })
  channel!: ConsultationChannel;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: ConsultationLanguage | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  countryOfQualification!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  occupationGroup!: OccupationGroup | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: ConsultationOutcome | null;

  @Column({ type: 'uuid', nullable: true })
  referredToOrganisationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'referred_to_organisation_id' })
  referredToOrganisation?: Organisation;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
