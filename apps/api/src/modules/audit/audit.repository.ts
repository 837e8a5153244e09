import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntry } from './entities/audit-entry.entity.js';

@Injectable()
export class AuditRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(entry: Omit<AuditEntry, 'id' | 'createdAt'>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'INSERT INTO audit_log (actor_id, action, entity_type, entity_id, ip, details) VALUES ($1, $2, $3, $4, $5, $6)',
      [entry.actorId, entry.action, entry.entityType, entry.entityId, entry.ip, JSON.stringify(entry.details)],
    );
  }
}
