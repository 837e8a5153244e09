import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Document } from '../../documents/entities/document.entity.js';
import { Post } from './post.entity.js';

/** A document of the thread's space attached to a post (the file itself stays in the documents store). */
@Entity({ name: 'post_attachments' })
export class PostAttachment {
  @PrimaryColumn({ type: 'uuid' })
  postId!: string;

  @Index('IDX_post_attachments_document_id')
  @PrimaryColumn({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;
}
