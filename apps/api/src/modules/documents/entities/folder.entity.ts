import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Space } from '../../spaces/entities/space.entity.js';
import { User } from '../../users/entities/user.entity.js';

/**
 * A folder in a space; folders nest. Deleting puts the folder (with everything below it) into the
 * space's trash: only the folder itself gets `deletedAt`, its contents are hidden through it.
 */
@Entity({ name: 'folders' })
@Index('IDX_folders_space_parent', ['spaceId', 'parentId'])
@Index('IDX_folders_trash', ['spaceId', 'deletedAt'], { where: '"deleted_at" IS NOT NULL' })
export class Folder {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  spaceId!: string;

  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Space;

  /** null = top level of the space. */
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Folder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Folder;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

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
