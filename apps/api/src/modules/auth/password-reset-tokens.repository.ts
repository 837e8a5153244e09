import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { PasswordResetToken } from './entities/password-reset-token.entity.js';

@Injectable()
export class PasswordResetTokensRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PasswordResetToken);
  }

  async insert(values: Pick<PasswordResetToken, 'userId' | 'tokenHash' | 'expiresAt'>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(values);
  }

  /** Locks the row so a token is redeemed once even under concurrent requests. */
  findByHashForUpdate(tokenHash: string, manager: EntityManager): Promise<PasswordResetToken | null> {
    return this.repo(manager)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  async markUsed(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { usedAt: () => 'now()' });
  }

  /** A new reset invalidates older unused links of the same person. */
  async invalidateOpen(userId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ userId, usedAt: IsNull() }, { usedAt: () => 'now()' });
  }
}
