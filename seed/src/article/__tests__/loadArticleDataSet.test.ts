import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { isGraphEmpty, loadArticleDataSet, articleDataSet } from '../../index.ts';

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

describe('loading the article data set into Neo4j', () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
  });
  afterAll(() => db.close());

  it('starts from an empty graph and creates every node and relation of the data set', async () => {
    expect(await isGraphEmpty(db)).toBe(true);
    const report = await loadArticleDataSet(db);
    expect(await isGraphEmpty(db)).toBe(false);
    const ds = articleDataSet();
    const byLabel = countBy(ds.nodes, (n) => n.label);
    const byType = countBy(ds.relations, (r) => r.type);
    expect(report.created).toEqual({ nodes: byLabel, rels: byType });
    const counts = await graphCounts(db);
    expect(counts.rels).toEqual(byType);
    expect(counts.nodes).toEqual({ ...byLabel, Entity: ds.nodes.length });
    // The figures the docs quote (docs/DATA-FORMAT.md): a change to the data set shows here.
    expect(counts.nodes).toMatchObject({ Enterprise: 19, Project: 8, Place: 9, Mechanism: 13, Indicator: 23, Document: 1, Chain: 5, Segment: 30 });
    expect(counts.rels).toMatchObject({ ATTRACTED: 2, PART_OF: 15, RELOCATED_FROM: 1, OF_PLACE: 23, HAS_PROJECT: 5, HAS_SEGMENT: 30, IN_SEGMENT: 32 });
  });

  it('holds the article facts with their dates', async () => {
    const rows = await db.read(
      `MATCH (e:Enterprise) WHERE e.id IN ['toutiao', 'dalv', 'fii', 'fii-southeast-hq', 'baidu-ai-lab', 'huawei-ai-incubator', 'didi-fuzhou-hq', 'chinasoft', 'beike-ruisheng-regional-hq']
       RETURN e.id AS id, e.landedOn AS landedOn, e.signedOn AS signedOn, e.isAnchor AS anchor ORDER BY id`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.signedOn, r.landedOn, r.anchor]]))).toEqual({
      'baidu-ai-lab': [null, '2019-01', false],
      'beike-ruisheng-regional-hq': [null, '2020-03', false],
      chinasoft: [null, '2019-11', false],
      dalv: ['2019-04', '2019-07', false],
      'didi-fuzhou-hq': [null, '2019-11', false],
      fii: ['2019-10', '2019-11', true],
      'fii-southeast-hq': [null, '2019-11', false],
      'huawei-ai-incubator': [null, '2019-05', false],
      toutiao: [null, '2018-11', true],
    });
    const dalv = await db.read(
      `MATCH (t:Enterprise {id: 'toutiao'})-[a:ATTRACTED]->(d:Enterprise {id: 'dalv'})-[m:RELOCATED_FROM]->(c:Place)
       RETURN a.sourceKind AS kind, a.quotes AS quotes, m.since AS moved, c.name AS city`,
    );
    expect(dalv).toEqual([{ kind: 'STATED', quotes: ['大吕网络科技落地仓山,源自“今日头条”仓山项目的吸引'], moved: '2019-07', city: '北京' }]);
    // Known only to have landed by the article's date: shown from 2020-04, flagged as an upper bound.
    const byDate = await db.read("MATCH (n:Entity) WHERE n.landedBy = true RETURN n.id AS id, n.landedOn AS d ORDER BY id");
    expect(byDate).toEqual(
      ['proj-strait-health-complex', 'proj-yonghui-1233', 'proj-yuexing', 'toutiao-ops', 'yonghui-1233', 'yuexing-group'].map((id) => ({ id, d: '2020-04' })),
    );
    const subs = await db.read("MATCH (s:Project)-[:PART_OF]->(:Project {id: 'proj-fii-fuzhou'}) RETURN s.name AS n ORDER BY n");
    expect(subs.map((r) => r.n)).toEqual(['大健康未来智造体验馆', '福州工业互联网学院']);
    const ind = await db.read("MATCH (i:Indicator {id: 'ind-2020-03-cloud-signed-investment'})-[:OF_PLACE]->(p:Place) RETURN i.value AS v, i.period AS period, p.id AS place");
    expect(ind).toEqual([{ v: 42_300_000_000, period: '2020-03', place: 'district-cangshan' }]);
  });

  it('places the anchors on their chains', async () => {
    const rows = await db.read(
      "MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s:Segment)<-[:HAS_SEGMENT]-(c:Chain) WHERE e.id IN ['toutiao', 'fii'] RETURN e.id AS e, s.id AS s, c.id AS c, r.sourceKind AS k ORDER BY e, s",
    );
    expect(rows).toEqual([
      { e: 'fii', s: 'seg-ai-manufacturing', c: 'chain-ai', k: 'CURATED' },
      { e: 'fii', s: 'seg-iiot-platform', c: 'chain-iiot', k: 'CURATED' },
      { e: 'toutiao', s: 'seg-ai-content', c: 'chain-ai', k: 'CURATED' },
      { e: 'toutiao', s: 'seg-content-distribution', c: 'chain-content', k: 'CURATED' },
    ]);
  });

  it('marks the parent groups the article does not name as curated, outside the district', async () => {
    const rows = await db.read("MATCH (:Enterprise {id: 'toutiao'})-[r:PART_OF]->(g:Enterprise) RETURN g.name AS g, g.local AS local, r.sourceKind AS kind, g.sourceKind AS gkind");
    expect(rows).toEqual([{ g: '字节跳动', local: false, kind: 'CURATED', gkind: 'CURATED' }]);
  });

  it('finds firms by Chinese, traditional, English, pinyin and initials through the full-text indexes', async () => {
    const zh = async (q: string) => (await db.read("CALL db.index.fulltext.queryNodes('enterprise_names_zh', $q) YIELD node RETURN node.id AS id LIMIT 3", { q })).map((r) => r.id);
    const latin = async (q: string) => (await db.read("CALL db.index.fulltext.queryNodes('enterprise_names_latin', $q) YIELD node RETURN node.id AS id LIMIT 3", { q })).map((r) => r.id);
    expect(await zh('头条')).toContain('toutiao');
    expect(await zh('工業富聯')).toContain('fii');
    expect(await latin('jrtt')).toContain('toutiao');
    expect(await latin('jinritoutiao')).toContain('toutiao');
    expect(await latin('FII')).toContain('fii');
    expect(await latin('"baidu ai cloud"')).toContain('baidu-ai-lab');
  });

  it('is idempotent: a second load creates and updates nothing and leaves the counts as they were', async () => {
    const before = await graphCounts(db);
    const again = await loadArticleDataSet(db);
    expect(again.created).toEqual({ nodes: {}, rels: {} });
    expect(again.updated).toEqual({ nodes: {}, rels: {} });
    expect(await graphCounts(db)).toEqual(before);
  });
});
