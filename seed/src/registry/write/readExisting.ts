import type { Db } from '@cangshan/neo4j';
import { normaliseName } from '../names.ts';
import { PLACED_BY_REGISTRY, type PlacementState } from './placementWrite.ts';

/** What the database says about one enterprise, for matching: its identities and every name it goes by. */
export interface Candidate {
  id: string;
  name: string;
  /** The importer's `nameKey`, or normaliseName(name) for a firm written another way (the API). */
  nameKey: string;
  formerKeys: string[];
  aliasKeys: string[];
  creditCode: string | null;
  registrationNumber: string | null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Every enterprise's identities and names. One pass over the firms (a district's tens of thousands
 * in well under a second) rather than one look-up per kind of name: former names and aliases are
 * lists that no index answers, and names are compared normalised (full-width folded, spaces and
 * bracket forms evened), which Cypher cannot do.
 */
export async function readCandidates(db: Db): Promise<Candidate[]> {
  const rows = await db.read(
    'MATCH (e:Enterprise) RETURN e.id AS id, e.name AS name, e.nameKey AS nameKey, e.formerNames AS formerNames, e.aliases AS aliases, e.creditCode AS creditCode, e.registrationNumber AS registrationNumber',
  );
  return rows.map((r) => {
    const name = strOrNull(r.name) ?? '';
    return {
      id: String(r.id),
      name,
      nameKey: strOrNull(r.nameKey) ?? normaliseName(name),
      formerKeys: strings(r.formerNames).map(normaliseName),
      aliasKeys: strings(r.aliases).map(normaliseName),
      creditCode: strOrNull(r.creditCode),
      registrationNumber: strOrNull(r.registrationNumber),
    };
  });
}

/** A matched enterprise as the diff needs it: all its properties, its placement and its parents. */
export interface ExistingFirm {
  props: Record<string, unknown>;
  placement: PlacementState;
  parentIds: string[];
}

export async function readExistingFirms(db: Db, ids: readonly string[]): Promise<Map<string, ExistingFirm>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read(
    `UNWIND $ids AS id
     MATCH (e:Enterprise {id: id})
     CALL (e) {
       OPTIONAL MATCH (e)-[r:IN_SEGMENT]->(s:Segment)
       RETURN collect(CASE WHEN r.placedBy = $registry THEN s.id END) AS registrySegments, count(CASE WHEN r IS NOT NULL AND coalesce(r.placedBy, '') <> $registry THEN 1 END) AS foreign
     }
     CALL (e) {
       OPTIONAL MATCH (e)-[:PART_OF]->(p:Enterprise)
       RETURN collect(p.id) AS parentIds
     }
     RETURN e.id AS id, properties(e) AS props, registrySegments, foreign, parentIds`,
    { ids: [...ids], registry: PLACED_BY_REGISTRY },
  );
  const out = new Map<string, ExistingFirm>();
  for (const r of rows) {
    const props = (r.props ?? {}) as Record<string, unknown>;
    out.set(String(r.id), {
      props,
      placement: {
        confirmed: props.placementReview === 'confirmed',
        foreign: (r.foreign as number) > 0,
        registrySegments: strings(r.registrySegments).sort(),
        pending: props.placementReview === 'pending',
        suggested: strOrNull(props.suggestedSegmentId),
      },
      parentIds: strings(r.parentIds),
    });
  }
  return out;
}

/** The firms an earlier import of this district wrote that are still there (no leftOn). */
export async function readImportedBefore(db: Db, districtId: string): Promise<{ id: string; name: string; key: string }[]> {
  const rows = await db.read(
    'MATCH (e:Enterprise {registryDistrictId: $districtId}) WHERE e.leftOn IS NULL RETURN e.id AS id, e.name AS name, coalesce(e.creditCode, e.registrationNumber, e.id) AS key ORDER BY e.id',
    { districtId },
  );
  return rows.map((r) => ({ id: String(r.id), name: String(r.name ?? r.id), key: String(r.key) }));
}

/** The chain segments, by id, with their names. */
export async function readSegments(db: Db): Promise<Map<string, string>> {
  const rows = await db.read('MATCH (s:Segment) RETURN s.id AS id, s.name AS name');
  return new Map(rows.map((r) => [String(r.id), String(r.name ?? r.id)]));
}

/** The Places of kind district, and whether the given id is one (any Place is accepted when named). */
export async function readDistricts(db: Db): Promise<{ id: string; name: string; kind: string | null }[]> {
  const rows = await db.read("MATCH (p:Place) WHERE p.kind = 'district' RETURN p.id AS id, p.name AS name, p.kind AS kind ORDER BY p.id");
  return rows.map((r) => ({ id: String(r.id), name: String(r.name ?? r.id), kind: strOrNull(r.kind) }));
}

export async function readPlace(db: Db, id: string): Promise<{ id: string; name: string; kind: string | null } | null> {
  const [r] = await db.read('MATCH (p:Entity {id: $id}) RETURN p.id AS id, p.name AS name, p.kind AS kind, p:Place AS isPlace', { id });
  if (!r) return null;
  if (r.isPlace !== true) return null;
  return { id: String(r.id), name: String(r.name ?? r.id), kind: strOrNull(r.kind) };
}

export async function nodeExists(db: Db, id: string): Promise<boolean> {
  const [r] = await db.read('MATCH (n:Entity {id: $id}) RETURN count(n) AS c', { id });
  return ((r?.c as number | undefined) ?? 0) > 0;
}
