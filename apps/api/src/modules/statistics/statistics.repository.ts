import { Inject, Injectable } from '@nestjs/common';
import type { OrganisationType, StatsDimension } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Consultation } from './entities/consultation.entity.js';

/** A consultation with the names the list shows. `date` is always 'YYYY-MM-DD' (never a JS Date). */
export interface ConsultationRow extends Omit<Consultation, 'servicePoint' | 'author' | 'referredToOrganisation'> {
  servicePointName: string;
  referredToName: string | null;
}

export type ConsultationValues = Pick<
  Consultation,
  | 'date'
  | 'servicePointId'
  | 'topic'
  | 'channel'
  | 'language'
  | 'countryOfQualification'
  | 'occupationGroup'
  | 'outcome'
  | 'referredToOrganisationId'
  | 'note'
>;

export interface CountRow {
  k1: string | null;
  k2: string | null;
  n: number;
}

export interface OrganisationOption {
  id: string;
  name: string;
  type: OrganisationType;
  archived: boolean;
}

/** SQL expression per dimension; only these fixed strings ever reach the query text. */
const DIMENSION_SQL: Record<StatsDimension, string> = {
  month: `to_char(c.date, 'YYYY-MM')`,
  servicePoint: 'c.service_point_id::text',
  topic: 'c.topic',
  channel: 'c.channel',
  language: 'c.language',
  country: 'c.country_of_qualification',
  outcome: 'c.outcome',
  referredTo: 'c.referred_to_organisation_id::text',
};

const SELECT_ROW = `
  SELECT c.id, to_char(c.date, 'YYYY-MM-DD') AS "date", c.service_point_id AS "servicePointId", sp.name AS "servicePointName",
         c.author_id AS "authorId", c.topic, c.channel, c.language, c.country_of_qualification AS "countryOfQualification",
         c.occupation_group AS "occupationGroup", c.outcome, c.referred_to_organisation_id AS "referredToOrganisationId",
         ro.name AS "referredToName", c.note, c.created_at AS "createdAt", c.updated_at AS "updatedAt"
    FROM consultations c
    JOIN organisations sp ON sp.id = c.service_point_id
    LEFT JOIN organisations ro ON ro.id = c.referred_to_organisation_id`;

@Injectable()
export class StatisticsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insertConsultation(values: ConsultationValues & { authorId: string }, manager: EntityManager): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO consultations (date, service_point_id, author_id, topic, channel, language, country_of_qualification,
                                  occupation_group, outcome, referred_to_organisation_id, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        values.date,
        values.servicePointId,
        values.authorId,
        values.topic,
        values.channel,
        values.language,
        values.countryOfQualification,
        values.occupationGroup,
        values.outcome,
        values.referredToOrganisationId,
        values.note,
      ],
    );
    return rows[0]!.id;
  }

  /** Many rows in one statement (demo data). */
  async insertMany(values: (ConsultationValues & { authorId: string | null; createdAt: Date })[], manager: EntityManager): Promise<void> {
    if (values.length === 0) return;
    const column = <K extends keyof (typeof values)[number]>(key: K) => values.map((v) => v[key]);
    await manager.query(
      `INSERT INTO consultations (date, service_point_id, author_id, topic, channel, language, country_of_qualification,
                                  occupation_group, outcome, referred_to_organisation_id, note, created_at, updated_at)
       SELECT d, sp, a, t, ch, l, co, og, o, r, n, ca, ca
         FROM unnest($1::date[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],
                     $8::varchar[], $9::varchar[], $10::uuid[], $11::varchar[], $12::timestamptz[])
           AS v(d, sp, a, t, ch, l, co, og, o, r, n, ca)`,
      [
        column('date'),
        column('servicePointId'),
        column('authorId'),
        column('topic'),
        column('channel'),
        column('language'),
        column('countryOfQualification'),
        column('occupationGroup'),
        column('outcome'),
        column('referredToOrganisationId'),
        column('note'),
        column('createdAt'),
      ],
    );
  }

  async findConsultation(id: string, manager?: EntityManager): Promise<ConsultationRow | null> {
    const rows: ConsultationRow[] = await this.m(manager).query(`${SELECT_ROW} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Locks the row for a change (author edits are checked against the row as it is). */
  async lockConsultation(id: string, manager: EntityManager): Promise<ConsultationRow | null> {
    const rows: ConsultationRow[] = await manager.query(`${SELECT_ROW} WHERE c.id = $1 FOR UPDATE OF c`, [id]);
    return rows[0] ?? null;
  }

  async updateConsultation(id: string, values: ConsultationValues, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE consultations SET date = $2, service_point_id = $3, topic = $4, channel = $5, language = $6,
              country_of_qualification = $7, occupation_group = $8, outcome = $9, referred_to_organisation_id = $10,
              note = $11, updated_at = now()
        WHERE id = $1`,
      [
        id,
        values.date,
        values.servicePointId,
        values.topic,
        values.channel,
        values.language,
        values.countryOfQualification,
        values.occupationGroup,
        values.outcome,
        values.referredToOrganisationId,
        values.note,
      ],
    );
  }

  async deleteConsultation(id: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM consultations WHERE id = $1', [id]);
  }

  /** Newest entries first (by recording time), keyset-paginated; `authorId` null = everyone's. */
  consultationPage(options: {
    authorId: string | null;
    from?: string;
    to?: string;
    limit: number;
    cursor?: { ts: string; id: string };
  }): Promise<ConsultationRow[]> {
    const params: unknown[] = [options.limit + 1];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (options.authorId !== null) where.push(`c.author_id = ${param(options.authorId)}`);
    if (options.from) where.push(`c.date >= ${param(options.from)}::date`);
    if (options.to) where.push(`c.date <= ${param(options.to)}::date`);
    if (options.cursor) where.push(`(c.created_at, c.id) < (${param(options.cursor.ts)}::timestamptz, ${param(options.cursor.id)}::uuid)`);
    return this.dataSource.query(
      `${SELECT_ROW} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.created_at DESC, c.id DESC LIMIT $1`,
      params,
    );
  }

  /** Counts per value of one or two dimensions, in the date range, optionally for one service point. */
  async countBy(dimensions: StatsDimension[], range: { from: string; to: string; servicePointId: string | null }): Promise<CountRow[]> {
    const [first, second] = dimensions;
    const k1 = DIMENSION_SQL[first!];
    const k2 = second ? DIMENSION_SQL[second] : 'NULL';
    const where = ['c.date BETWEEN $1::date AND $2::date'];
    const params: unknown[] = [range.from, range.to];
    if (range.servicePointId) where.push(`c.service_point_id = $${params.push(range.servicePointId)}`);
    // A referral statistic counts referrals: consultations without a referral organisation are no row of it.
    if (dimensions.includes('referredTo')) where.push(`c.outcome = 'referred' AND c.referred_to_organisation_id IS NOT NULL`);
    const rows: { k1: string | null; k2: string | null; n: string }[] = await this.dataSource.query(
      `SELECT ${k1} AS k1, ${k2} AS k2, count(*) AS n FROM consultations c WHERE ${where.join(' AND ')} GROUP BY 1, 2`,
      params,
    );
    return rows.map((r) => ({ k1: r.k1, k2: r.k2, n: Number(r.n) }));
  }

  async organisations(ids?: string[]): Promise<OrganisationOption[]> {
    const rows: OrganisationOption[] = await this.dataSource.query(
      `SELECT id, name, type, archived_at IS NOT NULL AS archived FROM organisations ${ids ? 'WHERE id = ANY($1::uuid[])' : 'WHERE archived_at IS NULL'} ORDER BY name, id`,
      ids ? [ids] : [],
    );
    return rows;
  }

  async organisation(id: string, manager?: EntityManager): Promise<OrganisationOption | null> {
    const rows: OrganisationOption[] = await this.m(manager).query(
      'SELECT id, name, type, archived_at IS NOT NULL AS archived FROM organisations WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async countConsultations(manager?: EntityManager): Promise<number> {
    const rows: { n: string }[] = await this.m(manager).query('SELECT count(*) AS n FROM consultations');
    return Number(rows[0]?.n ?? 0);
  }
}
