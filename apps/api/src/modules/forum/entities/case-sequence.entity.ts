import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last pseudonym number handed out per year (F-<year>-<number>). */
@Entity({ name: 'case_sequences' })
export class CaseSequence {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  lastValue!: number;
}
