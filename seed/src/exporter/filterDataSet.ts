// `npm run export -- --filter key=value,…`: a part of the graph, chosen by the same conditions as the
// API's EnterpriseFilter (and `asOf`, the model's as-of rule), applied to the exported data set.
import { AsOfFormatError, asOfJs, endOfPeriod, startOfPeriod, type DataSet, type NodeRecord, type RelRecord } from '@cangshan/model';

export interface ExportFilter {
  /** Firms in a segment of this chain. */
  chainId?: string;
  segmentId?: string;
  /** Firms located in this park (or place). */
  parkId?: string;
  /** Firms this anchor drew in (ATTRACTED). */
  anchorId?: string;
  /** Landed on or after the start of this period. */
  landedFrom?: string;
  /** Landed on or before the end of this period. */
  landedTo?: string;
  /** The graph as it stood at the end of this period (firms landed, relations begun). */
  asOf?: string;
  synthetic?: boolean;
  local?: boolean;
  isAnchor?: boolean;
}

const ID_KEYS = ['chainId', 'segmentId', 'parkId', 'anchorId'] as const;
const DATE_KEYS = ['landedFrom', 'landedTo', 'asOf'] as const;
const BOOL_KEYS = ['synthetic', 'local', 'isAnchor'] as const;
export const FILTER_KEYS: readonly string[] = [...ID_KEYS, ...DATE_KEYS, ...BOOL_KEYS];

/** `key=value` items (several per argument, comma-separated); an unknown key or a bad value is an Error naming it. */
export function parseExportFilter(args: readonly string[]): ExportFilter {
  const f: ExportFilter = {};
  for (const item of args.flatMap((a) => a.split(',')).map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    const key = eq > 0 ? item.slice(0, eq).trim() : '';
    const value = eq > 0 ? item.slice(eq + 1).trim() : '';
    if (!FILTER_KEYS.includes(key)) throw new Error(`--filter "${item}": expected key=value with key one of ${FILTER_KEYS.join(', ')}.`);
    if (value === '') throw new Error(`--filter ${key}: the value is empty.`);
    if ((BOOL_KEYS as readonly string[]).includes(key)) {
      if (value !== 'true' && value !== 'false') throw new Error(`--filter ${key}: must be true or false (got "${value}").`);
      f[key as (typeof BOOL_KEYS)[number]] = value === 'true';
    } else if ((DATE_KEYS as readonly string[]).includes(key)) {
      try {
        startOfPeriod(value);
      } catch (e) {
        throw new Error(`--filter ${key}: ${e instanceof AsOfFormatError ? e.message : String(e)}`);
      }
      f[key as (typeof DATE_KEYS)[number]] = value;
    } else f[key as (typeof ID_KEYS)[number]] = value;
  }
  return f;
}

export function isEmptyFilter(f: ExportFilter): boolean {
  return Object.keys(f).length === 0;
}

/**
 * The firms that pass every condition, the nodes they are directly related to that are not firms
 * (their parks, segments, projects, mechanisms…), and every relation between two kept nodes — so a
 * filtered export is still a data set the importer accepts, and a firm network Gephi can lay out.
 * An id that names no node of the expected label is an Error (a typo would otherwise export nothing).
 */
export function filterDataSet(ds: DataSet, f: ExportFilter): DataSet {
  if (isEmptyFilter(f)) return ds;
  const byId = new Map(ds.nodes.map((n) => [n.id, n]));
  const expect = (key: keyof ExportFilter, id: string | undefined, labels: readonly string[]) => {
    if (id !== undefined && !labels.includes(byId.get(id)?.label ?? '')) throw new Error(`--filter ${key}: no ${labels.join(' or ')} with id "${id}" in the graph.`);
  };
  expect('chainId', f.chainId, ['Chain']);
  expect('segmentId', f.segmentId, ['Segment']);
  expect('parkId', f.parkId, ['Place']);
  expect('anchorId', f.anchorId, ['Enterprise']);

  const cursor = endOfPeriod(f.asOf);
  const from = startOfPeriod(f.landedFrom);
  const to = endOfPeriod(f.landedTo);
  const segmentsOfChain = new Set<string>();
  if (f.chainId) {
    for (const n of ds.nodes) if (n.label === 'Segment' && n.chainId === f.chainId) segmentsOfChain.add(n.id);
    for (const r of ds.relations) if (r.type === 'HAS_SEGMENT' && r.from === f.chainId) segmentsOfChain.add(r.to);
  }
  const out = new Map<string, RelRecord[]>();
  for (const r of ds.relations) {
    for (const end of [r.from, r.to]) {
      const list = out.get(end);
      if (list) list.push(r);
      else out.set(end, [r]);
    }
  }
  const rels = (n: NodeRecord) => out.get(n.id) ?? [];
  const has = (n: NodeRecord, type: string, dir: 'out' | 'in', test: (other: string) => boolean) =>
    rels(n).some((r) => r.type === type && (dir === 'out' ? r.from === n.id && test(r.to) : r.to === n.id && test(r.from)));
  const landed = (n: NodeRecord) => (typeof n.landedOn === 'string' ? n.landedOn : null);

  const passes = (n: NodeRecord): boolean => {
    if (n.label !== 'Enterprise') return false;
    if (f.chainId && !has(n, 'IN_SEGMENT', 'out', (s) => segmentsOfChain.has(s))) return false;
    if (f.segmentId && !has(n, 'IN_SEGMENT', 'out', (s) => s === f.segmentId)) return false;
    if (f.parkId && !has(n, 'LOCATED_IN', 'out', (p) => p === f.parkId)) return false;
    if (f.anchorId && !has(n, 'ATTRACTED', 'in', (a) => a === f.anchorId)) return false;
    const l = landed(n);
    if (from !== null && (l === null || l < from)) return false;
    if (to !== null && (l === null || l > to)) return false;
    if (f.synthetic !== undefined && (n.synthetic === true) !== f.synthetic) return false;
    if (f.local !== undefined && (n.local !== false) !== f.local) return false;
    if (f.isAnchor !== undefined && (n.isAnchor === true) !== f.isAnchor) return false;
    return asOfJs.node({ landedOn: l }, cursor);
  };
  const relCounts = (r: RelRecord) => asOfJs.rel({ since: typeof r.since === 'string' ? r.since : null }, cursor);

  const kept = new Set<string>();
  for (const n of ds.nodes) if (passes(n)) kept.add(n.id);
  for (const id of [...kept]) {
    for (const r of byId.has(id) ? (out.get(id) ?? []) : []) {
      const other = byId.get(r.from === id ? r.to : r.from);
      if (!other || other.label === 'Enterprise' || !relCounts(r)) continue;
      // A project is timed like a firm: as of a date, only the ones that had landed.
      if (other.label === 'Project' && !asOfJs.node({ landedOn: landed(other) }, cursor)) continue;
      kept.add(other.id);
    }
  }
  return {
    nodes: ds.nodes.filter((n) => kept.has(n.id)),
    relations: ds.relations.filter((r) => kept.has(r.from) && kept.has(r.to) && relCounts(r)),
  };
}
