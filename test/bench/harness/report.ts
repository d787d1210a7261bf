import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ALL_SUITES } from '../config.ts';

/** A goal of the benchmark (docs/BENCH.md), checked against either the ratio (ours / baseline) or our absolute figure. */
export interface Goal {
  on: 'ratio' | 'ours';
  op: '<=' | '>=';
  target: number;
}

export interface BenchRow {
  suite: string;
  case: string;
  metric: string;
  unit: string;
  ours: number;
  /** The same-run baseline's figure; null when the row is absolute (browser, memory, work counts). */
  baseline: number | null;
  baselineName?: string;
  goal?: Goal;
  note?: string;
}

export interface ScoredRow extends BenchRow {
  ratio: number | null;
  status: 'met' | 'NOT MET' | 'info' | 'error';
}

export function score(row: BenchRow): ScoredRow {
  const ratio = row.baseline !== null && row.baseline !== 0 && Number.isFinite(row.ours) ? row.ours / row.baseline : null;
  if (!Number.isFinite(row.ours)) return { ...row, ratio, status: 'error' };
  if (!row.goal) return { ...row, ratio, status: 'info' };
  const v = row.goal.on === 'ratio' ? ratio : row.ours;
  if (v === null) return { ...row, ratio, status: 'error' };
  const ok = row.goal.op === '<=' ? v <= row.goal.target : v >= row.goal.target;
  return { ...row, ratio, status: ok ? 'met' : 'NOT MET' };
}

export function goalText(g: Goal | undefined): string {
  if (!g) return '';
  return g.on === 'ratio' ? `${g.op} ${g.target}×` : `${g.op} ${g.target}`;
}

function fmt(n: number | null): string {
  if (n === null) return '';
  if (!Number.isFinite(n)) return 'n/a';
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString('en-US');
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

const HEADERS = ['suite', 'case', 'metric', 'ours', 'baseline', 'ratio', 'goal', 'status'] as const;

function cells(r: ScoredRow): string[] {
  return [
    r.suite,
    r.case,
    `${r.metric} (${r.unit})`,
    fmt(r.ours),
    r.baseline === null ? '' : `${fmt(r.baseline)}${r.baselineName ? ` ${r.baselineName}` : ''}`,
    r.ratio === null ? '' : `${fmt(r.ratio)}×`,
    goalText(r.goal),
    r.status,
  ];
}

/** Width in terminal columns: CJK characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function textTable(rows: readonly ScoredRow[]): string {
  const body = rows.map(cells);
  const w = HEADERS.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i] ?? ''))));
  const line = (c: readonly string[]): string => c.map((x, i) => x + ' '.repeat((w[i] ?? 0) - width(x))).join('  ');
  return [line(HEADERS), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
}

export function markdownTable(rows: readonly ScoredRow[]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}

export interface Machine {
  cpu: string;
  cores: number;
  memGb: number;
  node: string;
  java: string;
  os: string;
  at: string;
  /** 1-minute load average when the run ended: other processes on the machine skew every millisecond figure. */
  loadAvg: number;
}

export function machine(): Machine {
  // `java -version` prints to stderr.
  const jv = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const java = (jv.stderr || jv.stdout || 'unknown').split('\n')[0]?.trim() ?? 'unknown';
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    java,
    os: `${os.type()} ${os.release()}`,
    at: new Date().toISOString(),
    loadAvg: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}

export function writeReports(
  root: string,
  rows: readonly ScoredRow[],
  meta: { machine: Machine; config: Record<string, unknown>; notes: string[]; durationS: number },
): { json: string; md: string } {
  const json = path.join(root, '.bench', 'results.json');
  // A run of some suites writes its own table (bench-latest-peer.md …): the full run's table, which
  // the README links, is only replaced by another full run.
  const suites = Array.isArray(meta.config.suites) ? (meta.config.suites as string[]) : [];
  const partial = suites.length > 0 && suites.length < ALL_SUITES.length;
  const md = path.join(root, 'docs', partial ? `bench-latest-${suites.join('-')}.md` : 'bench-latest.md');
  mkdirSync(path.dirname(json), { recursive: true });
  writeFileSync(json, JSON.stringify({ ...meta, rows }, null, 2) + '\n');
  const m = meta.machine;
  const met = rows.filter((r) => r.status === 'met').length;
  const goals = rows.filter((r) => r.goal).length;
  writeFileSync(
    md,
    [
      '# Latest `npm run bench`',
      '',
      `Run ${m.at} on ${m.cpu}, ${m.cores} cores, ${m.memGb} GB, ${m.os}, Node ${m.node}, ${m.java}; ` +
        `${Math.round(meta.durationS)} s in all; load average ${m.loadAvg} at the end. Configuration: \`${JSON.stringify(meta.config)}\`.`,
      '',
      `Goals met: ${met} of ${goals}. Ratios are ours ÷ the same-run baseline (lower is better for latency and db hits, ` +
        'higher for throughput); absolute figures are medians over the measured rounds. How to read it: docs/BENCH.md.',
      '',
      markdownTable(rows),
      '',
      ...(meta.notes.length ? ['Notes:', '', ...meta.notes.map((n) => `- ${n}`), ''] : []),
    ].join('\n'),
  );
  return { json, md };
}
