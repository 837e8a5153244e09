import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { Thread } from './thread.entity.js';

@Entity({ name: 'posts' })
@Index('UQ_posts_thread_seq', ['threadId', 'seq'], { unique: true })
/** GIN index on search_vector of live posts, created in the migration (TypeORM cannot describe GIN indexes). */
@Index('IDX_posts_search', { synchronize: false })
/** The newest posts first (search: the newest matches of a common word). */
@Index('IDX_posts_created_at', ['createdAt', 'id'])
/** Deleting a thread's posts (retention) clears replies to them: found by index, not by reading every post. */
@Index('IDX_posts_reply_to', ['replyToPostId'], { where: '"reply_to_post_id" IS NOT NULL' })
export class Post {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  threadId!: string;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Thread;

  /** 1-based position in the thread. */
  @Column({ type: 'integer' })
  seq!: number;

  @Index('IDX_posts_author_id')
  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  /** Markdown source. */
  @Column({ type: 'text' })
  body!: string;

  /** Sanitised HTML rendered from `body`. */
  @Column({ type: 'text' })
  bodyHtml!: string;

  /** German full-text vector of `body` for the search; PostgreSQL keeps it current. */
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('german', "body")`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector!: string;

  @Column({ type: 'uuid', nullable: true })
  replyToPostId!: string | null;

  @ManyToOne(() => Post, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reply_to_post_id' })
  replyToPost?: Post;

  @Column({ type: 'integer', default: 0 })
  revisionCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deletedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
