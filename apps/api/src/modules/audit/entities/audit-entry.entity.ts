import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did or read what. Actor ids are kept without a foreign key so the trail outlives accounts. */
@Entity({ name: 'audit_log' })
@Index('IDX_audit_log_entity', ['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Index('IDX_audit_log_actor_id')
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Index('IDX_audit_log_action')
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityType!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Index('IDX_audit_log_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
