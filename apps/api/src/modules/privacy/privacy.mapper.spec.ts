import { describe, expect, it } from '@jest/globals';
import { archiveFileName } from './export-builder.js';
import { toDataExportDto } from './privacy.mapper.js';
import type { DataExportRow } from './privacy.repository.js';

const row = (overrides: Partial<DataExportRow> = {}): DataExportRow => ({
  id: '5d0c7b1e-0000-4000-8000-000000000001',
  userId: 'u1',
  status: 'ready',
  attempts: 1,
  createdAt: new Date('2026-11-24T09:00:00Z'),
  finishedAt: new Date('2026-11-24T09:00:05Z'),
  expiresAt: new Date('2026-12-01T09:00:05Z'),
  sizeBytes: '2048',
  ...overrides,
});

describe('toDataExportDto', () => {
  it('offers the download of a ready export until it expires', () => {
    expect(toDataExportDto(row(), new Date('2026-11-30T00:00:00Z'))).toEqual({
      id: row().id,
      status: 'ready',
      createdAt: '2026-11-24T09:00:00.000Z',
      finishedAt: '2026-11-24T09:00:05.000Z',
      expiresAt: '2026-12-01T09:00:05.000Z',
      sizeBytes: 2048,
      downloadUrl: `/api/users/me/export/${row().id}/download`,
    });
  });

  it('treats a ready export past its expiry as expired before the sweep ran', () => {
    expect(toDataExportDto(row(), new Date('2026-12-01T09:00:05Z'))).toMatchObject({
      status: 'expired',
      downloadUrl: null,
      sizeBytes: null,
    });
  });

  it('has no download while queued, running or failed', () => {
    for (const status of ['queued', 'running', 'failed'] as const) {
      expect(toDataExportDto(row({ status, finishedAt: null, expiresAt: null, sizeBytes: null }))).toMatchObject({
        status,
        downloadUrl: null,
      });
    }
  });
});

describe('archiveFileName', () => {
  it('keeps a readable name that is one safe path segment on every system', () => {
    expect(archiveFileName('Merkblatt: Anerkennung?.pdf')).toBe('Merkblatt_ Anerkennung_.pdf');
    expect(archiveFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(archiveFileName('Bericht.')).toBe('Bericht_');
    expect(archiveFileName('a\u202Efdp.exe')).toBe('afdp.exe');
  });
});
