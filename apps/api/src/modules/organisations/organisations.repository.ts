import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganisationContact } from './entities/organisation-contact.entity.js';
import { Organisation } from './entities/organisation.entity.js';

@Injectable()
export class OrganisationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Organisation);
  }

  findById(id: string, manager?: EntityManager): Promise<Organisation | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  async contactPersonIds(organisationId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(OrganisationContact).find({ where: { organisationId }, select: { userId: true } });
    return rows.map((r) => r.userId);
  }

  /** Active organisations ordered by name, keyset-paginated. */
  page(options: { limit: number; cursor?: { name: string; id: string } }): Promise<Organisation[]> {
    const qb = this.repo()
      .createQueryBuilder('o')
      .where('o.archived_at IS NULL')
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(options.limit + 1);
    if (options.cursor) qb.andWhere('(o.name, o.id) > (:name, :id)', options.cursor);
    return qb.getMany();
  }

  async insert(values: Partial<Organisation>, manager?: EntityManager): Promise<string> {
    const result = await this.repo(manager).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  findByName(name: string, manager?: EntityManager): Promise<Organisation | null> {
    return this.repo(manager).findOne({ where: { name } });
  }

  async addContact(organisationId: string, userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .getRepository(OrganisationContact)
      .upsert({ organisationId, userId }, ['organisationId', 'userId']);
  }
}
