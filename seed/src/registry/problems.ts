/** What is wrong or worth a look in a registry export, and where. */
export const PROBLEM_KINDS = [
  'missing column',
  'unknown column',
  'duplicate column',
  'invalid credit code',
  'missing identity',
  'registration number',
  'missing name',
  'duplicate row',
  'conflicting values',
  'bad date',
  'bad capital',
  'capital unit',
  'bad number',
  'unknown status',
  'suspended',
  'liquidating',
  'left date',
  'dates out of order',
  'branch without parent',
  // Found by the writer, against the database (write/planRegistryImport.ts).
  'matched by name',
  'ambiguous name',
  'no founding date',
  'parent outside',
  'returned',
  'segment missing',
  'not in export',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface RegistryProblem {
  kind: ProblemKind;
  /** error: the firm is held for review or the file cannot be used as is; warning: read, with a note. */
  level: 'error' | 'warning';
  file: string;
  /** The spreadsheet row (header = 1), or null for the file as a whole. */
  row: number | null;
  /** The header as the file writes it. */
  column: string | null;
  value: string | null;
  why: string;
}

/** A sink for problems of one file. */
export class Problems {
  readonly list: RegistryProblem[] = [];
  constructor(readonly file: string) {}
  add(kind: ProblemKind, level: RegistryProblem['level'], where: { row?: number | null; column?: string | null; value?: string | null }, why: string): void {
    this.list.push({ kind, level, file: this.file, row: where.row ?? null, column: where.column ?? null, value: where.value ?? null, why });
  }
}

/** `file:12 [注册资本] "5000" — why` for logs and the CLI. */
export function formatRegistryProblem(p: RegistryProblem): string {
  const at = p.row === null ? p.file : `${p.file}:${p.row}`;
  const col = p.column === null ? '' : ` [${p.column}]`;
  const val = p.value === null ? '' : ` ${JSON.stringify(p.value)}`;
  return `${p.level} ${at}${col}${val} — ${p.kind}: ${p.why}`;
}
