/**
 * The one CSV writer: RFC 4180 (CRLF record ends, a field quoted when it
 * holds a comma, quote, CR or LF, quotes doubled) and safe against
 * spreadsheet formula injection, since ticket subjects, requester names and
 * agent notes are written by customers and agents.
 */

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Spreadsheet apps run a text cell that starts with = + - @ (or a tab or CR
 * that hides one) as a formula. A leading apostrophe makes it text (OWASP's
 * advice). Numbers are written as numbers and never prefixed.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? neutraliseFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as one CSV document (every record ends with CRLF). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A byte-order mark first, so spreadsheet apps read non-ASCII text as UTF-8. */
export function withBom(csv: string): string {
  return `\uFEFF${csv}`;
}
