import { Inject, Injectable } from '@nestjs/common';
import type { FieldOfAction, OrganisationType, SpaceVisibility, TargetGroup } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { containsPattern } from '../../common/text/search-text.js';
import type { UserWithOrganisation } from '../users/users.repository.js';
import { User } from '../users/entities/user.entity.js';
import { OrganisationContact } from './entities/organisation-contact.entity.js';
import { Organisation } from './entities/organisation.entity.js';

export interface OrganisationFilter {
  /** Folded search words (see common/text/search-text.ts); each must occur in `search_text`. */
  terms: string[];
  type?: OrganisationType;
  /** Folded; matched partially against the folded city. */
  city?: string;
  field?: FieldOfAction;
  targetGroup?: TargetGroup;
  /** Which archived organisations to include: none, partner organisations only, or all. */
  archived: 'none' | 'partners' | 'all';
}

export interface OrganisationSpaceRow {
  id: string;
  name: string;
  slug: string;
  visibility: SpaceVisibility;
}

@Injectable()
export class OrganisationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Organisation);
  }

  findById(id: string, manager?: EntityManager): Promise<Organisation | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /** Locks the row for a change (concurrent edits apply one after the other). */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<Organisation | null> {
    return this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async contactPersonIds(organisationId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(OrganisationContact)
      .find({ where: { organisationId }, select: { userId: true } });
    return rows.map((r) => r.userId);
  }

  /** Organisations ordered by name, filtered, keyset-paginated. */
  page(options: { limit: number; cursor?: { name: string; id: string }; filter?: OrganisationFilter }): Promise<Organisation[]> {
    const filter = options.filter ?? { terms: [], archived: 'none' };
    const qb = this.repo()
      .createQueryBuilder('o')
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(options.limit + 1);
    if (filter.archived === 'none') qb.andWhere('o.archived_at IS NULL');
    else if (filter.archived === 'partners') qb.andWhere("(o.archived_at IS NULL OR o.type <> 'service_point')");
    filter.terms.forEach((term, i) => qb.andWhere(`o.search_text LIKE :term${i} ESCAPE '\\'`, { [`term${i}`]: containsPattern(term) }));
    if (filter.type) qb.andWhere('o.type = :type', { type: filter.type });
    if (filter.city) qb.andWhere(`search_fold(ARRAY[o.city::text]) LIKE :city ESCAPE '\\'`, { city: containsPattern(filter.city) });
    if (filter.field) qb.andWhere(':field = ANY(o.fields_of_action)', { field: filter.field });
    if (filter.targetGroup) qb.andWhere(':targetGroup = ANY(o.target_groups)', { targetGroup: filter.targetGroup });
    if (options.cursor) qb.andWhere('(o.name, o.id) > (:name, :id)', options.cursor);
    return qb.getMany();
  }

  async insert(values: Partial<Organisation>, manager?: EntityManager): Promise<string> {
    const result = await this.repo(manager).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(id: string, values: Partial<Organisation>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, values);
  }

  findByName(name: string, manager?: EntityManager): Promise<Organisation | null> {
    return this.repo(manager).findOne({ where: { name } });
  }

  async addContact(organisationId: string, userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .getRepository(OrganisationContact)
      .upsert({ organisationId, userId }, ['organisationId', 'userId']);
  }

  async replaceContacts(organisationId: string, userIds: string[], manager: EntityManager): Promise<void> {
    const contacts = manager.getRepository(OrganisationContact);
    await contacts.delete({ organisationId });
    if (userIds.length > 0) await contacts.insert(userIds.map((userId) => ({ organisationId, userId })));
  }

  /** Of the given people, those who are active members of the organisation. */
  async activeMemberIds(organisationId: string, userIds: string[], manager?: EntityManager): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT id FROM users WHERE organisation_id = $1 AND status = 'active' AND id = ANY($2::uuid[])`,
      [organisationId, userIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Active contact persons, by name. */
  async contactPersons(organisationId: string): Promise<UserWithOrganisation[]> {
    const rows = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .innerJoin(OrganisationContact, 'c', 'c.user_id = u.id AND c.organisation_id = :organisationId', { organisationId })
      .where("u.status = 'active'")
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
    return rows as UserWithOrganisation[];
  }

  /** The first `limit` active members by name, and how many there are. */
  async activeMembers(organisationId: string, limit: number): Promise<{ members: UserWithOrganisation[]; count: number }> {
    const [members, count] = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .where('u.organisation_id = :organisationId', { organisationId })
      .andWhere("u.status = 'active'")
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(limit)
      .getManyAndCount();
    return { members: members as UserWithOrganisation[], count };
  }

  /** Spaces the organisation is a member of (as a whole), before any access check. */
  async memberSpaceIds(organisationId: string): Promise<string[]> {
    const rows: Array<{ space_id: string }> = await this.dataSource.query(
      'SELECT DISTINCT space_id FROM space_members WHERE organisation_id = $1',
      [organisationId],
    );
    return rows.map((r) => r.space_id);
  }

  async spaces(spaceIds: string[]): Promise<OrganisationSpaceRow[]> {
    if (spaceIds.length === 0) return [];
    return this.dataSource.query(
      'SELECT id, name, slug, visibility FROM spaces WHERE id = ANY($1::uuid[]) AND archived_at IS NULL ORDER BY name, id',
      [spaceIds],
    );
  }
}
