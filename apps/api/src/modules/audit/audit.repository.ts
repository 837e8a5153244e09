import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntry } from './entities/audit-entry.entity.js';

/** Filters of the audit log viewer, already validated and resolved to instants. */
export interface AuditLogFilter {
  actorId?: string;
  /** Exact action, or a prefix when it ends in a dot. */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  /** Rows older than this id (keyset pagination, newest first). */
  beforeId?: string;
}

export interface AuditLogRow {
  id: string;
  actorId: string | null;
  actor: { id: string; displayName: string; handle: string; role: Role } | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

interface RawAuditRow {
  id: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  created_at: Date;
  actor_display_name: string | null;
  actor_handle: string | null;
  actor_role: Role | null;
}

/**
 * The only code that touches audit_log. The table is append-only (database triggers refuse UPDATE,
 * DELETE and TRUNCATE), so this repository only inserts and reads.
 */
@Injectable()
export class AuditRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(entry: Omit<AuditEntry, 'id' | 'createdAt'>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'INSERT INTO audit_log (actor_id, action, entity_type, entity_id, ip, details) VALUES ($1, $2, $3, $4, $5, $6)',
      [entry.actorId, entry.action, entry.entityType, entry.entityId, entry.ip, JSON.stringify(entry.details)],
    );
  }

  /** Newest first by id (the insertion order), at most `limit` rows, with the actor's current name. */
  async findPage(filter: AuditLogFilter, limit: number): Promise<AuditLogRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.actorId !== undefined) add((p) => `a.actor_id = ${p}`, filter.actorId);
    if (filter.action !== undefined) {
      if (filter.action.endsWith('.')) add((p) => `starts_with(a.action, ${p})`, filter.action);
      else add((p) => `a.action = ${p}`, filter.action);
    }
    if (filter.entityType !== undefined) add((p) => `a.entity_type = ${p}`, filter.entityType);
    if (filter.entityId !== undefined) add((p) => `a.entity_id = ${p}`, filter.entityId);
    if (filter.from !== undefined) add((p) => `a.created_at >= ${p}`, filter.from);
    if (filter.to !== undefined) add((p) => `a.created_at < ${p}`, filter.to);
    if (filter.beforeId !== undefined) add((p) => `a.id < ${p}::bigint`, filter.beforeId);
    params.push(limit);
    const rows = await this.dataSource.query<RawAuditRow[]>(
      `SELECT a.id::text AS id, a.actor_id, a.action, a.entity_type, a.entity_id, a.ip, a.details, a.created_at,
              u.display_name AS actor_display_name, u.handle AS actor_handle, u.role AS actor_role
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.id DESC
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actor:
        r.actor_id !== null && r.actor_display_name !== null && r.actor_handle !== null && r.actor_role !== null
          ? { id: r.actor_id, displayName: r.actor_display_name, handle: r.actor_handle, role: r.actor_role }
          : null,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      ip: r.ip,
      details: r.details,
      createdAt: r.created_at,
    }));
  }
}
