import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Space } from '../../spaces/entities/space.entity.js';
import { User } from '../../users/entities/user.entity.js';
import { Folder } from './folder.entity.js';

/** A named document in a folder; its bytes are in its versions. `spaceId` is the folder's space (kept for access, search and quota). */
@Entity({ name: 'documents' })
@Index('IDX_documents_folder_list', ['folderId', 'name', 'id'])
@Index('IDX_documents_trash', ['spaceId', 'deletedAt'], { where: '"deleted_at" IS NOT NULL' })
/** GIN index on to_tsvector('german', name), created in the migration (an expression index TypeORM cannot describe). */
@Index('IDX_documents_search', { synchronize: false })
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  spaceId!: string;

  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Space;

  @Column({ type: 'uuid' })
  folderId!: string;

  @ManyToOne(() => Folder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'folder_id' })
  folder?: Folder;

  /** Display name only: never part of a path on disk. */
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** Number of the current (newest) version. */
  @Column({ type: 'integer', default: 1 })
  currentVersion!: number;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deletedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
