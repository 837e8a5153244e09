import type { SpaceRole } from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../../organisations/entities/organisation.entity.js';
import { User } from '../../users/entities/user.entity.js';
import { Space } from './space.entity.js';

/** A user or a whole organisation in a space. */
@Entity({ name: 'space_members' })
@Check('CHK_space_members_role', `"role" IN ('member','moderator')`)
@Check('CHK_space_members_one_subject', `("user_id" IS NULL) <> ("organisation_id" IS NULL)`)
@Index('UQ_space_members_user', ['spaceId', 'userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Index('UQ_space_members_organisation', ['spaceId', 'organisationId'], { unique: true, where: '"organisation_id" IS NOT NULL' })
export class SpaceMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  spaceId!: string;

  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Space;

  @Index('IDX_space_members_user_id')
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('IDX_space_members_organisation_id')
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 16, default: 'member' })
  role!: SpaceRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
