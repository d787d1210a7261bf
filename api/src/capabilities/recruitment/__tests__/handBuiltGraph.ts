import type { Db } from '@cangshan/neo4j';

/**
 * A district small enough to rank by hand (docs/RECRUITMENT.md, "Tests"). Chain `t-ai`:
 * `t-cloud` (STRONG: 工业富联 and three more), `t-speech` (GAP), `t-vision` (WEAK: one firm),
 * `t-apps` (今日头条). Candidates, known by construction:
 * - `t-speechco` 北科瑞声: the only firm of the empty segment; supplies 今日头条, partners 工业富联 → first.
 * - `t-twoanchors`: the same ties with the same dates, but in the STRONG cloud segment → second; beats `t-loner`.
 * - `t-loner`: vision firm tied to nobody (a candidate only because vision is WEAK).
 * - `t-late`: cloud firm whose tie to 今日头条 begins 2020-02 → no candidate as of 2019-12.
 * - `t-landed2020`: landed 2020-01 → a candidate as of 2019-12, local as of 2020-03.
 */
export const CUT = '2019-12-31';

const firm = (id: string, name: string, nameEn: string, seg: string, landedOn: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  nameEn,
  seg,
  landedOn,
  isAnchor: false,
  origin: '北京',
  ...extra,
});

export const FIRMS = [
  firm('t-toutiao', '今日头条', 'Toutiao', 't-apps', '2018-11', { isAnchor: true }),
  firm('t-fii', '工业富联', 'Foxconn Industrial Internet', 't-cloud', '2019-03', { isAnchor: true, origin: '深圳' }),
  firm('t-cloud1', '云一科技', 'Cloud One', 't-cloud', '2019-04'),
  firm('t-cloud2', '云二科技', 'Cloud Two', 't-cloud', '2019-05'),
  firm('t-cloud3', '云三科技', 'Cloud Three', 't-cloud', '2019-07'),
  firm('t-vision1', '视觉一号', 'Vision One', 't-vision', '2019-06'),
  firm('t-speechco', '北科瑞声', 'Beike Ruisheng', 't-speech', null),
  firm('t-twoanchors', '双链科技', 'Two Anchors Tech', 't-cloud', null),
  firm('t-loner', '孤岛视觉', 'Loner Vision', 't-vision', null, { origin: '成都' }),
  firm('t-late', '迟到云', 'Late Cloud', 't-cloud', null),
  firm('t-landed2020', '新到应用', 'New Apps', 't-apps', '2020-01'),
];

export const TIES = [
  { type: 'SUPPLIES', from: 't-speechco', to: 't-toutiao', since: '2019-06', sourceKind: 'STATED', quotes: ['北科瑞声为今日头条提供语音识别'] },
  { type: 'PARTNER_OF', from: 't-speechco', to: 't-fii', since: '2019-08', sourceKind: 'CURATED', quotes: [] },
  { type: 'SUPPLIES', from: 't-twoanchors', to: 't-toutiao', since: '2019-06', sourceKind: 'CURATED', quotes: [] },
  { type: 'PARTNER_OF', from: 't-twoanchors', to: 't-fii', since: '2019-08', sourceKind: 'CURATED', quotes: [] },
  { type: 'SUPPLIES', from: 't-late', to: 't-toutiao', since: '2020-02', sourceKind: 'CURATED', quotes: [] },
  { type: 'ATTRACTED', from: 't-toutiao', to: 't-landed2020', since: '2019-10', sourceKind: 'CURATED', quotes: [] },
  { type: 'SUPPLIES', from: 't-cloud1', to: 't-fii', since: '2019-04', sourceKind: 'CURATED', quotes: [] },
  { type: 'ATTRACTED', from: 't-fii', to: 't-cloud2', since: '2019-05', sourceKind: 'CURATED', quotes: [] },
];

export const SEGMENTS = [
  { id: 't-cloud', name: '云计算', nameEn: 'Cloud', order: 1 },
  { id: 't-speech', name: '语音识别', nameEn: 'Speech recognition', order: 2 },
  { id: 't-vision', name: '计算机视觉', nameEn: 'Computer vision', order: 3 },
  { id: 't-apps', name: '内容应用', nameEn: 'Content apps', order: 4 },
];

/** Writes the hand-built graph (the database should be empty). */
export async function writeHandBuiltGraph(db: Db): Promise<void> {
  await db.write(
    `CREATE (ch:Entity:Chain {id: 't-ai', name: '人工智能', nameEn: 'Artificial intelligence', order: 1})
     WITH ch UNWIND $segments AS s
     CREATE (ch)-[:HAS_SEGMENT]->(:Entity:Segment {id: s.id, name: s.name, nameEn: s.nameEn, order: s.order, chainId: 't-ai', layer: '技术层'})`,
    { segments: SEGMENTS },
  );
  await db.write(
    `UNWIND $firms AS f
     MATCH (s:Segment {id: f.seg})
     CREATE (e:Entity:Enterprise {id: f.id, name: f.name, nameEn: f.nameEn, isAnchor: f.isAnchor, origin: f.origin,
                                  landedOn: f.landedOn, local: f.landedOn IS NOT NULL, kind: 'firm', synthetic: false})
     CREATE (e)-[:IN_SEGMENT {sourceKind: 'CURATED', quotes: [], reason: 'test'}]->(s)`,
    { firms: FIRMS },
  );
  for (const t of TIES) {
    // Relationship types cannot be parameters; these come from the fixed list above.
    await db.write(
      `MATCH (a:Enterprise {id: $from}), (b:Enterprise {id: $to})
       CREATE (a)-[:${t.type} {since: $since, sourceKind: $sourceKind, quotes: $quotes, reason: $reason, synthetic: false}]->(b)`,
      { ...t, reason: t.sourceKind === 'CURATED' ? 'hand-built test graph' : null },
    );
  }
}
