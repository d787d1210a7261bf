import { quoteCsvField } from '@cangshan/model';

/** One parsed CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` for a quote inside,
 * quoted fields may span lines; CRLF or LF; a UTF-8 BOM is ignored. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (src[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError('unterminated quoted field', start);
          const ch = src[i];
          if (ch === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        if (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') throw new CsvSyntaxError('unexpected text after a closing quote', line);
      } else {
        while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          if (src[i] === '"') throw new CsvSyntaxError('a quote inside an unquoted field (quote the whole field and double the quote)', line);
          cell += src[i];
          i++;
        }
      }
      cells.push(cell);
      cell = '';
      if (i >= n) atRecordEnd = true;
      else if (src[i] === ',') i++;
      else {
        if (src[i] === '\r') i++;
        if (src[i] === '\n') i++;
        line++;
        atRecordEnd = true;
      }
    }
    if (!(cells.length === 1 && cells[0] === '')) out.push({ line: start, cells });
  }
  return out;
}

/**
 * One record of plain RFC 4180 fields, LF-ended, with no formula neutralisation: for files that
 * imitate other programs' exports (the registry generator). The import format's own files are
 * written by the model's CSV writer (writeDataFiles.ts).
 */
export function csvLine(cells: readonly string[]): string {
  return cells.map(quoteCsvField).join(',') + '\n';
}
