import type { NodeLabel, RelType, DataSet, NodeRecord, PropValue, RelRecord } from '@cangshan/model';
import { enterpriseDerivedProps } from '../text/enterpriseDerivedProps.ts';
import { searchFields } from '../text/searchFields.ts';

export type Props = Record<string, Exclude<PropValue, null>>;
export interface NodeRow { id: string; props: Props }
export interface RelRow { from: string; to: string; props: Props }

/** Properties the importer derives itself; a file may carry them (an export does) but they are recomputed. */
export const DERIVED_PROPS = ['searchZh', 'searchLatin', 'pinyin', 'pinyinInitials', 'nameKey'] as const;

/**
 * Strips `id`/`label` (or `type`/`from`/`to`), nulls and empty lists: a null is "unknown", which
 * Neo4j stores as absence, and an empty list says no more than absence does (a CSV cell cannot
 * tell them apart, so storing neither keeps JSON and CSV round trips identical).
 */
function props(rec: Record<string, PropValue>, skip: readonly string[]): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(rec)) {
    if (skip.includes(k) || v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

const strings = (v: PropValue | undefined): string[] => (Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : []);

/** Labels whose nodes `find` looks up by name (the API's full-text index `named_*`), besides enterprises. */
const NAMED_LABELS: ReadonlySet<string> = new Set(['Project', 'Place', 'Chain', 'Segment']);

/**
 * The node's properties as stored: given ones plus, for named enterprises, projects, places,
 * chains and segments, the search fields; an enterprise's also cover its former names, and it gets
 * its name key (enterpriseDerivedProps, which the API's mutations use too).
 */
export function nodeProps(n: NodeRecord): Props {
  const p = props(n, ['id', 'label']);
  if (typeof n.name !== 'string') return p;
  const nameEn = typeof n.nameEn === 'string' ? n.nameEn : null;
  if (n.label === 'Enterprise') Object.assign(p, enterpriseDerivedProps({ name: n.name, nameEn, aliases: strings(n.aliases), formerNames: strings(n.formerNames) }));
  else if (NAMED_LABELS.has(n.label)) Object.assign(p, searchFields(n.name, nameEn, strings(n.aliases)));
  return p;
}

export function relProps(r: RelRecord): Props {
  return props(r, ['type', 'from', 'to']);
}

export function groupNodes(ds: DataSet): Map<NodeLabel, NodeRecord[]> {
  const m = new Map<NodeLabel, NodeRecord[]>();
  for (const n of ds.nodes) {
    const list = m.get(n.label) ?? [];
    list.push(n);
    m.set(n.label, list);
  }
  return m;
}

export function groupRels(ds: DataSet): Map<RelType, RelRecord[]> {
  const m = new Map<RelType, RelRecord[]>();
  for (const r of ds.relations) {
    const list = m.get(r.type) ?? [];
    list.push(r);
    m.set(r.type, list);
  }
  return m;
}

export function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
