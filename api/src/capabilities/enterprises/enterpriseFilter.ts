import type { AsOf, PeriodStart } from '../../scalars/index.ts';
import { badInput } from '../../errors/index.ts';
import { inDistrictCypher } from '../../cypher/inDistrict.ts';

/** The GraphQL `EnterpriseFilter` input. */
export interface EnterpriseFilterInput {
  chainId?: string | null;
  segmentId?: string | null;
  parkId?: string | null;
  anchorId?: string | null;
  /** A lower bound, already at the start of its period (the PeriodStart scalar). */
  landedFrom?: PeriodStart;
  /** An upper bound, already at the end of its period (the AsOf scalar). */
  landedTo?: AsOf;
  synthetic?: boolean | null;
  local?: boolean | null;
  isAnchor?: boolean | null;
  text?: string | null;
}

/**
 * WHERE predicates over the Enterprise bound to `e` for a filter: only the conditions given
 * (so the planner can use the property indexes), each a fixed text with its value as a parameter.
 * `asOf` is the caller's cursor (the end of its period), which `local` is read at; null: now.
 */
export function buildEnterpriseFilter(filter: EnterpriseFilterInput | null | undefined, asOf: string | null = null): { where: string[]; params: Record<string, unknown> } {
  const f = filter ?? {};
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const has = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
  if (has(f.isAnchor)) {
    where.push('e.isAnchor = $isAnchor');
    params.isAnchor = f.isAnchor;
  }
  if (has(f.local)) {
    // Derived from the dates (cypher/inDistrict.ts): in the district as of the caller's cursor
    // (`graph(asOf)`), or now.
    where.push(`${inDistrictCypher('e')} = $local`);
    params.local = f.local;
    params.asOf = asOf;
  }
  if (has(f.synthetic)) {
    where.push('e.synthetic = $synthetic');
    params.synthetic = f.synthetic;
  }
  if (has(f.landedFrom)) {
    where.push('e.landedOn >= $landedFrom');
    params.landedFrom = f.landedFrom;
  }
  if (has(f.landedTo)) {
    where.push('e.landedOn <= $landedTo');
    params.landedTo = f.landedTo;
  }
  if (has(f.segmentId)) {
    where.push('EXISTS { (e)-[:IN_SEGMENT]->(:Segment {id: $segmentId}) }');
    params.segmentId = f.segmentId;
  }
  if (has(f.chainId)) {
    where.push('EXISTS { (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId}) }');
    params.chainId = f.chainId;
  }
  if (has(f.parkId)) {
    where.push('EXISTS { (e)-[:LOCATED_IN]->(:Place {id: $parkId}) }');
    params.parkId = f.parkId;
  }
  if (has(f.anchorId)) {
    where.push('EXISTS { (:Enterprise {id: $anchorId})-[:ATTRACTED]->(e) }');
    params.anchorId = f.anchorId;
  }
  if (has(f.text) && f.text.trim() !== '') {
    if (f.text.length > 100) throw badInput('filter.text', '`filter.text` must be at most 100 characters.');
    where.push(
      '(toLower(e.name) CONTAINS $text OR toLower(coalesce(e.nameEn, \'\')) CONTAINS $text OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS $text))',
    );
    params.text = f.text.trim().toLowerCase();
  }
  return { where, params };
}
