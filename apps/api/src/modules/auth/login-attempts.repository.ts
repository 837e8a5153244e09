import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface FailureWindow {
  count: number;
  oldest: Date | null;
}

@Injectable()
export class LoginAttemptsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Failures in the window for one account from one IP, and from the IP across accounts. */
  async failuresSince(email: string, ip: string, since: Date): Promise<{ account: FailureWindow; ip: FailureWindow }> {
    const rows: Array<{ account_count: string; account_oldest: Date | null; ip_count: string; ip_oldest: Date | null }> =
      await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE email = $1) AS account_count,
              min(created_at) FILTER (WHERE email = $1) AS account_oldest,
              count(*) AS ip_count,
              min(created_at) AS ip_oldest
         FROM login_attempts WHERE ip = $2 AND created_at > $3`,
        [email, ip, since],
      );
    const row = rows[0];
    return {
      account: { count: Number(row?.account_count ?? 0), oldest: row?.account_oldest ?? null },
      ip: { count: Number(row?.ip_count ?? 0), oldest: row?.ip_oldest ?? null },
    };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.query('INSERT INTO login_attempts (email, ip) VALUES ($1, $2)', [email, ip]);
  }

  async clear(email: string, ip: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempts WHERE email = $1 AND ip = $2', [email, ip]);
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempts WHERE created_at < $1', [before]);
  }
}
