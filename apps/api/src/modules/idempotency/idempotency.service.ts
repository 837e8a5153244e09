import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { IdempotencyRepository } from './idempotency.repository.js';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * Create requests with an `Idempotency-Key`: the key is claimed in the same transaction as the
 * work, so a retry (even a concurrent one) waits for the first attempt and then gets its result;
 * if the first attempt failed, nothing was stored and the retry runs afresh.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IdempotencyRepository) private readonly keys: IdempotencyRepository,
  ) {}

  /** Runs `work` in a transaction (with `afterCommit` hooks), at most once per (user, key). */
  async run<T>(
    userId: string,
    key: string | undefined,
    scope: string,
    work: (manager: EntityManager, afterCommit: (fn: () => void) => void) => Promise<T>,
  ): Promise<T> {
    if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new DomainError(
        400,
        ErrorCode.ValidationFailed,
        'Idempotency-Key must be 8–100 characters of letters, digits, "-", "_", ".", ":"',
      );
    }
    const after: Array<() => void> = [];
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (key !== undefined && !(await this.keys.claim(userId, key, scope, manager))) return { replay: true as const };
      const result = await work(manager, (fn) => after.push(fn));
      if (key !== undefined) await this.keys.store(userId, key, result, manager);
      return { replay: false as const, result };
    });
    if (!outcome.replay) {
      for (const fn of after) fn();
      return outcome.result;
    }
    const stored = await this.keys.find(userId, key!);
    if (!stored || stored.scope !== scope) {
      throw new DomainError(409, ErrorCode.IdempotencyConflict, 'This Idempotency-Key was already used for a different request');
    }
    return stored.response as T;
  }
}
