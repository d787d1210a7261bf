/** The backtest's tables (markdown): per data set, the mean per generator, and the weights each cut was ranked with. */
import { FACTOR_NAMES, SATURATED_FACTORS } from '@cangshan/api/recruitment';
import type { Model } from './fitWeights.ts';

export const METHODS = ['ranking', 'rankingDefaults', 'heuristic', 'degree', 'degreeNoGroups', 'oracle', 'random'] as const;
export type Method = (typeof METHODS)[number];
export const METRICS = ['p@10', 'p@50', 'r@10', 'r@50', 'MAP'] as const;
export type Metric = (typeof METRICS)[number];
export type Scores = Record<Method, Record<Metric, number>>;

export interface TableRow {
  name: string;
  cuts: number;
  mean: Scores;
}

const fmt = (x: number): string => x.toFixed(3);
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : a > 0 ? '∞' : 'n/a');

export function meanScores(all: readonly Scores[]): Scores {
  const out = {} as Scores;
  for (const m of METHODS) {
    out[m] = {} as Record<Metric, number>;
    for (const k of METRICS) out[m][k] = all.length === 0 ? 0 : all.reduce((a, s) => a + s[m][k], 0) / all.length;
  }
  return out;
}

/** One line per data set and method; the ratios compare p@10 (and MAP) with the heuristic and with degree. */
export function scoresTable(rows: readonly TableRow[]): string {
  const head = `| data set | method | ${METRICS.join(' | ')} | p@10 ÷ heuristic | p@10 ÷ degree | p@10 ÷ degree (no groups) | MAP ÷ heuristic |`;
  const lines = [head, `|${head.split('|').slice(1, -1).map(() => '---').join('|')}|`];
  for (const r of rows) {
    for (const m of METHODS) {
      const p = r.mean[m]['p@10'];
      lines.push(
        `| ${r.name} (${r.cuts} cuts) | ${m} | ${METRICS.map((k) => fmt(r.mean[m][k])).join(' | ')} | ${ratio(p, r.mean.heuristic['p@10'])} | ${ratio(p, r.mean.degree['p@10'])} | ${ratio(p, r.mean.degreeNoGroups['p@10'])} | ${ratio(r.mean[m].MAP, r.mean.heuristic.MAP)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function weightsTable(rows: ReadonlyArray<{ name: string; cut: string; fittedOn: string; model: Model }>): string {
  const head = `| data set | cut | weights fitted on | ${FACTOR_NAMES.join(' | ')} | ${SATURATED_FACTORS.map((f) => `k ${f}`).join(' | ')} |`;
  const lines = [head, `|${head.split('|').slice(1, -1).map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.name} | ${r.cut} | ${r.fittedOn} | ${FACTOR_NAMES.map((f) => r.model.weights[f].toFixed(2)).join(' | ')} | ${SATURATED_FACTORS.map((f) => String(r.model.saturation[f])).join(' | ')} |`);
  return lines.join('\n');
}
