import type { DataExportStatus } from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/**
 * One export of a person's data. A worker claims queued rows (SKIP LOCKED, so each runs once across
 * instances), writes DATA_DIR/exports/<id>.zip and marks it ready; a sweep deletes it when it expires.
 */
@Entity({ name: 'data_exports' })
@Check('CHK_data_exports_status', `"status" IN ('queued','running','ready','failed','expired')`)
// one open export per person: a second request returns the running one, also under a race
@Index('UQ_data_exports_open', ['userId'], { unique: true, where: `"status" IN ('queued', 'running')` })
@Index('IDX_data_exports_user_created', ['userId', 'createdAt'])
@Index('IDX_data_exports_status', ['status'])
export class DataExport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: DataExportStatus;

  /** How often a worker claimed it (a crashed worker's claim is taken over after a lease). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When the current worker claimed it; a claim older than the lease counts as abandoned. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'bigint', nullable: true })
  sizeBytes!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
