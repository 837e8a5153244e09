import { Inject, Injectable } from '@nestjs/common';
import {
  CONSULTATION_CHANNELS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPICS,
  hasPermission,
  type ConsultationDto,
  type ConsultationListQuery,
  type ConsultationOptionsDto,
  type ConsultationStatsDto,
  type ConsultationStatsQuery,
  type CreateConsultationRequest,
  type Page,
  type StatsDimension,
  type StatsKey,
  type UpdateConsultationRequest,
} from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { forbidden, notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, toPage } from '../../common/http/cursor.js';
import { inTransaction } from '../../database/transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { detectPii } from '../forum/pii/pii-detector.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { addMonths, berlinToday, firstOfMonth, lastOfMonth, monthsBetween } from './calendar.js';
import { exactTable, protectTable } from './disclosure-control.js';
import { consultationLocked, invalidConsultation, notePiiSuspected } from './statistics.errors.js';
import { editDeadline, toConsultationDto } from './statistics.mapper.js';
import { StatisticsRepository, type ConsultationRow, type ConsultationValues } from './statistics.repository.js';

interface WriteContext {
  user: AuthUser;
  ip: string;
}

/** Nothing before this day is a plausible consultation of the network (typos like 0202-…). */
const EARLIEST_DAY = '2000-01-01';
/** Ten years: long enough for any report, short enough for a month table of bounded size. */
const MAX_RANGE_MONTHS = 120;
/** German alphabetical order (Ä with A), whatever the database collation. */
const BY_NAME = new Intl.Collator('de');

@Injectable()
export class StatisticsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(StatisticsRepository) private readonly repository: StatisticsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  // ── recording ──────────────────────────────────────────────────────────────────────────────

  async options(user: AuthUser): Promise<ConsultationOptionsDto> {
    const organisations = (await this.repository.organisations()).sort((a, b) => BY_NAME.compare(a.name, b.name));
    const servicePoints = organisations.filter((o) => o.type === 'service_point');
    return {
      servicePoints: servicePoints.map(({ id, name }) => ({ id, name })),
      referralOrganisations: organisations.map(({ id, name, type }) => ({ id, name, type })),
      defaultServicePointId: servicePoints.some((o) => o.id === user.organisationId) ? user.organisationId : null,
    };
  }

  async create(ctx: WriteContext, request: CreateConsultationRequest, idempotencyKey?: string): Promise<ConsultationDto> {
    const values: ConsultationValues = {
      date: request.date,
      servicePointId: request.servicePointId ?? ctx.user.organisationId,
      topic: request.topic,
      channel: request.channel,
      language: request.language ?? null,
      countryOfQualification: request.countryOfQualification ?? null,
      occupationGroup: request.occupationGroup ?? null,
      outcome: request.outcome ?? null,
      referredToOrganisationId: request.referredToOrganisationId ?? null,
      note: request.note ?? null,
    };
    await this.validate(values, request.servicePointId === undefined);
    const id = await this.idempotency.run(ctx.user.id, idempotencyKey, 'POST /consultations', (manager) =>
      this.repository.insertConsultation({ ...values, authorId: ctx.user.id }, manager),
    );
    return this.get(ctx.user, id);
  }

  async list(user: AuthUser, query: ConsultationListQuery): Promise<Page<ConsultationDto>> {
    const limit = query.limit ?? 30;
    const cursor = decodeCursor(query.cursor, ['ts', 'id'] as const);
    const rows = await this.repository.consultationPage({
      authorId: hasPermission(user.role, 'statistics.view_all') ? null : user.id,
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      limit,
      ...(cursor ? { cursor } : {}),
    });
    const now = new Date();
    return toPage(
      rows,
      limit,
      (r) => toConsultationDto(r, user.id, now),
      (r) => ({ ts: r.createdAt.toISOString(), id: r.id }),
    );
  }

  async get(user: AuthUser, id: string): Promise<ConsultationDto> {
    const row = await this.repository.findConsultation(id);
    if (!row || !this.canSee(user, row)) throw notFound('Consultation');
    return toConsultationDto(row, user.id);
  }

  /** The author, within CONSULTATION_EDIT_DAYS; audited with the names of the changed fields (codes only, never the note). */
  async update(ctx: WriteContext, id: string, request: UpdateConsultationRequest): Promise<ConsultationDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.requireEditable(ctx.user, id, manager);
      const outcome = request.outcome === undefined ? row.outcome : request.outcome;
      const values: ConsultationValues = {
        date: request.date ?? row.date,
        servicePointId: request.servicePointId ?? row.servicePointId,
        topic: request.topic ?? row.topic,
        channel: request.channel ?? row.channel,
        language: request.language === undefined ? row.language : request.language,
        countryOfQualification: request.countryOfQualification === undefined ? row.countryOfQualification : request.countryOfQualification,
        occupationGroup: request.occupationGroup === undefined ? row.occupationGroup : request.occupationGroup,
        outcome,
        // Changing the outcome away from "referred" drops the referral with it.
        referredToOrganisationId:
          request.referredToOrganisationId !== undefined
            ? request.referredToOrganisationId
            : outcome === 'referred'
              ? row.referredToOrganisationId
              : null,
        note: request.note === undefined ? row.note : request.note,
      };
      await this.validate(values, false, manager);
      const changed = (Object.keys(values) as (keyof ConsultationValues)[]).filter((key) => values[key] !== row[key]);
      if (changed.length === 0) return;
      await this.repository.updateConsultation(id, values, manager);
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'consultation.update',
          entityType: 'consultation',
          entityId: id,
          ip: ctx.ip,
          details: { fields: changed },
        },
        manager,
      );
    });
    return this.get(ctx.user, id);
  }

  async remove(ctx: WriteContext, id: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.requireEditable(ctx.user, id, manager);
      await this.repository.deleteConsultation(id, manager);
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'consultation.delete',
          entityType: 'consultation',
          entityId: id,
          ip: ctx.ip,
          details: { date: row.date, servicePointId: row.servicePointId },
        },
        manager,
      );
    });
  }

  // ── statistics ─────────────────────────────────────────────────────────────────────────────

  /**
   * Counts by one or two dimensions. Advisors see their own service point only; everyone without
   * 'statistics.exact' gets whole months and disclosure-controlled numbers (see disclosure-control.ts):
   * with day-exact ranges, two overlapping ranges would differ by single consultations.
   */
  async stats(user: AuthUser, query: ConsultationStatsQuery): Promise<ConsultationStatsDto> {
    const dimensions = query.groupBy.split(',') as StatsDimension[];
    if (dimensions[0] === dimensions[1]) throw invalidConsultation('groupBy must name two different dimensions');
    const exact = hasPermission(user.role, 'statistics.exact');
    const today = berlinToday();
    let from = query.from ?? addMonths(today, -11);
    let to = query.to ?? today;
    if (from > to) throw invalidConsultation('from must not be after to');
    if (!exact) [from, to] = [firstOfMonth(from), lastOfMonth(to)];
    if (monthsBetween(from, to).length > MAX_RANGE_MONTHS)
      throw invalidConsultation(`The range must not exceed ${MAX_RANGE_MONTHS} months`);

    let servicePointId = query.servicePointId ?? null;
    if (!hasPermission(user.role, 'statistics.view_all')) {
      if (servicePointId !== null && servicePointId !== user.organisationId)
        throw forbidden('Advisors see the statistics of their own service point only');
      servicePointId = user.organisationId;
    }
    const servicePoint = servicePointId ? await this.repository.organisation(servicePointId) : null;
    if (servicePointId && !servicePoint) throw notFound('Service point');

    const counts = await this.repository.countBy(dimensions, { from, to, servicePointId });
    const keyLists = await Promise.all(
      dimensions.map((dimension, index) =>
        this.keysOf(dimension, index === 0 ? counts.map((c) => c.k1) : counts.map((c) => c.k2), { from, to, servicePointId }),
      ),
    );
    const rows = keyLists[0]!;
    const columns = keyLists[1] ?? [];
    const twoDimensional = dimensions.length === 2;
    const index = (keys: StatsKey[]) => new Map(keys.map((k, i) => [k.key, i]));
    const rowIndex = index(rows);
    const columnIndex = index(columns);
    const matrix = rows.map(() => Array.from({ length: twoDimensional ? columns.length : 1 }, () => 0));
    for (const c of counts) {
      const i = rowIndex.get(c.k1);
      const j = twoDimensional ? columnIndex.get(c.k2) : 0;
      if (i !== undefined && j !== undefined) matrix[i]![j]! += c.n;
    }
    const table = exact ? exactTable(matrix, twoDimensional) : protectTable(matrix, twoDimensional);
    return {
      from,
      to,
      groupBy: dimensions,
      servicePoint: servicePoint ? { id: servicePoint.id, name: servicePoint.name } : null,
      disclosureControl: !exact,
      rows,
      columns,
      ...table,
    };
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  private canSee(user: AuthUser, row: ConsultationRow): boolean {
    return hasPermission(user.role, 'statistics.view_all') || row.authorId === user.id;
  }

  /** Not visible → 404; visible but someone else's → 403; older than the edit window → 409. */
  private async requireEditable(user: AuthUser, id: string, manager: EntityManager): Promise<ConsultationRow> {
    const row = await this.repository.lockConsultation(id, manager);
    if (!row || !this.canSee(user, row)) throw notFound('Consultation');
    if (row.authorId !== user.id) throw forbidden('Only the person who recorded an entry changes or deletes it');
    if (editDeadline(row.createdAt) <= new Date()) throw consultationLocked();
    return row;
  }

  private async validate(values: ConsultationValues, defaultServicePoint: boolean, manager?: EntityManager): Promise<void> {
    if (values.date > berlinToday()) throw invalidConsultation('date must not be in the future');
    if (values.date < EARLIEST_DAY) throw invalidConsultation(`date must not be before ${EARLIEST_DAY}`);
    const servicePoint = await this.repository.organisation(values.servicePointId, manager);
    if (!servicePoint || servicePoint.archived || servicePoint.type !== 'service_point') {
      throw invalidConsultation(
        defaultServicePoint
          ? 'Your organisation is not a service point: choose the servicePointId the consultation took place at'
          : 'servicePointId must be an active service point',
      );
    }
    if (values.outcome === 'referred') {
      if (!values.referredToOrganisationId) throw invalidConsultation('A referral needs referredToOrganisationId');
      const target = await this.repository.organisation(values.referredToOrganisationId, manager);
      if (!target || target.archived) throw invalidConsultation('referredToOrganisationId must be an organisation of the directory');
    } else if (values.referredToOrganisationId) {
      throw invalidConsultation('referredToOrganisationId is only allowed with the outcome "referred"');
    }
    if (values.note) {
      const findings = detectPii(values.note, 'body');
      if (findings.length > 0) throw notePiiSuspected(findings);
    }
  }

  /** The rows or columns of a statistic: complete for months and fixed lists, the values found otherwise. */
  private async keysOf(
    dimension: StatsDimension,
    found: (string | null)[],
    scope: { from: string; to: string; servicePointId: string | null },
  ): Promise<StatsKey[]> {
    const codes = (values: readonly (string | null)[]): StatsKey[] => values.map((key) => ({ key, label: null }));
    const present = [...new Set(found)];
    const withUnknownLast = (known: readonly string[]) => codes(present.includes(null) ? [...known, null] : known);
    switch (dimension) {
      case 'month':
        return codes(monthsBetween(scope.from, scope.to));
      case 'topic':
        return codes(CONSULTATION_TOPICS);
      case 'channel':
        return codes(CONSULTATION_CHANNELS);
      case 'outcome':
        return withUnknownLast(CONSULTATION_OUTCOMES);
      case 'language':
      case 'country':
        return withUnknownLast(present.filter((k): k is string => k !== null).sort());
      case 'servicePoint':
      case 'referredTo': {
        const ids = present.filter((k): k is string => k !== null);
        // Every active service point is a row, also one without consultations (that is a finding too).
        if (dimension === 'servicePoint') {
          if (scope.servicePointId) ids.push(scope.servicePointId);
          else for (const o of await this.repository.organisations()) if (o.type === 'service_point') ids.push(o.id);
        }
        const organisations = await this.repository.organisations([...new Set(ids)]);
        return organisations.sort((a, b) => BY_NAME.compare(a.name, b.name)).map((o) => ({ key: o.id, label: o.name }));
      }
    }
  }
}
