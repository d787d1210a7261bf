import type { NodeLabel, RelType, DataSet } from '@cangshan/model';
import { NODE_LABELS, REL_ENDS, REL_TYPES } from '@cangshan/model';
import { EXTRA_PROP, ID, NODE_PROPS, PROP_NAME, REL_PROPS } from '@cangshan/model/records';

/** One problem in the input, located as precisely as known. */
export interface Problem {
  file: string | null;
  /** 1-based: the CSV line, or the index+1 in the JSON array. */
  row: number | null;
  field: string | null;
  reason: string;
}

/** Where each record came from (set by the file loader; absent for in-memory data sets). */
export interface RecordOrigin {
  file: string;
  row: number;
}

export interface ValidateContext {
  /** Ids already in the database, with their kind label: a reference may point at them. */
  existing: ReadonlyMap<string, string>;
  nodeOrigins?: readonly (RecordOrigin | undefined)[];
  relOrigins?: readonly (RecordOrigin | undefined)[];
}

export class ImportValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`The data set has ${problems.length} problem(s); nothing was written.\n${problems.slice(0, 20).map(formatProblem).join('\n')}`);
    this.name = 'ImportValidationError';
    this.problems = problems;
  }
}

export function formatProblem(p: Problem): string {
  const where = [p.file ?? '<data set>', p.row !== null ? `row ${p.row}` : null, p.field !== null ? `field ${p.field}` : null].filter(Boolean).join(', ');
  return `${where}: ${p.reason}`;
}

const isNodeLabel = (l: unknown): l is NodeLabel => typeof l === 'string' && (NODE_LABELS as readonly string[]).includes(l);
const isRelType = (t: unknown): t is RelType => typeof t === 'string' && (REL_TYPES as readonly string[]).includes(t);

function checkProps(
  rec: Record<string, unknown>,
  skip: readonly string[],
  schema: typeof REL_PROPS,
  push: (field: string | null, reason: string) => void,
): Record<string, unknown> | null {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) {
    if (skip.includes(k)) continue;
    if (!PROP_NAME.test(k)) {
      push(k, 'is not a valid property name (letters, digits, _; not starting with _)');
      continue;
    }
    rest[k] = v;
  }
  const parsed = schema.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) push(issue.path.map(String).join('.') || null, issue.message);
  }
  const known = new Set(Object.keys(schema.shape));
  for (const [k, v] of Object.entries(rest)) {
    if (known.has(k)) continue;
    const r = EXTRA_PROP.safeParse(v);
    if (!r.success) push(k, 'must be a string, number, boolean, null or a list of one of those');
  }
  return parsed.success ? rest : null;
}

/** Provenance rules of docs/MODEL.md: STATED has quotes and a document; REGISTRY a document; CURATED a reason. */
function checkSource(p: Record<string, unknown>, push: (field: string | null, reason: string) => void): void {
  const quotes = Array.isArray(p.quotes) ? p.quotes : [];
  if (p.sourceKind === 'STATED') {
    if (quotes.length === 0) push('quotes', 'a STATED fact needs at least one quote');
    if (!p.docId) push('docId', 'a STATED fact needs the docId of its Document');
  }
  if (p.sourceKind === 'REGISTRY' && !p.docId) push('docId', 'a REGISTRY fact needs the docId of the export it came from');
  if (p.sourceKind === 'CURATED' && (typeof p.reason !== 'string' || p.reason.trim() === '')) push('reason', 'a CURATED fact needs a one-line reason');
  if (p.sourceKind === 'SYNTHETIC' && p.synthetic !== true) push('synthetic', 'a SYNTHETIC fact must have synthetic: true');
  if (p.synthetic === true && p.sourceKind !== 'SYNTHETIC') push('sourceKind', 'synthetic data must have sourceKind SYNTHETIC');
}

/**
 * Checks a whole data set against the format (@cangshan/model/records) and the database, and
 * returns every problem found (empty = valid). Nothing short-circuits: a bad row in the middle of a
 * large file is reported alongside all the others.
 */
export function validateDataSet(ds: DataSet, ctx: ValidateContext): Problem[] {
  const problems: Problem[] = [];
  const labelOf = new Map<string, NodeLabel>();
  const firstSeen = new Map<string, number>();
  const docIds: { docId: string; push: (f: string | null, r: string) => void }[] = [];

  ds.nodes.forEach((n, i) => {
    const o = ctx.nodeOrigins?.[i];
    const push = (field: string | null, reason: string): void => {
      problems.push({ file: o?.file ?? null, row: o?.row ?? i + 1, field, reason: `node: ${reason}` });
    };
    if (n === null || typeof n !== 'object' || Array.isArray(n)) return push(null, 'is not an object');
    const idOk = ID.safeParse(n.id);
    if (!idOk.success) push('id', n.id === undefined ? 'is missing' : (idOk.error.issues[0]?.message ?? 'is invalid'));
    if (!isNodeLabel(n.label)) push('label', `${JSON.stringify(n.label ?? null)} is not a node label (one of ${NODE_LABELS.join(', ')})`);
    if (idOk.success) {
      const prev = firstSeen.get(n.id);
      if (prev !== undefined) push('id', `duplicate id ${JSON.stringify(n.id)} (first at row ${prev})`);
      else firstSeen.set(n.id, o?.row ?? i + 1);
      const inDb = ctx.existing.get(n.id);
      if (inDb && isNodeLabel(n.label) && inDb !== n.label) push('label', `id ${JSON.stringify(n.id)} is a ${inDb} in the database, not a ${n.label}`);
      if (isNodeLabel(n.label)) labelOf.set(n.id, n.label);
    }
    if (!isNodeLabel(n.label)) return;
    const p = checkProps(n, ['id', 'label'], NODE_PROPS[n.label] as unknown as typeof REL_PROPS, push);
    if (p) {
      checkSource(p, push);
      if (typeof p.docId === 'string') docIds.push({ docId: p.docId, push });
    }
  });

  const seenRel = new Map<string, number>();
  const labelFor = (id: string): string | undefined => labelOf.get(id) ?? ctx.existing.get(id);
  ds.relations.forEach((r, i) => {
    const o = ctx.relOrigins?.[i];
    const push = (field: string | null, reason: string): void => {
      problems.push({ file: o?.file ?? null, row: o?.row ?? i + 1, field, reason: `relation: ${reason}` });
    };
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return push(null, 'is not an object');
    const typeOk = isRelType(r.type);
    if (!typeOk) push('type', `${JSON.stringify(r.type ?? null)} is not a relationship type (one of ${REL_TYPES.join(', ')})`);
    const ends: Partial<Record<'from' | 'to', string>> = {};
    for (const f of ['from', 'to'] as const) {
      const v = ID.safeParse(r[f]);
      if (!v.success) {
        push(f, r[f] === undefined ? 'is missing' : (v.error.issues[0]?.message ?? 'is invalid'));
        continue;
      }
      const l = labelFor(v.data);
      if (l === undefined) push(f, `refers to ${JSON.stringify(v.data)}, which is neither in the data set nor in the database`);
      else ends[f] = l;
    }
    if (typeOk && ends.from && ends.to) {
      const rule = REL_ENDS[r.type];
      if (!(rule.from as readonly string[]).includes(ends.from) || !(rule.to as readonly string[]).includes(ends.to)) {
        push('type', `${r.type} cannot join a ${ends.from} to a ${ends.to} (allowed: ${rule.from.join('|')} → ${rule.to.join('|')})`);
      } else if (r.type === 'PART_OF' && ends.from !== ends.to) {
        push('type', `PART_OF joins two nodes of the same kind, not a ${ends.from} to a ${ends.to}`);
      }
    }
    if (typeOk && typeof r.from === 'string' && typeof r.to === 'string') {
      const key = `${r.from}\u0000${r.type}\u0000${r.to}`;
      const prev = seenRel.get(key);
      if (prev !== undefined) push(null, `duplicate relation ${r.from} -[${r.type}]-> ${r.to} (first at row ${prev})`);
      else seenRel.set(key, o?.row ?? i + 1);
    }
    const p = checkProps(r, ['type', 'from', 'to'], REL_PROPS, push);
    if (p) {
      checkSource(p, push);
      if (typeof p.docId === 'string') docIds.push({ docId: p.docId, push });
    }
  });

  for (const d of docIds) {
    const l = labelFor(d.docId);
    if (l !== 'Document') d.push('docId', l ? `${JSON.stringify(d.docId)} is a ${l}, not a Document` : `refers to Document ${JSON.stringify(d.docId)}, which is neither in the data set nor in the database`);
  }
  return problems;
}
