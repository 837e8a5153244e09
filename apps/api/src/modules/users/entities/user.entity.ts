import type { Locale, MeetingReminderHours, Role, UserStatus } from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from '../../organisations/entities/organisation.entity.js';

@Entity({ name: 'users' })
/** The people directory's order (by name, keyset-paginated). */
@Index('IDX_users_display_name', ['displayName', 'id'])
@Check('CHK_users_role', `"role" IN ('admin','coordinator','advisor','partner')`)
@Check('CHK_users_status', `"status" IN ('active','disabled','erased')`)
@Check('CHK_users_locale', `"locale" IN ('de','en')`)
@Check('CHK_users_meeting_reminder_hours', `"meeting_reminder_hours" IN (1,2,24,48,168)`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 120 })
  displayName!: string;

  @Index('UQ_users_handle', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  handle!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Index('IDX_users_organisation_id')
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: UserStatus;

  /** Bumped to invalidate every access token of this user at once. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  @Column({ type: 'varchar', length: 2, default: 'de' })
  locale!: Locale;

  /** Lead time of meeting reminders in hours (one of MEETING_REMINDER_HOURS_OPTIONS). */
  @Column({ type: 'integer', default: 24 })
  meetingReminderHours!: MeetingReminderHours;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertise!: string[];

  @Column({ type: 'varchar', length: 60, nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  /** Folded name, handle, languages and expertise for the directory search; PostgreSQL keeps it current. */
  @Index('IDX_users_search_text', { synchronize: false })
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: 'search_fold(ARRAY["display_name"::text, "handle"::text] || "languages" || "expertise")',
    select: false,
    insert: false,
    update: false,
  })
  searchText!: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
