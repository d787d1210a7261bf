import type { DataSet } from '@cangshan/model';
import type { ImportReport } from '../importer/importReport.ts';

/** The import report as a few readable lines: counts per label / type, time and throughput. */
export function formatReport(r: ImportReport, ds: DataSet): string {
  const fmt = (m: Record<string, number>): string =>
    Object.keys(m).length === 0 ? '0' : Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ');
  const secs = Math.max(r.ms, 1) / 1000;
  const ent = ds.nodes.filter((n) => n.label === 'Enterprise').length;
  const lines = [
    `${r.dryRun ? 'Dry run: valid, nothing written' : `Imported (${r.mode})`}: ${r.rows.nodes} nodes, ${r.rows.relations} relations in ${secs.toFixed(1)} s`,
    `  created nodes: ${fmt(r.created.nodes)}`,
    `  created relations: ${fmt(r.created.rels)}`,
    `  updated nodes: ${fmt(r.updated.nodes)}`,
    `  updated relations: ${fmt(r.updated.rels)}`,
  ];
  const ph = r.phases;
  if (!r.dryRun && ph) {
    const part = (name: string, v: number | undefined): string | null => (v === undefined ? null : `${name} ${(v / 1000).toFixed(1)} s`);
    lines.push(`  time: ${[part('checks', ph.checkMs), part('writes', ph.writeMs), part('commit', ph.commitMs), part('markers', ph.finishMs)].filter(Boolean).join(', ')}`);
  }
  if (!r.dryRun) lines.push(`  throughput: ${(ent / secs).toFixed(0)} enterprises/s, ${(r.rows.relations / secs).toFixed(0)} relations/s, ${((r.rows.nodes + r.rows.relations) / secs).toFixed(0)} rows/s`);
  return lines.join('\n');
}
