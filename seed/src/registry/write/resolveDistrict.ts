import type { Db } from '@cangshan/neo4j';
import type { NodeRecord } from '@cangshan/model';
import type { UnderstoodExport } from '../understandRegistryExport.ts';
import { readDistricts, readPlace } from './readExisting.ts';
import { districtIdFor } from './registryIds.ts';
import { RegistryPlanError } from './registryErrors.ts';

export interface ResolvedDistrict {
  id: string;
  name: string;
  /** The Place to create (a fresh district database), or null when it exists. */
  create: NodeRecord | null;
}

/** The most common 所属区县 of the export's firms, or null when no firm gives one. */
function commonCounty(u: UnderstoodExport): string | null {
  const counts = new Map<string, number>();
  for (const f of u.firms) if (f.county) counts.set(f.county, (counts.get(f.county) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * The district an export goes into: the one named (any Place), else the database's one Place of
 * kind 'district'; in a database with none (a district starting from its own data) one is made
 * from the export's 所属区县. Several districts and none named is a question only the caller can
 * answer.
 */
export async function resolveDistrict(db: Db, u: UnderstoodExport, districtId: string | undefined, docId: string, file: string): Promise<ResolvedDistrict> {
  if (districtId !== undefined) {
    const p = await readPlace(db, districtId);
    if (!p) throw new RegistryPlanError(`No Place has id "${districtId}": name the district the export covers (a Place id such as district-cangshan), or leave it out to use the database's district.`);
    return { id: p.id, name: p.name, create: null };
  }
  const districts = await readDistricts(db);
  if (districts.length === 1) {
    const d = districts[0] as (typeof districts)[number];
    return { id: d.id, name: d.name, create: null };
  }
  if (districts.length > 1) {
    throw new RegistryPlanError(`The database has ${districts.length} districts (${districts.map((d) => d.id).join(', ')}): say which one the export covers (--district ID, or districtId).`);
  }
  const county = commonCounty(u);
  if (county === null) {
    throw new RegistryPlanError('The database has no district, and the export names none (no 所属区县 column or no value in it): create the district first, or add the column, or name one (--district ID).');
  }
  const id = districtIdFor(county);
  return {
    id,
    name: county,
    create: {
      id,
      label: 'Place',
      kind: 'district',
      name: county,
      sourceKind: 'REGISTRY',
      docId,
      reason: `registry: the most common 所属区县 of ${file}`,
      synthetic: false,
    },
  };
}
