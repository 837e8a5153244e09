import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { foldSearchText, searchTerms } from '../src/common/text/search-text.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { OrganisationsRepository, type OrganisationFilter } from '../src/modules/organisations/organisations.repository.js';
import { UsersRepository, type UserFilter } from '../src/modules/users/users.repository.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { makeOrganisation, makeUser } from '../../../test/support/factories.js';

describe('directory search on a real database', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let users: UsersRepository;
  let organisations: OrganisationsRepository;
  let orgId: string;
  const ids: Record<string, string> = {};

  async function person(
    key: string,
    displayName: string,
    extra: { languages?: string[]; expertise?: string[]; status?: 'active' | 'disabled' } = {},
  ) {
    const user = await makeUser(db, { displayName, organisationId: orgId, status: extra.status });
    await db.query('UPDATE users SET languages = $2, expertise = $3 WHERE id = $1', [
      user.id,
      extra.languages ?? [],
      extra.expertise ?? [],
    ]);
    ids[key] = user.id;
  }

  const findPeople = async (filter: Partial<UserFilter> & { q?: string }) => {
    const { q, ...rest } = filter;
    const rows = await users.page({ limit: 100, filter: { terms: searchTerms(q), statuses: ['active'], organisationId: orgId, ...rest } });
    return rows.map((r) => r.displayName).sort();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
    users = new UsersRepository(dataSource);
    organisations = new OrganisationsRepository(dataSource);
    orgId = (await makeOrganisation(db, { name: 'Servicestelle Directory Test' })).id;
    await person('mueller', 'Anna Müller', { languages: ['Deutsch', 'Dari'], expertise: ['Pflege-Anerkennung'] });
    await person('muller', 'Zoë Muller', { languages: ['Französisch'], expertise: ['Arbeitsrecht'] });
    await person('weiss', 'Jörg Weiß', { languages: ['DARI', 'Farsi'], expertise: ['Anerkennung akademischer Abschlüsse'] });
    await person('yilmaz', 'Leyla Yılmaz', { languages: ['Türkisch'], expertise: ['Anerkennung Pflegeberufe'] });
    await person('disabled', 'Dora Müller', { languages: ['Dari'], status: 'disabled' });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('folds text in SQL exactly as in TypeScript (German spelling first, plain vowels after)', async () => {
    const samples = ['Jürgen Groß-Öztürk', 'Leyla Yılmaz', 'Łukasz Søren Đorđević', 'José François Dvořák', 'ÄRZTE', 'Dari', 'Æsop Œuvre'];
    for (const sample of samples) {
      const rows = await db.query<{ folded: string }>('SELECT search_fold(ARRAY[$1::text]) AS folded', [sample]);
      const folded = rows[0]!.folded;
      expect(folded.startsWith(foldSearchText(sample))).toBe(true);
    }
    const rows = await db.query<{ folded: string }>('SELECT search_fold(ARRAY[$1::text]) AS folded', ['Müller']);
    expect(rows[0]!.folded).toBe('mueller muller');
  });

  it('finds a name by a partial, umlaut-free or transliterated query', async () => {
    expect(await findPeople({ q: 'muell' })).toEqual(['Anna Müller']);
    expect(await findPeople({ q: 'Müller' })).toEqual(['Anna Müller']);
    expect(await findPeople({ q: 'muller' })).toEqual(['Anna Müller', 'Zoë Muller']);
    expect(await findPeople({ q: 'WEISS' })).toEqual(['Jörg Weiß']);
    expect(await findPeople({ q: 'weiß jörg' })).toEqual(['Jörg Weiß']);
    expect(await findPeople({ q: 'yilm' })).toEqual(['Leyla Yılmaz']);
    expect(await findPeople({ q: 'zoe' })).toEqual(['Zoë Muller']);
  });

  it('searches languages and expertise too', async () => {
    expect(await findPeople({ q: 'dari' })).toEqual(['Anna Müller', 'Jörg Weiß']);
    expect(await findPeople({ q: 'pflege' })).toEqual(['Anna Müller', 'Leyla Yılmaz']);
    expect(await findPeople({ q: 'tuerk' })).toEqual(['Leyla Yılmaz']);
  });

  it('filters by language (whole element, any case) and expertise (partial), combined with AND', async () => {
    expect(await findPeople({ language: 'dari' })).toEqual(['Anna Müller', 'Jörg Weiß']);
    expect(await findPeople({ language: 'Dar' })).toEqual([]);
    expect(await findPeople({ language: 'türkisch' })).toEqual(['Leyla Yılmaz']);
    expect(await findPeople({ expertise: foldSearchText('Pflege') })).toEqual(['Anna Müller', 'Leyla Yılmaz']);
    expect(await findPeople({ language: 'Dari', expertise: foldSearchText('pflege') })).toEqual(['Anna Müller']);
    expect(await findPeople({ expertise: foldSearchText('Abschlüsse') })).toEqual(['Jörg Weiß']);
  });

  it('lists only the requested statuses', async () => {
    expect(await findPeople({ q: 'dora' })).toEqual([]);
    expect(await findPeople({ q: 'dora', statuses: 'all' })).toEqual(['Dora Müller']);
    expect(await findPeople({ q: 'dora', statuses: ['disabled'] })).toEqual(['Dora Müller']);
  });

  it('keeps the search text current whoever changes the row (plain SQL, as an erasure does)', async () => {
    await db.query(`UPDATE users SET display_name = 'Ehemaliges Mitglied', languages = '{}', expertise = '{}' WHERE id = $1`, [ids.yilmaz]);
    expect(await findPeople({ q: 'yilmaz' })).toEqual([]);
    expect(await findPeople({ q: 'ehemalig' })).toEqual(['Ehemaliges Mitglied']);
  });

  it('pages through results by name without repeating or skipping anyone', async () => {
    const seen: string[] = [];
    let cursor: { name: string; id: string } | undefined;
    for (;;) {
      const rows = await users.page({ limit: 2, cursor, filter: { terms: [], statuses: ['active'], organisationId: orgId } });
      const page = rows.slice(0, 2);
      seen.push(...page.map((r) => r.displayName));
      if (rows.length <= 2) break;
      const last = page[page.length - 1]!;
      cursor = { name: last.displayName, id: last.id };
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(4);
  });

  it('uses the trigram index for partial matches', async () => {
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows: Array<{ 'QUERY PLAN': string }> = await manager.query(`EXPLAIN SELECT id FROM users WHERE search_text LIKE '%muell%'`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('IDX_users_search_text');
  });

  describe('organisations', () => {
    const filter = (f: Partial<OrganisationFilter> & { q?: string }): OrganisationFilter => {
      const { q, ...rest } = f;
      return { terms: searchTerms(q), archived: 'none', ...rest };
    };
    const names = async (f: Partial<OrganisationFilter> & { q?: string }) =>
      (await organisations.page({ limit: 100, filter: filter(f) })).map((o) => o.name).filter((n) => n.includes('Probe'));

    beforeAll(async () => {
      const insert = (
        name: string,
        type: string,
        city: string,
        description: string,
        fields: string[],
        groups: string[],
        archived = false,
      ) =>
        db.query(
          `INSERT INTO organisations (name, type, city, description, fields_of_action, target_groups, archived_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [name, type, city, description, fields, groups, archived ? new Date() : null],
        );
      await insert('Probe Pflegedienst Schönebeck', 'business', 'Schönebeck', 'Ambulante Pflege', ['health_care'], ['skilled_workers']);
      await insert('Probe Servicestelle Köthen', 'service_point', 'Köthen (Anhalt)', 'Anerkennungsberatung', ['recognition'], ['migrants']);
      await insert('Probe Bildungswerk Halle', 'education', 'Halle (Saale)', 'Sprachkurse für Geflüchtete', ['language'], ['refugees']);
      await insert('Probe Altverein', 'welfare', 'Halle (Saale)', 'Aufgelöst', ['integration'], ['migrants'], true);
      await insert('Probe Alte Servicestelle', 'service_point', 'Halle (Saale)', 'Aufgelöst', ['recognition'], ['migrants'], true);
    });

    it('searches name, city and description accent-insensitively and partially', async () => {
      expect(await names({ q: 'schoenebeck' })).toEqual(['Probe Pflegedienst Schönebeck']);
      expect(await names({ q: 'schonebeck' })).toEqual(['Probe Pflegedienst Schönebeck']);
      expect(await names({ q: 'koethen' })).toEqual(['Probe Servicestelle Köthen']);
      expect(await names({ q: 'gefluecht' })).toEqual(['Probe Bildungswerk Halle']);
    });

    it('filters by type, city, field of action and target group, combined with AND', async () => {
      expect(await names({ type: 'service_point' })).toEqual(['Probe Servicestelle Köthen']);
      expect(await names({ city: foldSearchText('halle') })).toEqual(['Probe Bildungswerk Halle']);
      expect(await names({ city: foldSearchText('Köthen') })).toEqual(['Probe Servicestelle Köthen']);
      expect(await names({ field: 'health_care' })).toEqual(['Probe Pflegedienst Schönebeck']);
      expect(await names({ targetGroup: 'migrants' })).toEqual(['Probe Servicestelle Köthen']);
      expect(await names({ targetGroup: 'migrants', type: 'business' })).toEqual([]);
    });

    it('hides archived organisations unless asked, and then only those the caller manages', async () => {
      expect(await names({ q: 'aufgeloest' })).toEqual([]);
      expect(await names({ q: 'aufgeloest', archived: 'partners' })).toEqual(['Probe Altverein']);
      expect(await names({ q: 'aufgeloest', archived: 'all' })).toEqual(['Probe Alte Servicestelle', 'Probe Altverein']);
    });
  });
});
