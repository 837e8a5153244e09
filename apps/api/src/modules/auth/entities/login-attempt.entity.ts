import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, kept for the throttle window; shared by every API instance. */
@Entity({ name: 'login_attempts' })
@Index('IDX_login_attempts_email_ip', ['email', 'ip', 'createdAt'])
@Index('IDX_login_attempts_ip', ['ip', 'createdAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
