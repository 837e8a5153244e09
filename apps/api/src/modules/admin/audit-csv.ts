import type { AuditEntryDto } from '@treffpunkt/contracts';
import { germanDateTime } from './audit-period.js';

/** CSV for German Excel: `;`, CRLF, RFC 4180 quoting, UTF-8 with a byte order mark. */
export const CSV_BOM = '\uFEFF';
const NEEDS_QUOTES = /[";\r\n]|^\s|\s$/;

export function csvField(value: string | null): string {
  if (value === null || value === '') return '';
  // A leading = + - @ makes Excel evaluate the cell as a formula; a quote character in front keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: Array<string | null>): string => `${cells.map(csvField).join(';')}\r\n`;

export const AUDIT_CSV_HEADER = csvLine([
  'Zeitpunkt',
  'Person',
  'Personen-ID',
  'Aktion',
  'Objekttyp',
  'Objekt-ID',
  'IP-Adresse',
  'Details',
]);

export function auditCsvLine(entry: AuditEntryDto): string {
  const details = Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : null;
  return csvLine([
    germanDateTime(new Date(entry.createdAt)),
    entry.actor ? `${entry.actor.displayName} (@${entry.actor.handle})` : entry.actorId === null ? 'System' : 'Unbekannt',
    entry.actorId,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.ip,
    details,
  ]);
}
