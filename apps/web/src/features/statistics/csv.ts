/**
 * CSV for German Excel: ";" between fields (the comma is the decimal separator there), CRLF line
 * ends and quoting as in RFC 4180, UTF-8 with a byte order mark so Excel does not read umlauts as
 * Windows-1252. Numbers and dates are formatted the German way by the caller (`formatCount`, `formatMonth`).
 */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[";\r\n]|^\s|\s$/;

function field(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? formatCount(value) : value;
  // A leading = + - @ makes Excel evaluate the cell as a formula; a quote character in front keeps it text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: CsvCell[][]): string {
  return BOM + rows.map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

const COUNT = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** 1234 → "1.234", 2.5 → "2,5". */
export const formatCount = (value: number): string => COUNT.format(value);

/** "2025-03" → "03.2025". */
export const formatMonth = (month: string): string => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

/** "2025-03-31" → "31.03.2025". */
export const formatDay = (day: string): string => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** Offers the text as a file download. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
