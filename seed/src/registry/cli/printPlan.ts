import { formatRegistryProblem } from '../problems.ts';
import type { FirmPreview, RegistryPlan } from '../write/index.ts';

/** How many of each kind of firm the summary shows. */
const EXAMPLES = 5;
/** How many problems are listed without --verbose. */
export const PROBLEMS_SHOWN = 50;

const rows = (f: FirmPreview): string => (f.rows.length === 0 ? '' : f.rows.length === 1 ? ` (row ${f.rows[0]})` : ` (rows ${f.rows.join(', ')})`);
const placement = (f: FirmPreview): string =>
  f.segmentId === null ? '' : ` → ${f.segmentId}${f.confidence === null ? '' : ` ${f.confidence.toFixed(2)}`}${f.needsReview ? ' (to review)' : ''}`;
const changes = (f: FirmPreview): string => f.changes.map((c) => `${c.field} ${c.from ?? '—'} → ${c.to ?? '—'}`).join('; ');

function section(out: string[], title: string, firms: readonly FirmPreview[], line: (f: FirmPreview) => string): void {
  if (firms.length === 0) return;
  out.push(`  ${title} (${firms.length})${firms.length > EXAMPLES ? `, the first ${EXAMPLES}` : ''}:`);
  for (const f of firms.slice(0, EXAMPLES)) out.push(`    ${line(f)}`);
}

/**
 * The preview as the command prints it: the file and district, how each column was understood,
 * the problems (errors first), what would change with a few examples of each kind, and the firms
 * matched by name, which a planner should check before saying yes.
 */
export function formatPlan(plan: RegistryPlan, opts: { verbose?: boolean } = {}): string {
  const c = plan.counts;
  const out: string[] = [];
  const sheet = plan.sheetName ? `, sheet ${plan.sheetName}` : '';
  out.push(`${plan.file} (${plan.encoding}${sheet}): ${c.rows} rows, ${c.firms} firms, ${c.duplicateRows} duplicate row(s) merged, ${c.held} held`);
  out.push(
    plan.districtCreated
      ? `District: the database has none; ${plan.districtCreated.name} (the export's 所属区县) is created as ${plan.districtCreated.id}`
      : `District: ${plan.districtId}`,
  );
  out.push('Columns:');
  const width = Math.max(...plan.columns.map((col) => col.header.length), 4);
  for (const col of plan.columns) out.push(`  ${col.header.padEnd(width, '\u3000')}  → ${col.field.padEnd(20)} ${col.how}${col.note ? ` [${col.note}]` : ''}`);
  const shown = opts.verbose ? plan.problems : plan.problems.slice(0, PROBLEMS_SHOWN);
  out.push(`Problems: ${c.errors} error(s), ${c.warnings} warning(s)${plan.problems.length > shown.length ? ` — the first ${shown.length}; --verbose lists all ${plan.problems.length}` : ''}`);
  for (const p of shown) out.push(`  ${formatRegistryProblem(p)}`);
  out.push('What the import would do:');
  out.push(`  new ${c.new}, changed ${c.changed}, unchanged ${c.unchanged}, departures ${c.departures}, not in this export ${c.notInExport}, to review ${c.toReview}`);
  section(out, 'New', plan.newFirms, (f) => `${f.enterpriseId} ${f.name}${rows(f)}${placement(f)}`);
  section(out, 'Changed', plan.changedFirms, (f) => `${f.enterpriseId} ${f.name}: ${changes(f)}`);
  section(out, 'Leaving', plan.departures, (f) => `${f.enterpriseId} ${f.name}: ${f.leftHow ?? ''} ${f.leftOn ?? ''}`.trimEnd());
  section(out, plan.full ? 'Not in this full export (they leave)' : 'Not in this export (reported, not deleted; --full if it is complete)', plan.notInExport, (f) => `${f.enterpriseId} ${f.name}`);
  section(out, 'Held for review', plan.held, (f) => `${f.key} ${f.name}: ${f.heldWhy ?? ''}`);
  const byName = plan.matched.filter((f) => f.matchedBy !== 'creditCode' && f.matchedBy !== 'registrationNumber');
  if (byName.length > 0) {
    out.push(`Matched by name (${byName.length}): check that each is the same firm before importing:`);
    for (const f of byName) out.push(`  ${f.name}${rows(f)} → ${f.enterpriseId}, by ${f.matchedBy}`);
  }
  return out.join('\n');
}
