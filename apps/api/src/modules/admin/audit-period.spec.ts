import { describe, expect, it } from '@jest/globals';
import { auditCsvLine, csvField } from './audit-csv.js';
import { auditPeriod, germanDateTime } from './audit-period.js';

describe('auditPeriod', () => {
  it('takes plain dates as whole Europe/Berlin days, also across the clock change', () => {
    // 30 March 2025 has 23 hours in Berlin
    expect(auditPeriod('2025-03-30', '2025-03-30')).toEqual({
      from: new Date('2025-03-29T23:00:00Z'),
      to: new Date('2025-03-30T22:00:00Z'),
    });
    expect(auditPeriod('2025-10-26', '2025-10-26')).toEqual({
      from: new Date('2025-10-25T22:00:00Z'),
      to: new Date('2025-10-26T23:00:00Z'),
    });
  });

  it('takes instants as they are and reads one without an offset as Berlin time', () => {
    expect(auditPeriod('2025-06-01T08:00:00Z', undefined)).toEqual({ from: new Date('2025-06-01T08:00:00Z') });
    expect(auditPeriod(undefined, '2025-06-01T10:00:00')).toEqual({ to: new Date('2025-06-01T08:00:00Z') });
    expect(auditPeriod(undefined, undefined)).toEqual({});
  });

  it('refuses an empty or reversed period and impossible dates with a 400', () => {
    expect(() => auditPeriod('2025-03-31', '2025-03-30')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => auditPeriod('2025-03-30T12:00:00Z', '2025-03-30T12:00:00Z')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => auditPeriod('2025-02-30', undefined)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('audit CSV', () => {
  it('formats German date and time in Berlin', () => {
    expect(germanDateTime(new Date('2025-03-30T21:59:59Z'))).toBe('30.03.2025 23:59:59');
    expect(germanDateTime(new Date('2025-01-05T07:04:03Z'))).toBe('05.01.2025 08:04:03');
  });

  it('quotes separators, quotes and line breaks and keeps formulas as text', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe('');
  });

  it('names the system and unknown actors', () => {
    const base = {
      id: '1',
      action: 'thread.purge',
      entityType: 'thread',
      entityId: 't1',
      ip: null,
      details: {},
      createdAt: '2025-01-01T12:00:00.000Z',
    };
    expect(auditCsvLine({ ...base, actor: null, actorId: null })).toBe('01.01.2025 13:00:00;System;;thread.purge;thread;t1;;\r\n');
    expect(auditCsvLine({ ...base, actor: null, actorId: 'u-gone' })).toBe(
      '01.01.2025 13:00:00;Unbekannt;u-gone;thread.purge;thread;t1;;\r\n',
    );
  });
});
