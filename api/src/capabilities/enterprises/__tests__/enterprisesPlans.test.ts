// The plans Neo4j picks for `enterprises(where, sort)` on a synthetic district of 3,000 firms:
// conditions on indexed properties are served by their index, and the id order keeps reading its
// page from the unique index. PROFILE's db hits are the measure (as the benchmark's), not time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSynthetic, importDataSet } from '@cangshan/seed';
import { toParams, type Params } from '@cangshan/neo4j';
import { startHarness, type Harness } from '../../../__tests__/harness.ts';
import { normaliseSort } from '../enterpriseSort.ts';
import { buildEnterprisesQuery } from '../enterprisesQuery.ts';

let h: Harness;
let someIds: string[];

beforeAll(async () => {
  h = await startHarness({}, { load: false });
  await importDataSet(h.db, generateSynthetic({ enterprises: 3000, seed: 42 }));
  someIds = (await h.db.read('MATCH (e:Enterprise) RETURN e.id AS id ORDER BY e.id SKIP 100 LIMIT 5')).map((r) => r.id as string);
}, 600_000);
afterAll(() => h.close());

interface PlanNode { operatorType: string; dbHits: number; children: PlanNode[] }

/** PROFILE a statement: its operators (without the planner's `@neo4j` suffix) and its db hits in all. */
async function profile(q: { cypher: string; params: Record<string, unknown> }): Promise<{ ops: string[]; dbHits: number; rows: unknown[] }> {
  const session = h.db.driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.run(`PROFILE ${q.cypher}`, toParams(q.params) as Params);
    const ops: string[] = [];
    const walk = (p: PlanNode): number => {
      ops.push(p.operatorType.replace(/@.*$/, ''));
      return p.dbHits + p.children.reduce((a, c) => a + walk(c), 0);
    };
    const dbHits = walk(res.summary.profile as unknown as PlanNode);
    return { ops, dbHits, rows: res.records.map((r) => r.toObject()) };
  } finally {
    await session.close();
  }
}

const base = { first: 20, after: null, withTotal: false, props: ['id', 'name', 'landedOn'] as const };

describe('plans of enterprises(where, sort)', () => {
  it('landedOn bounds use the enterprise_landed index', async () => {
    const p = await profile(buildEnterprisesQuery({ ...base, props: [...base.props], where: { landedOn: { gte: '2023-01', lte: '2023-03' } } }));
    console.info('landedOn range:', p.dbHits, 'db hits;', p.ops.join(' < '));
    expect(p.ops.some((o) => o.startsWith('NodeIndexSeekByRange'))).toBe(true);
  });

  it('id in [...] uses the unique index', async () => {
    const p = await profile(buildEnterprisesQuery({ ...base, props: [...base.props], where: { id: { in: someIds } } }));
    console.info('id in:', p.dbHits, 'db hits;', p.ops.join(' < '));
    expect(p.ops.some((o) => /NodeUniqueIndexSeek|NodeIndexSeek/.test(o))).toBe(true);
    expect(p.dbHits).toBeLessThan(200);
  });

  it('sort by id (or none) keeps the index-ordered page; another sort reads every firm', async () => {
    const byId = await profile(buildEnterprisesQuery({ ...base, props: [...base.props], sort: normaliseSort([{ field: 'ID' }]) }));
    const byLanded = await profile(buildEnterprisesQuery({ ...base, props: [...base.props], sort: normaliseSort([{ field: 'LANDED_ON', direction: 'DESC' }]) }));
    console.info('sort ID:', byId.dbHits, 'db hits;', byId.ops.join(' < '));
    console.info('sort LANDED_ON DESC:', byLanded.dbHits, 'db hits;', byLanded.ops.join(' < '));
    expect(byId.ops.some((o) => o.startsWith('NodeIndexScan'))).toBe(true);
    expect(byId.ops).not.toContain('Sort');
    expect(byId.dbHits).toBeLessThan(200);
    expect(byLanded.dbHits).toBeGreaterThan(3000);
  });

  it('a related-firm condition runs per candidate firm (the cost estimate counts it)', async () => {
    const p = await profile(buildEnterprisesQuery({ ...base, props: [...base.props], withTotal: true, where: { upstreamSome: { isAnchor: true } }, asOf: '2024-12-31' }));
    console.info('upstreamSome {isAnchor} as of 2024 (with totalCount):', p.dbHits, 'db hits;', p.ops.join(' < '));
    expect(p.dbHits).toBeGreaterThan(3000);
  });
});
