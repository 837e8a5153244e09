import type { FieldOfAction, OrganisationType, TargetGroup } from '@treffpunkt/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'organisations' })
@Check('CHK_organisations_type', `"type" IN ('service_point','business','welfare','migrant_org','education','public_admin','other')`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_organisations_name')
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: OrganisationType;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  city!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  postcode!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  phone!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fieldsOfAction!: FieldOfAction[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targetGroups!: TargetGroup[];

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** Folded name, city and description for the directory search; PostgreSQL keeps it current. */
  @Index('IDX_organisations_search_text', { synchronize: false })
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: 'search_fold(ARRAY["name"::text, "city"::text, "description"])',
    select: false,
    insert: false,
    update: false,
  })
  searchText!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
