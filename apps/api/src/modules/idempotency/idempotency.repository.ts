import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** True when this transaction now owns the key; false when it was used before (the insert waits for a concurrent owner). */
  async claim(userId: string, key: string, scope: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, scope, status_code, response) VALUES ($1, $2, $3, 0, 'null'::jsonb)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, scope],
    );
    return rows.length === 1;
  }

  async store(userId: string, key: string, response: unknown, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE idempotency_keys SET status_code = 201, response = $3::jsonb WHERE user_id = $1 AND key = $2', [
      userId,
      key,
      JSON.stringify(response),
    ]);
  }

  async find(userId: string, key: string): Promise<{ scope: string; response: unknown } | null> {
    const rows: Array<{ scope: string; response: unknown }> = await this.dataSource.query(
      'SELECT scope, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    return rows[0] ?? null;
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
  }
}
