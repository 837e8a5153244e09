import type { SpaceVisibility } from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The access boundary for threads, folders and meetings. */
@Entity({ name: 'spaces' })
@Check('CHK_spaces_visibility', `"visibility" IN ('network','staff','private')`)
@Check('CHK_spaces_case_retention_months', `"case_retention_months" BETWEEN 1 AND 120`)
export class Space {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index('UQ_spaces_slug', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  slug!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  visibility!: SpaceVisibility;

  @Column({ type: 'integer', default: 12 })
  caseRetentionMonths!: number;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
