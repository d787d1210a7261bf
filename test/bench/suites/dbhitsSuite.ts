import type { Db, Row } from '@cangshan/neo4j';
import { buildEnterpriseQuery } from '@cangshan/api/queries';
import { enterpriseProjection } from '@cangshan/api/queries';
import { buildRelatedQuery } from '@cangshan/api/queries';
import { buildEnterprisesQuery } from '@cangshan/api/queries';
import { buildCircleQuery } from '@cangshan/api/queries';
import { buildChainQuery } from '@cangshan/api/queries';
import { buildPathQuery } from '@cangshan/api/queries';
import { buildGrowthQuery } from '@cangshan/api/queries';
import { buildSearchQuery } from '@cangshan/api/queries';
import { buildChainGapsQuery, buildTargetsQuery } from '@cangshan/api/queries';
import { normaliseAsOf } from '@cangshan/api';
import { FIRM_RELATIONS, graphEdgeProjection, graphNodeProjection } from '@cangshan/api/queries';
import type { CypherQuery } from '@cangshan/api/queries';
import { sampleIds, type SampleIds } from '../harness/sampleIds.ts';
import { RECRUITMENT_AS_OF, recruitmentScopes } from '../harness/shapes.ts';
import type { Suite } from '../harness/suite.ts';

interface Case {
  name: string;
  ours: CypherQuery;
  /** Hand-written for the same answer; null where none was written (reported as information). */
  best: CypherQuery | null;
  /** What of the answer must agree, when not all of it can (several shortest paths of one length). */
  answer?: (rows: Row[]) => unknown;
}

const ASOF = '2019-06-31';
const T = FIRM_RELATIONS;

/**
 * Breadth-first, one level at a time, each level de-duplicated before the next expansion: the
 * textbook cheapest way to "everything within `depth` steps" (a variable-length or quantified
 * pattern enumerates paths, and a firm reached by many paths is expanded many times).
 */
function bfs(start: string, step: (from: string, to: string) => string, depth: number, where: string): string {
  const out: string[] = [`WITH ${start} AS start, [${start}] AS seen, [${start}] AS frontier`];
  for (let i = 1; i <= depth; i++) {
    out.push(
      `CALL (seen, frontier) { UNWIND frontier AS x ${step('x', 'y')} WHERE NOT y IN seen${where ? ` AND ${where}` : ''} RETURN collect(DISTINCT y) AS next${i} }`,
      `WITH start, seen + next${i} AS seen, next${i} AS frontier`,
    );
  }
  return out.join('\n');
}

function cases(ids: SampleIds, firmIds: string[]): Case[] {
  // The API's nested lists carry the firm alone (no `since` of the tie), and a row for every parent, [] when it has none.
  const proj = enterpriseProjection('x');
  // The model's as-of rule (asOfCypher): landed by the cursor and not left by it.
  const asOfNode = '(y.landedOn IS NOT NULL AND y.landedOn <= $asOf AND (y.leftOn IS NULL OR y.leftOn > $asOf))';
  const asOfRel = '(r.since IS NULL OR r.since <= $asOf)';
  const circleBest = (asOf: string | null): CypherQuery => ({
    cypher: [
      'MATCH (a:Enterprise {id: $anchorId})',
      bfs('a', (x, y) => `MATCH (${x})-[r:${T}]-(${y}:Enterprise)`, 2, asOf ? `${asOfNode} AND ${asOfRel}` : ''),
      asOf ? 'WITH CASE WHEN start.landedOn <= $asOf AND (start.leftOn IS NULL OR start.leftOn > $asOf) THEN seen ELSE [] END AS ns' : 'WITH seen AS ns',
      `CALL (ns) { UNWIND ns AS x MATCH (x)-[r:${T}]->(y) WHERE y IN ns${asOf ? ` AND ${asOfRel}` : ''} RETURN collect(${graphEdgeProjection('r')}) AS edges }`,
      `RETURN [n IN ns | ${graphNodeProjection('n')}] AS nodes, edges`,
    ].join('\n'),
    params: { anchorId: ids.anchor, ...(asOf ? { asOf } : {}) },
  });
  return [
    {
      name: 'enterprise(id)',
      ours: buildEnterpriseQuery(ids.anchor),
      best: { cypher: `MATCH (e:Enterprise {id: $id}) RETURN ${enterpriseProjection('e')} AS e`, params: { id: ids.anchor } },
    },
    {
      name: `nested attracted ×${firmIds.length}`,
      ours: buildRelatedQuery('attracted', firmIds, {}),
      best: {
        cypher: `UNWIND $ids AS id MATCH (s:Enterprise {id: id}) OPTIONAL MATCH (s)-[r:ATTRACTED]->(x:Enterprise) WITH id, x ORDER BY x.landedOn, x.id RETURN id, collect(${proj}) AS items`,
        params: { ids: firmIds },
      },
    },
    {
      name: `nested upstream ×${firmIds.length} asOf`,
      ours: buildRelatedQuery('upstream', firmIds, { asOf: ASOF }),
      best: {
        cypher: `UNWIND $ids AS id MATCH (s:Enterprise {id: id}) OPTIONAL MATCH (s)<-[r:SUPPLIES]-(x:Enterprise) WHERE x.landedOn <= $asOf AND (x.leftOn IS NULL OR x.leftOn > $asOf) AND (r.since IS NULL OR r.since <= $asOf) WITH id, x ORDER BY x.id RETURN id, collect(${proj}) AS items`,
        params: { ids: firmIds, asOf: ASOF },
      },
    },
    {
      name: 'enterprises(first: 20) + totalCount',
      ours: buildEnterprisesQuery({ filter: null, first: 20, after: null, withTotal: true }),
      best: {
        // The total from the count store; the page in the order of the Enterprise(id) index
        // (`IS NOT NULL` lets the planner scan it in order and stop at the limit, no sort).
        cypher: [
          'CALL () { MATCH (e:Enterprise) RETURN count(e) AS totalCount }',
          `CALL () { MATCH (e:Enterprise) WHERE e.id IS NOT NULL WITH e ORDER BY e.id LIMIT $limit RETURN collect(${enterpriseProjection('e')}) AS page }`,
          'RETURN totalCount, page',
        ].join('\n'),
        params: { limit: 21 },
      },
    },
    { name: 'circle depth 2', ours: buildCircleQuery(ids.anchor, 2, null), best: circleBest(null) },
    { name: 'circle depth 2 asOf', ours: buildCircleQuery(ids.anchor, 2, ASOF), best: circleBest(ASOF) },
    {
      name: 'chain BOTH depth 3',
      ours: buildChainQuery(ids.firm, 'BOTH', 3, null),
      best: {
        cypher: [
          'MATCH (e:Enterprise {id: $enterpriseId})',
          'CALL (e) {',
          bfs('e', (x, y) => `MATCH (${x})<-[:SUPPLIES]-(${y}:Enterprise)`, 3, ''),
          '  RETURN seen AS up',
          '}',
          'CALL (e) {',
          bfs('e', (x, y) => `MATCH (${x})-[:SUPPLIES]->(${y}:Enterprise)`, 3, ''),
          '  RETURN seen AS down',
          '}',
          'WITH up + [x IN down WHERE NOT x IN up] AS ns',
          `CALL (ns) { UNWIND ns AS x MATCH (x)-[r:SUPPLIES]->(y) WHERE y IN ns RETURN collect(${graphEdgeProjection('r')}) AS edges }`,
          `RETURN [n IN ns | ${graphNodeProjection('n')}] AS nodes, edges`,
        ].join('\n'),
        params: { enterpriseId: ids.firm },
      },
    },
    {
      name: 'path maxLength 6',
      ours: buildPathQuery(ids.pathFrom, ids.pathTo, 6, null),
      best: {
        cypher: [
          'OPTIONAL MATCH (a:Entity {id: $fromId})',
          'OPTIONAL MATCH (b:Entity {id: $toId})',
          `OPTIONAL MATCH p = SHORTEST 1 (a)-[:${T}]-{1,6}(b)`,
          'RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,',
          `  CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | ${graphNodeProjection('n')}] END AS nodes,`,
          `  CASE WHEN p IS NULL THEN null ELSE [r IN relationships(p) | ${graphEdgeProjection('r')}] END AS edges`,
        ].join('\n'),
        params: { fromId: ids.pathFrom, toId: ids.pathTo },
      },
      // Two shortest paths of one length are equally right, and each query may find either: the
      // ends and the length must agree.
      answer: (rs) => rs.map((r) => ({ fromFound: r.fromFound, toFound: r.toFound, length: Array.isArray(r.nodes) ? r.nodes.length : null })),
    },
    {
      name: 'growth(anchor)',
      ours: buildGrowthQuery(ids.anchor, null),
      best: {
        cypher: [
          'MATCH (a:Enterprise {id: $anchorId})',
          bfs('a', (x, y) => `MATCH (${x})-[:${T}]-(${y}:Enterprise)`, 2, ''),
          'WITH seen AS ns',
          'RETURN true AS found, [n IN ns WHERE n.landedOn IS NOT NULL | {id: n.id, landedOn: n.landedOn, leftOn: n.leftOn}] AS firms,',
          '  COLLECT { UNWIND ns AS n MATCH (n)-[:HAS_PROJECT]->(p:Project) WHERE p.amountYuan IS NOT NULL AND NOT EXISTS { (p)-[:PART_OF]->(:Project) } WITH DISTINCT p RETURN {date: coalesce(p.signedOn, p.landedOn), amount: p.amountYuan} } AS projects',
        ].join('\n'),
        params: { anchorId: ids.anchor },
      },
    },
    {
      name: 'growth(district)',
      ours: buildGrowthQuery(null, null),
      best: {
        cypher: [
          // Arrivals and departures by their dates, whatever the `local` flag says (growthQuery.ts).
          'CALL () { MATCH (e:Enterprise) WHERE e.landedOn IS NOT NULL RETURN collect({id: e.id, landedOn: e.landedOn, leftOn: e.leftOn}) AS firms }',
          'CALL () { MATCH (p:Project) WHERE p.amountYuan IS NOT NULL AND coalesce(p.local, true) AND NOT (p)-[:PART_OF]->(:Project) RETURN collect({date: coalesce(p.signedOn, p.landedOn), amount: p.amountYuan}) AS projects }',
          'RETURN true AS found, firms, projects',
        ].join('\n'),
        params: {},
      },
    },
    ...(() => {
      const s = buildSearchQuery(ids.searchTerm, 10);
      if (!s) return [];
      // A Chinese term needs only the Chinese index: one procedure call, no union, no regrouping.
      const zhOnly = typeof s.params.zh === 'string' && s.params.latin === undefined;
      const best = zhOnly
        ? {
            cypher: [
              "CALL db.index.fulltext.queryNodes('enterprise_names_zh', $zh, {limit: $candidates}) YIELD node, score",
              "WITH node, score + CASE WHEN node.name = $raw OR $raw IN coalesce(node.aliases, []) OR toLower(coalesce(node.nameEn, '')) = $rawLower THEN 100 ELSE 0 END AS score",
              'ORDER BY score DESC, node.id LIMIT $limit',
              `RETURN ${enterpriseProjection('node')} AS e`,
            ].join('\n'),
            params: s.params,
          }
        : null;
      return [{ name: `search "${ids.searchTerm}"`, ours: s, best }];
    })(),
    { name: 'recruitmentTargets(anchor)', ours: buildTargetsQuery({ asOf: '2020-04-31', anchorId: ids.anchor, chainId: null, limit: 10 }), best: null },
    ...recruitmentCases(ids),
  ];
}

/** chainGaps and recruitmentTargets as the API builds them for RECRUITMENT_AS_OF, in the three scopes of the API suite. */
function recruitmentCases(ids: SampleIds): Case[] {
  // The cursor as the AsOf scalar hands it to the resolver (the end of the month).
  const asOf = normaliseAsOf(RECRUITMENT_AS_OF) ?? RECRUITMENT_AS_OF;
  return recruitmentScopes(ids).flatMap(({ scope, args }) => {
    const scoped = { asOf, chainId: args.chainId ?? null, anchorId: args.anchorId ?? null };
    return [
      { name: `recruitmentTargets ${scope} ${RECRUITMENT_AS_OF}`, ours: buildTargetsQuery({ ...scoped, limit: 10 }), best: null },
      { name: `chainGaps ${scope} ${RECRUITMENT_AS_OF}`, ours: buildChainGapsQuery({ ...scoped, firmsPerSegment: 5 }), best: null },
    ];
  });
}

/**
 * A graph-shaped answer (circle, chain) comes as one row per node and per relation (`part`,
 * `item`: graphRows.ts); the hand-written formulations return one row of `nodes` and `edges`.
 */
function asOneGraphRow(rows: Row[]): Row[] {
  if (!rows.some((r) => 'part' in r)) return rows;
  const pick = (part: string): unknown[] => rows.filter((r) => r.part === part).map((r) => r.item);
  return [{ nodes: pick('node'), edges: pick('edge') }];
}

/** Rows in a canonical form (object keys sorted, lists sorted) so two formulations' answers compare equal. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical).map((x) => JSON.stringify(x)).sort();
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
  return v;
}

/**
 * The bench server's per-query deadline (BENCH_SERVER_ENV QUERY_TIMEOUT_MS): a statement slower
 * than this is reported as such and not profiled (PROFILE would take as long again).
 */
const STATEMENT_TIMEOUT_MS = 300_000;

async function rows(db: Db, q: CypherQuery): Promise<Row[]> {
  return db.read(q.cypher, q.params, { timeoutMs: STATEMENT_TIMEOUT_MS });
}

/**
 * The database work (db hits summed over the PROFILE plan, machine-independent) of
 * the Cypher our API sends for each shape — built by the API's own pure builders — against a
 * hand-written formulation of the same answer; the answers are checked equal first.
 */
export const dbhitsSuite: Suite = {
  id: 'dbhits',
  title: 'Database work: PROFILE db hits, our Cypher vs hand-written best',
  async run({ db, add, log, note }) {
    const ids = await sampleIds(db);
    const firmIds = (await db.read('MATCH (e:Enterprise) WHERE e.isAnchor OR (e)<-[:SUPPLIES]-() RETURN e.id AS id ORDER BY e.id LIMIT 100')).map((r) => String(r.id));
    for (const c of cases(ids, firmIds)) {
      try {
        const t = performance.now();
        await rows(db, c.ours); // warm the plan cache, so planning is not in the profile
        // How long one run took: at a million firms the slow shapes are the news (docs/BENCH.md).
        const ms = performance.now() - t;
        const ours = await db.profileDbHits(c.ours.cypher, c.ours.params);
        if (!c.best) {
          log(`${c.name}: ours ${ours.dbHits} (${ms.toFixed(0)} ms unprofiled)`);
          add({ suite: 'dbhits', case: c.name, metric: 'db hits', unit: 'hits', ours: ours.dbHits, baseline: null, note: `no hand-written baseline; one run ${ms.toFixed(0)} ms` });
          continue;
        }
        const [a, b] = [asOneGraphRow(await rows(db, c.ours)), await rows(db, c.best)];
        const view = c.answer ?? ((x: Row[]) => x);
        const same = JSON.stringify(canonical(view(a))) === JSON.stringify(canonical(view(b)));
        if (!same) note(`dbhits ${c.name}: the hand-written query's answer differs from ours (${a.length} vs ${b.length} rows); ratio not comparable, ours shown alone`);
        const best = await db.profileDbHits(c.best.cypher, c.best.params);
        log(`${c.name}: ours ${ours.dbHits}, best ${best.dbHits}${same ? '' : ' (ANSWERS DIFFER)'} (${ms.toFixed(0)} ms unprofiled)`);
        if (!same) {
          // Our figure still stands for the shape; only the comparison is void.
          add({ suite: 'dbhits', case: `${c.name} (answers differ!)`, metric: 'db hits', unit: 'hits', ours: ours.dbHits, baseline: null, note: `the hand-written baseline answered differently (${best.dbHits} db hits); one run ${ms.toFixed(0)} ms` });
          continue;
        }
        add({
          suite: 'dbhits',
          case: c.name,
          metric: 'db hits',
          unit: 'hits',
          ours: ours.dbHits,
          baseline: best.dbHits,
          baselineName: 'best',
          goal: { on: 'ratio', op: '<=', target: 1.25 },
          note: `one run ${ms.toFixed(0)} ms`,
        });
      } catch (err) {
        add({ suite: 'dbhits', case: c.name, metric: 'db hits', unit: 'hits', ours: Number.NaN, baseline: null, note: String(err) });
        note(`dbhits ${c.name}: ${String(err).slice(0, 300)}`);
      }
    }
  },
};
