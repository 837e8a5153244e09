import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { Post } from './post.entity.js';

/** An earlier version of a post, kept on every edit. */
@Entity({ name: 'post_revisions' })
@Index('UQ_post_revisions_post_revision', ['postId', 'revision'], { unique: true })
export class PostRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  postId!: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'uuid' })
  editedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edited_by_id' })
  editedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
