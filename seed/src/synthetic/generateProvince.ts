import type { DataSet, NodeRecord, PropValue, RelRecord } from '@cangshan/model';
import { generateSynthetic } from './generateSynthetic.ts';
import { Prng } from './prng.ts';

export interface ProvinceOptions {
  /** Number of districts (default 10). */
  districts?: number;
  /** Enterprises per district; or give `enterprises`, the province's total, split evenly. */
  enterprisesPerDistrict?: number;
  enterprises?: number;
  seed: number;
  /** Supply ties from each district's firms to the previous district's (default 20). */
  crossTies?: number;
}

/** One piece of a province: the shared reference data first, then one district at a time. */
export interface ProvinceChunk {
  /** `shared` (the chains, the article's Document, the cities, the province) or the district's number, from 1. */
  part: 'shared' | number;
  data: DataSet;
}

export const PROVINCE_ID = 'syn-province';
const SYN: Record<string, PropValue> = { synthetic: true, sourceKind: 'SYNTHETIC', quotes: null, reason: null, docId: null };
/** What every district's generated set repeats: kept once, in the shared chunk. */
const isShared = (id: string): boolean => !id.startsWith('syn-') || id.startsWith('syn-city-');

/** `syn-d03-…`: a district's own ids, unique across the province; shared ids are kept as they are. */
export function districtId(district: number, id: string, width: number): string {
  return isShared(id) ? id : `syn-d${String(district).padStart(width, '0')}-${id.slice(4)}`;
}

/** Sizes resolved from the options (the total split evenly, the remainder to the first districts). */
export function provinceSizes(opts: ProvinceOptions): number[] {
  const districts = opts.districts ?? 10;
  if (!Number.isInteger(districts) || districts < 1) throw new RangeError('districts must be an integer ≥ 1');
  if (opts.enterprisesPerDistrict !== undefined) return new Array<number>(districts).fill(opts.enterprisesPerDistrict);
  const total = opts.enterprises;
  if (total === undefined || !Number.isInteger(total)) throw new RangeError('give enterprisesPerDistrict or enterprises (an integer)');
  const base = Math.floor(total / districts);
  return Array.from({ length: districts }, (_, i) => base + (i < total % districts ? 1 : 0));
}

/**
 * A deterministic synthetic province (docs/DATA-FORMAT.md, "Bulk import"): several districts, each
 * the synthetic district of generateSynthetic with its own seed, anchors, parks and firms, its
 * ids prefixed `syn-dNN-`; the chain reference data, the article's Document and the cities are
 * shared, yielded once first; a province Place that every district is PART_OF; and `crossTies`
 * SUPPLIES ties from each district's firms to the previous one's. Yields one chunk at a time, so
 * that a million firms never sit in memory together (each chunk holds one district); the chunks
 * concatenated form a data set that imports into an empty database.
 */
export function* generateProvince(opts: ProvinceOptions): Generator<ProvinceChunk> {
  const sizes = provinceSizes(opts);
  if (sizes.some((n) => !Number.isInteger(n) || n < 20)) throw new RangeError('every district needs an integer ≥ 20 enterprises');
  const width = String(sizes.length).padStart(2, '0').length;
  const crossTies = opts.crossTies ?? 20;
  const rng = new Prng(opts.seed ^ 0x9e3779b9);
  let sharedDone = false;
  /** A few landed firms of the previous district: the ends of the next district's cross ties. */
  let previous: { id: string; landedOn: string }[] = [];
  for (let d = 1; d <= sizes.length; d++) {
    const ds = generateSynthetic({ enterprises: sizes[d - 1] as number, seed: (opts.seed * 131 + d * 7919) | 0 });
    if (!sharedDone) {
      sharedDone = true;
      const nodes: NodeRecord[] = ds.nodes.filter((n) => isShared(n.id));
      nodes.push({ id: PROVINCE_ID, label: 'Place', kind: 'province', name: '合成省', nameEn: 'Synthetic province', aliases: null, description: 'A generated province of several synthetic districts, for bulk-load tests.', ...SYN });
      yield { part: 'shared', data: { nodes, relations: ds.relations.filter((r) => isShared(r.from) && isShared(r.to)) } };
    }
    const re = (id: string): string => districtId(d, id, width);
    const zh = `合成${d}区`;
    const en = `Synthetic district ${d}`;
    const nodes: NodeRecord[] = [];
    const landed: { id: string; landedOn: string }[] = [];
    for (const n of ds.nodes) {
      if (isShared(n.id)) continue;
      const id = re(n.id);
      if (n.label === 'Place' && n.kind === 'district') nodes.push({ ...n, id, name: zh, nameEn: en });
      else if (n.label === 'Place' && n.kind === 'park') nodes.push({ ...n, id, name: `${zh}${String(n.name)}`, nameEn: `${String(n.nameEn)}, ${en}` });
      else nodes.push({ ...n, id });
      if (n.label === 'Enterprise' && typeof n.landedOn === 'string') landed.push({ id, landedOn: n.landedOn });
    }
    const relations: RelRecord[] = [];
    for (const r of ds.relations) {
      if (isShared(r.from) && isShared(r.to)) continue;
      relations.push({ ...r, from: re(r.from), to: re(r.to) });
    }
    relations.push({ type: 'PART_OF', from: re('syn-district'), to: PROVINCE_ID, since: null, ...SYN });
    // Upstream firms of the previous district supply this one's: the province's few cross ties.
    const pairs = new Set<string>();
    for (let k = 0; k < crossTies && previous.length > 0 && landed.length > 0; k++) {
      const a = rng.pick(previous);
      const b = rng.pick(landed);
      if (pairs.has(`${a.id}>${b.id}`)) continue;
      pairs.add(`${a.id}>${b.id}`);
      const weight = Math.round((0.2 + 0.8 * rng.next()) * 100) / 100;
      relations.push({ type: 'SUPPLIES', from: a.id, to: b.id, since: a.landedOn > b.landedOn ? a.landedOn : b.landedOn, weight, ...SYN });
    }
    previous = Array.from({ length: Math.min(50, landed.length) }, () => rng.pick(landed));
    yield { part: d, data: { nodes, relations } };
  }
}

/** The whole province in one data set: for tests and the online import of a small one. */
/** Districts of a province of `enterprises` firms when none are asked for: one per 100,000, at least one. */
export const defaultDistricts = (enterprises: number): number => Math.max(1, Math.round(enterprises / 100_000));

/** The province's data sets alone, one chunk at a time: what a bulk import takes. */
export function* provinceChunks(opts: ProvinceOptions): Generator<DataSet> {
  for (const { data } of generateProvince(opts)) yield data;
}

export function provinceDataSet(opts: ProvinceOptions): DataSet {
  const out: DataSet = { nodes: [], relations: [] };
  for (const { data } of generateProvince(opts)) {
    out.nodes.push(...data.nodes);
    out.relations.push(...data.relations);
  }
  return out;
}
