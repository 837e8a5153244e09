import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { Post } from './post.entity.js';

/** A linked @mention (only people who can see the space are linked). */
@Entity({ name: 'post_mentions' })
export class PostMention {
  @PrimaryColumn({ type: 'uuid' })
  postId!: string;

  @Index('IDX_post_mentions_user_id')
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
