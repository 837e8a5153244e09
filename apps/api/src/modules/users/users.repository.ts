import { Inject, Injectable } from '@nestjs/common';
import type { Role, UserStatus } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared.js';
import { containsPattern } from '../../common/text/search-text.js';
import { User } from './entities/user.entity.js';

export interface UserAuthState {
  status: UserStatus;
  tokenVersion: number;
  role: Role;
  organisationId: string;
}

export type UserWithOrganisation = User & { organisation: NonNullable<User['organisation']> };

export interface UserFilter {
  /** Folded search words (see common/text/search-text.ts); each must occur in `search_text`. */
  terms: string[];
  statuses: UserStatus[] | 'all';
  organisationId?: string;
  role?: Role;
  language?: string;
  /** Folded; matched partially against each folded area of expertise. */
  expertise?: string;
}

@Injectable()
export class UsersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(User);
  }

  /** Hot path: called on every authenticated request (behind a cache). */
  async findAuthState(id: string): Promise<UserAuthState | null> {
    const rows: Array<{ status: UserStatus; token_version: number; role: Role; organisation_id: string }> = await this.dataSource.query(
      'SELECT status, token_version, role, organisation_id FROM users WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row ? { status: row.status, tokenVersion: row.token_version, role: row.role, organisationId: row.organisation_id } : null;
  }

  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOne({ where: { email } });
  }

  async findWithOrganisation(id: string, manager?: EntityManager): Promise<UserWithOrganisation | null> {
    const user = await this.repo(manager).findOne({ where: { id }, relations: { organisation: true } });
    return user as UserWithOrganisation | null;
  }

  /**
   * People as lists show them (UserSummary: id, name, handle, role, organisation), in one plain
   * statement: no password hashes, profiles or organisation descriptions are read.
   */
  async findManyWithOrganisation(ids: string[]): Promise<UserWithOrganisation[]> {
    if (ids.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await queryPrepared(
      this.dataSource,
      `SELECT u.id, u.display_name, u.handle, u.role, u.organisation_id, o.name AS org_name, o.type AS org_type, o.city AS org_city
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return rows.map(
      (r) =>
        ({
          id: r.id,
          displayName: r.display_name,
          handle: r.handle,
          role: r.role,
          organisationId: r.organisation_id,
          organisation: { id: r.organisation_id, name: r.org_name, type: r.org_type, city: r.org_city },
        }) as UserWithOrganisation,
    );
  }

  async handleExists(handle: string, exceptUserId?: string, manager?: EntityManager): Promise<boolean> {
    const qb = this.repo(manager).createQueryBuilder('u').where('u.handle = :handle', { handle });
    if (exceptUserId) qb.andWhere('u.id <> :id', { id: exceptUserId });
    return (await qb.getCount()) > 0;
  }

  /** Handles starting with `base`, to pick a free one. */
  async handlesLike(base: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.repo(manager)
      .createQueryBuilder('u')
      .select('u.handle', 'handle')
      .where("u.handle LIKE :prefix ESCAPE '\\'", { prefix: base.replace(/[\\%_]/g, (c) => `\\${c}`) + '%' })
      .getRawMany<{ handle: string }>();
    return rows.map((r) => r.handle);
  }

  async insert(values: Partial<User>, manager?: EntityManager): Promise<string> {
    const result = await this.repo(manager).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(id: string, values: Partial<User>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, values);
  }

  async bumpTokenVersion(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).increment({ id }, 'tokenVersion', 1);
  }

  /**
   * The people directory: filters combine with AND; ordered by name, keyset-paginated. Plain SQL with
   * the listed columns only (one statement; a paginated join in the query builder sends two).
   */
  async page(options: { cursor?: { name: string; id: string }; limit: number; filter?: UserFilter }): Promise<UserWithOrganisation[]> {
    const filter = options.filter ?? { terms: [], statuses: ['active'] };
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.statuses !== 'all') where.push(`u.status = ANY(${p(filter.statuses)}::text[])`);
    for (const term of filter.terms) where.push(`u.search_text LIKE ${p(containsPattern(term))} ESCAPE '\\'`);
    if (filter.organisationId) where.push(`u.organisation_id = ${p(filter.organisationId)}`);
    if (filter.role) where.push(`u.role = ${p(filter.role)}`);
    // folded on both sides, so case and accents never matter
    if (filter.language)
      where.push(
        `EXISTS (SELECT 1 FROM unnest(u.languages) l WHERE search_fold(ARRAY[l]) = search_fold(ARRAY[CAST(${p(filter.language)} AS text)]))`,
      );
    if (filter.expertise)
      where.push(
        `EXISTS (SELECT 1 FROM unnest(u.expertise) e WHERE search_fold(ARRAY[e]) LIKE ${p(containsPattern(filter.expertise))} ESCAPE '\\')`,
      );
    if (options.cursor) where.push(`(u.display_name, u.id) > (${p(options.cursor.name)}, ${p(options.cursor.id)})`);
    const rows: Array<Record<string, unknown>> = await queryPrepared(
      this.dataSource,
      `SELECT u.id, u.display_name, u.handle, u.role, u.organisation_id, u.email, u.phone, u.status, u.languages, u.expertise,
              o.name AS org_name, o.type AS org_type, o.city AS org_city
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY u.display_name, u.id
        LIMIT ${p(options.limit + 1)}`,
      params,
    );
    return rows.map(
      (r) =>
        ({
          id: r.id,
          displayName: r.display_name,
          handle: r.handle,
          role: r.role,
          organisationId: r.organisation_id,
          email: r.email,
          phone: r.phone,
          status: r.status,
          languages: r.languages,
          expertise: r.expertise,
          organisation: { id: r.organisation_id, name: r.org_name, type: r.org_type, city: r.org_city },
        }) as UserWithOrganisation,
    );
  }

  /** Active people whose handle or name starts with `q` (for @-mention autocomplete). */
  async mentionCandidates(q: string, limit: number): Promise<UserWithOrganisation[]> {
    const prefix = q.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const rows = await this.repo()
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .where("u.status = 'active'")
      .andWhere('(u.handle ILIKE :prefix OR u.display_name ILIKE :prefix OR u.display_name ILIKE :word)', { prefix, word: `% ${prefix}` })
      .orderBy('u.handle', 'ASC')
      .take(limit)
      .getMany();
    return rows as UserWithOrganisation[];
  }

  async findByHandles(handles: string[], manager?: EntityManager): Promise<Array<Pick<User, 'id' | 'handle' | 'displayName' | 'status'>>> {
    if (handles.length === 0) return [];
    return this.repo(manager).find({
      where: handles.map((handle) => ({ handle })),
      select: { id: true, handle: true, displayName: true, status: true },
    });
  }

  count(manager?: EntityManager): Promise<number> {
    return this.repo(manager).count();
  }
}
