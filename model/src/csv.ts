/**
 * The one CSV writer of the project (the export command and the web's export both use it), and the
 * rule the importer uses to read its cells back. Pure: strings in, strings out.
 *
 * - UTF-8 with a byte-order mark (`CSV_BOM`): without it Excel reads UTF-8 as the local code page
 *   and Chinese names turn into mojibake.
 * - RFC 4180: fields joined by commas, records ended by CRLF; a field holding a comma, a quote, a
 *   line break or leading/trailing white space is put in double quotes, a quote inside doubled.
 * - Spreadsheet formula injection (OWASP "CSV injection"): a spreadsheet evaluates a cell whose
 *   text begins with `=`, `+`, `-` or `@` (and tab or CR, which some strip first), so such text is
 *   written with a single quote `'` in front — the quote is the spreadsheet's own "this is text"
 *   mark. Only text is neutralised: a finite number is written as a number (`-5` stays `-5`, so
 *   a numeric column keeps working in the spreadsheet), and so is a boolean. Text that merely
 *   looks like a number (`"-5"` in a name column) is neutralised like any other text.
 * - Reading back (`restoreCell`): a cell that begins with one or more `'` followed by one of those
 *   characters loses its first `'`. The writer adds the quote to exactly those texts — including
 *   text that already began with `'` before a dangerous character — so every text survives the
 *   round trip unchanged, and a text like `'abc` (a quote not before one) is never touched.
 */

/** The UTF-8 byte-order mark, written first. */
export const CSV_BOM = '\ufeff';

/** RFC 4180 ends every record with CRLF. */
export const CSV_EOL = '\r\n';

/** A cell's value: text is neutralised, finite numbers and booleans are written as they are, null/undefined as an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** The characters that make a spreadsheet read a cell as a formula when they come first. */
export const FORMULA_PREFIXES: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

const NEEDS_QUOTE_MARK = /^'*[=+\-@\t\r]/;
const HAS_QUOTE_MARK = /^'+[=+\-@\t\r]/;

/** Text as a spreadsheet will take it as text: `'` in front when it would start a formula (see the file's comment). */
export function neutraliseText(text: string): string {
  return NEEDS_QUOTE_MARK.test(text) ? `'${text}` : text;
}

/** The importer's half: undoes `neutraliseText` and leaves every other cell as it is. */
export function restoreCell(cell: string): string {
  return HAS_QUOTE_MARK.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180 quoting of one field's text (no neutralisation: for writers of other programs' formats). */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One field as written: numbers and booleans as they are, text neutralised, then quoted if needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  // NaN and ±Infinity are not numbers a spreadsheet reads ("-Infinity" would start a formula): text.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return quoteCsvField(neutraliseText(String(value)));
}

/** One record: the fields joined by commas, ended by CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CSV_EOL;
}

/** A whole file: BOM, the header record, then one record per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = CSV_BOM + csvRecord(header);
  for (const r of rows) out += csvRecord(r);
  return out;
}
