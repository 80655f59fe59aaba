// Pure and dependency-free: the explorer imports this in the browser as well.

const NEEDS_QUOTES = /[",\r\n]/;

/** One value as CSV text: null and undefined are empty, lists and maps their JSON text, the rest their string form. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return String(value);
}

/**
 * One CSV record (RFC 4180): a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled; the
 * record ends with CRLF.
 *
 * No guard against spreadsheet formula injection (a field starting with = + - @ run as a formula by Excel): the usual
 * guard prefixes such fields with a quote or a tab, which changes the data for every program that reads the file as
 * what it is, a data file (the exports are meant to be loaded, compared and imported), and it cannot be undone
 * reliably by the reader (a note may really start with "'"). The values are the graph's own ids, names, enums,
 * numbers, dates and notes; someone opening an export in a spreadsheet should import it with the columns as text
 * (the README says so) rather than double-click it.
 */
export function csvRow(values: readonly unknown[]): string {
  return `${values
    .map((value) => {
      const field = text(value);
      return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
    })
    .join(',')}\r\n`;
}
