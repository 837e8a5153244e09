import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { bigintAsNumber } from './bigint.transformer.js';
import { Blob } from './blob.entity.js';
import { Document } from './document.entity.js';

/** One uploaded (or restored) state of a document, numbered 1, 2, … per document. */
@Entity({ name: 'document_versions' })
@Index('UQ_document_versions_document_version', ['documentId', 'version'], { unique: true })
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @Column({ type: 'integer' })
  version!: number;

  @Index('IDX_document_versions_blob')
  @Column({ type: 'varchar', length: 64 })
  blobSha256!: string;

  @ManyToOne(() => Blob, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'blob_sha256' })
  blob?: Blob;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size!: number;

  @Column({ type: 'varchar', length: 127 })
  contentType!: string;

  /** The file name as uploaded (display only). */
  @Column({ type: 'varchar', length: 255 })
  originalName!: string;

  @Column({ type: 'uuid' })
  uploadedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User;

  @Column({ type: 'integer', nullable: true })
  restoredFrom!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
