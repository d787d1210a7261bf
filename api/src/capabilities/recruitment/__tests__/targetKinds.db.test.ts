import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, resetDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { recruitmentTargets } from '../recruitmentService.ts';
import { CUT, writeHandBuiltGraph } from './handBuiltGraph.ts';

/**
 * The hand-built chain (handBuiltGraph.ts) plus firms whose kind is known by construction:
 * - 云集团 (a group, never in the district): its unit 云一科技 landed 2019-04 → EXPANSION via 云一科技;
 * - 云集团华南 (outside, part of 云集团, supplies 今日头条) → EXPANSION via 云一科技, through the group;
 * - 迁走科技: landed 2018-12, moved out 2019-09, supplies 今日头条 → WIN_BACK after 2019-09, local before;
 * - 注销科技: the same, but closed (注销) → never a target: it no longer exists;
 * - 北科瑞声 (from the hand-built graph): an outsider with no group here → NEW.
 */
const KIND_FIRMS = [
  { id: 'k-group', name: '云集团', nameEn: 'Cloud Group', seg: 't-cloud', landedOn: null, leftOn: null, leftHow: null, kind: 'group' },
  { id: 'k-sibling', name: '云集团华南', nameEn: 'Cloud Group South', seg: 't-cloud', landedOn: null, leftOn: null, leftHow: null, kind: 'unit' },
  { id: 'k-moved', name: '迁走科技', nameEn: 'Moved Away Tech', seg: 't-vision', landedOn: '2018-12', leftOn: '2019-09', leftHow: 'movedOut', kind: 'firm' },
  { id: 'k-closed', name: '注销科技', nameEn: 'Closed Tech', seg: 't-vision', landedOn: '2018-12', leftOn: '2019-09', leftHow: 'closed', kind: 'firm' },
];
const KIND_TIES = [
  { type: 'PART_OF', from: 't-cloud1', to: 'k-group', since: '2019-04' },
  { type: 'PART_OF', from: 'k-sibling', to: 'k-group', since: '2015-01' },
  { type: 'SUPPLIES', from: 'k-sibling', to: 't-toutiao', since: '2019-02' },
  { type: 'SUPPLIES', from: 'k-moved', to: 't-toutiao', since: '2019-01' },
  { type: 'SUPPLIES', from: 'k-closed', to: 't-toutiao', since: '2019-01' },
];

describe('kinds of target (real Neo4j)', () => {
  let db: Db;
  const read = (c: string, p?: Record<string, unknown>) => db.read(c, p);

  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
    await writeHandBuiltGraph(db);
    await db.write(
      `UNWIND $firms AS f MATCH (s:Segment {id: f.seg})
       CREATE (e:Entity:Enterprise {id: f.id, name: f.name, nameEn: f.nameEn, isAnchor: false, origin: '北京', kind: f.kind, synthetic: false,
                                    landedOn: f.landedOn, leftOn: f.leftOn, leftHow: f.leftHow, local: f.landedOn IS NOT NULL})
       CREATE (e)-[:IN_SEGMENT {sourceKind: 'CURATED', quotes: [], reason: 'test'}]->(s)`,
      { firms: KIND_FIRMS },
    );
    for (const t of KIND_TIES) {
      // Relationship types cannot be parameters; these come from the fixed list above.
      await db.write(
        `MATCH (a:Enterprise {id: $from}), (b:Enterprise {id: $to})
         CREATE (a)-[:${t.type} {since: $since, sourceKind: 'CURATED', quotes: [], reason: 'kinds test', synthetic: false}]->(b)`,
        t,
      );
    }
  });
  afterAll(() => db.close());

  const ranked = async (asOf: string, kinds: Array<'NEW' | 'EXPANSION' | 'WIN_BACK'> | null = null) =>
    recruitmentTargets(read, { asOf, chainId: null, anchorId: null, limit: 20, kinds });

  it('tells a new firm, a group already here through a unit and a firm that left apart', async () => {
    const targets = await ranked(CUT);
    const byId = new Map(targets.map((t) => [t.enterprise.id, t]));
    expect(byId.get('t-speechco')).toMatchObject({ kind: 'NEW', via: [], kindReasonEn: 'new to the district' });
    expect(byId.get('t-speechco')?.reasonEn.startsWith('supplies Toutiao (anchor)')).toBe(true);

    const group = byId.get('k-group');
    expect(group?.kind).toBe('EXPANSION');
    expect(group?.via.map((u) => u.id)).toEqual(['t-cloud1']);
    expect(group?.kindReasonZh).toBe('同一集团已在区内设有 云一科技：争取增资扩产');
    expect(group?.reasonEn.startsWith('its group is already here through Cloud One: expand an existing investor')).toBe(true);

    const sibling = byId.get('k-sibling');
    expect(sibling?.kind).toBe('EXPANSION');
    expect(sibling?.via.map((u) => u.id)).toEqual(['t-cloud1']);
    expect(sibling?.kindReasonEn).toBe('its group Cloud Group is already here through Cloud One: expand an existing investor');

    const moved = byId.get('k-moved');
    expect(moved).toMatchObject({ kind: 'WIN_BACK', kindReasonZh: '曾在区内，2019-09 迁出本区：争取回归' });
    expect(moved?.reasonEn).toContain('supplies Toutiao (anchor)');
    expect(byId.has('k-closed')).toBe(false);
  });

  it('reads the kind as of the cursor: before the unit landed the group is NEW, before the firm left it is local', async () => {
    const early = new Map((await ranked('2019-03-31')).map((t) => [t.enterprise.id, t]));
    expect(early.get('k-group')?.kind ?? 'NEW').toBe('NEW');
    expect(early.get('k-sibling')?.kind).toBe('NEW');
    const beforeLeaving = (await ranked('2019-08-31')).map((t) => t.enterprise.id);
    expect(beforeLeaving).not.toContain('k-moved');
    expect(beforeLeaving).not.toContain('k-closed');
  });

  it('filters by kind before the limit', async () => {
    const expansions = await ranked(CUT, ['EXPANSION']);
    expect(expansions.map((t) => t.enterprise.id).sort()).toEqual(['k-group', 'k-sibling']);
    expect(expansions.map((t) => t.rank)).toEqual([1, 2]);
    const winBacks = await ranked(CUT, ['WIN_BACK']);
    expect(winBacks.map((t) => t.enterprise.id)).toEqual(['k-moved']);
    const both = await ranked(CUT, ['NEW', 'WIN_BACK']);
    expect(both.every((t) => t.kind !== 'EXPANSION')).toBe(true);
    expect(both.map((t) => t.enterprise.id)).toContain('t-speechco');
  });
});
