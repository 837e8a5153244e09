import { Routes, type DataExportDto } from '@treffpunkt/contracts';
import type { DataExportRow } from './privacy.repository.js';

/** A ready export past its expiry counts as expired at once, even before the sweep deleted it. */
export function toDataExportDto(row: DataExportRow, now: Date = new Date()): DataExportDto {
  const expired = row.status === 'expired' || (row.status === 'ready' && row.expiresAt !== null && row.expiresAt <= now);
  const status = expired ? 'expired' : row.status;
  return {
    id: row.id,
    status,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    sizeBytes: status === 'ready' && row.sizeBytes !== null ? Number(row.sizeBytes) : null,
    downloadUrl: status === 'ready' ? Routes.privacy.exportDownload(row.id) : null,
  };
}
