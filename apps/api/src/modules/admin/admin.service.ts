import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type AdminSpaceDto, type AuditEntryDto, type AuditLogQuery, type Page } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { decodeCursor, encodeCursor } from '../../common/http/cursor.js';
import { AccessService } from '../access/access.service.js';
import { AuditRepository, type AuditLogFilter } from '../audit/audit.repository.js';
import { AdminRepository } from './admin.repository.js';
import { AUDIT_CSV_HEADER, CSV_BOM, auditCsvLine } from './audit-csv.js';
import { auditPeriod } from './audit-period.js';
import { toAdminSpaceDto, toAuditEntryDto } from './admin.mapper.js';

const DEFAULT_LIMIT = 50;
/** Rows fetched per round trip while streaming the CSV export. */
const CSV_BATCH = 1000;

@Injectable()
export class AdminService {
  constructor(
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(AdminRepository) private readonly admin: AdminRepository,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  /** One page of the audit log, newest first. */
  async auditLog(query: AuditLogQuery): Promise<Page<AuditEntryDto>> {
    const filter = this.filter(query);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.audit.findPage(filter, limit + 1);
    const items = rows.slice(0, limit).map(toAuditEntryDto);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  }

  /**
   * Every entry matching the filters as CSV, produced batch by batch so a large log never sits in
   * memory. Filters are validated before the first byte, so bad input is still a 400.
   */
  auditLogCsv(query: AuditLogQuery): Readable {
    const filter = this.filter(query);
    const audit = this.audit;
    async function* lines(): AsyncGenerator<string> {
      yield CSV_BOM + AUDIT_CSV_HEADER;
      let beforeId = filter.beforeId;
      for (;;) {
        const rows = await audit.findPage({ ...filter, ...(beforeId === undefined ? {} : { beforeId }) }, CSV_BATCH);
        let chunk = '';
        for (const row of rows) chunk += auditCsvLine(toAuditEntryDto(row));
        if (chunk) yield chunk;
        const last = rows[rows.length - 1];
        if (rows.length < CSV_BATCH || !last) return;
        beforeId = last.id;
      }
    }
    return Readable.from(lines(), { objectMode: false });
  }

  /** Every space the person may see (admins: all), archived ones too, with member counts. */
  async spaces(user: AuthUser): Promise<Page<AdminSpaceDto>> {
    const visible = await this.access.visibleSpaces(user);
    const manageable = [...visible.entries()].filter(([, access]) => access.permissions.manage).map(([id]) => id);
    return { items: (await this.admin.spacesOverview(manageable)).map(toAdminSpaceDto), nextCursor: null };
  }

  private filter(query: AuditLogQuery): AuditLogFilter {
    const cursor = decodeCursor(query.cursor, ['id'] as const);
    if (cursor && !/^\d{1,19}$/.test(cursor.id)) throw new DomainError(400, ErrorCode.ValidationFailed, 'cursor is not valid');
    return {
      ...(query.actor ? { actorId: query.actor } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.entityType ? { entityType: query.entityType } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...auditPeriod(query.from, query.to),
      ...(cursor ? { beforeId: cursor.id } : {}),
    };
  }
}
