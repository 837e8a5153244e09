import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Invitation } from './entities/invitation.entity.js';

export type InvitationWithRelations = Invitation & {
  organisation: NonNullable<Invitation['organisation']>;
  invitedBy: NonNullable<Invitation['invitedBy']>;
};

@Injectable()
export class InvitationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Invitation);
  }

  async insert(
    values: Pick<Invitation, 'tokenHash' | 'email' | 'role' | 'organisationId' | 'invitedById' | 'expiresAt'>,
    manager?: EntityManager,
  ): Promise<string> {
    const result = await this.repo(manager).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async findWithRelations(where: { id: string } | { tokenHash: string }, manager?: EntityManager): Promise<InvitationWithRelations | null> {
    const invitation = await this.repo(manager).findOne({ where, relations: { organisation: true, invitedBy: true } });
    return invitation as InvitationWithRelations | null;
  }

  /** Locks the invitation so it is accepted once even under concurrent requests. */
  findByHashForUpdate(tokenHash: string, manager: EntityManager): Promise<Invitation | null> {
    return this.repo(manager)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  /** Locks the invitation row (by id) for a state change. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<Invitation | null> {
    return this.repo(manager).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  /** A new link: the old token hash is replaced, so the old link no longer matches anything. */
  async replaceToken(id: string, tokenHash: string, expiresAt: Date, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { tokenHash, expiresAt });
  }

  async markAccepted(id: string, userId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { acceptedAt: () => 'now()', acceptedUserId: userId });
  }

  /** Revokes open invitations for an address (a new one replaces them). */
  async revokeOpenFor(email: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revoke(id: string, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update({ id, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  async page(options: {
    limit: number;
    invitedById?: string;
    cursor?: { createdAt: string; id: string };
  }): Promise<InvitationWithRelations[]> {
    const qb = this.repo()
      .createQueryBuilder('i')
      .innerJoinAndSelect('i.organisation', 'o')
      .innerJoinAndSelect('i.invitedBy', 'u')
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(options.limit + 1);
    if (options.invitedById) qb.andWhere('i.invited_by_id = :by', { by: options.invitedById });
    if (options.cursor) qb.andWhere('(i.created_at, i.id) < (:createdAt, :id)', options.cursor);
    return (await qb.getMany()) as InvitationWithRelations[];
  }
}
