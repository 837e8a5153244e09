import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a create request, replayed when a client retries with the same key. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  /** e.g. "POST /api/threads/<id>/posts": a key reused for another request is refused. */
  @Column({ type: 'varchar', length: 300 })
  scope!: string;

  @Column({ type: 'integer' })
  statusCode!: number;

  @Column({ type: 'jsonb' })
  response!: unknown;

  @Index('IDX_idempotency_keys_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
