import type { ThreadKind } from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Space } from '../../spaces/entities/space.entity.js';
import { User } from '../../users/entities/user.entity.js';

@Entity({ name: 'threads' })
@Check('CHK_threads_kind', `"kind" IN ('discussion','case','announcement')`)
/** Thread lists: pinned first, then by last activity (keyset-paginated). */
@Index('IDX_threads_space_list', ['spaceId', 'pinned', 'lastPostAt', 'id'])
/** GIN index on search_vector, created in the migration (TypeORM cannot describe GIN indexes). */
@Index('IDX_threads_search', { synchronize: false })
export class Thread {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  spaceId!: string;

  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Space;

  @Column({ type: 'varchar', length: 16, default: 'discussion' })
  kind!: ThreadKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** German full-text vector of `title` for the search; PostgreSQL keeps it current. */
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('german', "title")`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  /** Case threads: F-<year>-<4-digit sequence>. */
  @Index('UQ_threads_pseudonym_code', { unique: true, where: '"pseudonym_code" IS NOT NULL' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  pseudonymCode!: string | null;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  /** Number of the last post (posts are numbered 1, 2, … within a thread). */
  @Column({ type: 'integer', default: 0 })
  lastSeq!: number;

  @Column({ type: 'integer', default: 0 })
  postCount!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastPostAt!: Date;

  /** Case threads: deleted for good after this instant unless on legal hold. */
  @Index('IDX_threads_retention_until', { where: '"retention_until" IS NOT NULL' })
  @Column({ type: 'timestamptz', nullable: true })
  retentionUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  legalHoldReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  legalHoldAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  legalHoldById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
