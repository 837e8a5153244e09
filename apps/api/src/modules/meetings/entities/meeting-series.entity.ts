import type { MonthlyRule, SeriesFrequency } from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The rule a series was created with; its occurrences are materialised as `meetings` rows. */
@Entity({ name: 'meeting_series' })
@Check('CHK_meeting_series_frequency', `"frequency" IN ('weekly','biweekly','monthly')`)
@Check('CHK_meeting_series_monthly_rule', `"monthly_rule" IS NULL OR "monthly_rule" IN ('day_of_month','nth_weekday')`)
export class MeetingSeries {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  frequency!: SeriesFrequency;

  @Column({ type: 'varchar', length: 16, nullable: true })
  monthlyRule!: MonthlyRule | null;

  /** Last calendar day (Europe/Berlin) an occurrence may start on. */
  @Column({ type: 'date' })
  until!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
