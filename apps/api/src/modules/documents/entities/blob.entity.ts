import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint.transformer.js';

/**
 * Stored bytes, content-addressed: the file lives at DATA_DIR/files/<aa>/<bb>/<sha256>. Versions
 * reference blobs; the same bytes uploaded twice are one blob. Unreferenced blobs are swept.
 */
@Entity({ name: 'blobs' })
export class Blob {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size!: number;

  /** Detected from the bytes. */
  @Column({ type: 'varchar', length: 127 })
  contentType!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
