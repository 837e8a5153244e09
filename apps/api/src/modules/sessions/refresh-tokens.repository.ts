import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { RefreshToken } from './entities/refresh-token.entity.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefreshToken);
  }

  async insert(values: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(values);
  }

  findByHash(tokenHash: string, manager?: EntityManager): Promise<RefreshToken | null> {
    return this.repo(manager).findOne({ where: { tokenHash } });
  }

  /** Marks a token used; false when another request used it first (a replay). */
  async markUsed(id: string, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: () => 'now()' });
    return (result.affected ?? 0) === 1;
  }

  async revokeFamily(familyId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revokeAllForUser(userId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }
}
