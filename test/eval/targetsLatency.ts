/**
 * Latency of the recruitment queries on a loaded district (the goal: interactive on the 100k
 * synthetic district). Opens the database the environment names (NEO4J_URI, or the embedded one
 * in NEO4J_DATA_DIR / NEO4J_BOLT_PORT), serves the API in-process on a free port, and times each
 * shape through HTTP and as raw Cypher: one warm-up (the first plan), then the median of 5, with
 * PROFILE db hits (machine-independent work).
 *   NEO4J_DATA_DIR=.data/recruitment NEO4J_BOLT_PORT=7703 npx tsx test/eval/targetsLatency.ts
 */
import { connect } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { buildChainGapsQuery, buildTargetsQuery, warmRecruitmentPlans } from '@cangshan/api/recruitment';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const conn = await connect({ log: () => {} });
const server = await startServer({ db: conn.db, port: 0, env: { ...process.env, RATE_LIMIT_PER_MINUTE: '0', QUERY_TIMEOUT_MS: '120000' }, log: () => {} });
try {
  const asOf = process.env.AS_OF ?? '2020-06-30';
  const [counts] = await conn.db.read(
    'MATCH (e:Enterprise) RETURN count(e) AS enterprises, count(CASE WHEN e.landedOn <= $asOf THEN 1 END) AS local',
    { asOf },
  );
  const [anchor] = await conn.db.read(
    `MATCH (a:Enterprise {isAnchor: true}) WHERE a.landedOn <= $asOf
     RETURN a.id AS id ORDER BY COUNT { (a)--() } DESC LIMIT 1`,
    { asOf },
  );
  const [chain] = await conn.db.read('MATCH (c:Chain) RETURN c.id AS id ORDER BY c.order LIMIT 1');
  console.log(`[latency] ${JSON.stringify(counts)} as of ${asOf}; busiest anchor ${anchor?.id}; chain ${chain?.id}`);
  // What `npm start` does in the background once it is up (WARM_PLANS): plan every shape on an input
  // that matches almost nothing. Without it the first call pays the planning of the long statement.
  if (process.env.WARM_PLANS !== '0') {
    const ms = await warmRecruitmentPlans((cypher, params) => conn.db.read(cypher, params));
    console.log(`[latency] plans warmed in ${(ms / 1000).toFixed(1)} s (npm start does this in the background)`);
  }
  const shapes = [
    { name: 'recruitmentTargets (district, limit 10)', vars: { asOf }, q: buildTargetsQuery({ asOf, chainId: null, anchorId: null, limit: 10 }) },
    { name: 'recruitmentTargets (chain, limit 10)', vars: { asOf, chainId: chain?.id }, q: buildTargetsQuery({ asOf, chainId: (chain?.id as string) ?? null, anchorId: null, limit: 10 }) },
    { name: 'recruitmentTargets (anchor circle, limit 10)', vars: { asOf, anchorId: anchor?.id }, q: buildTargetsQuery({ asOf, chainId: null, anchorId: (anchor?.id as string) ?? null, limit: 10 }) },
    { name: 'chainGaps (district)', vars: { asOf }, gql: 'gaps', q: buildChainGapsQuery({ asOf, chainId: null, anchorId: null, firmsPerSegment: 5 }) },
  ];
  const rows: string[] = ['| shape | HTTP p50 ms | raw Cypher p50 ms | HTTP ÷ raw | db hits |', '|---|---|---|---|---|'];
  for (const s of shapes) {
    const query =
      s.gql === 'gaps'
        ? 'query ($asOf: AsOf) { chainGaps(asOf: $asOf) { segments { status localCount } } }'
        : 'query ($asOf: AsOf, $chainId: ID, $anchorId: ID) { recruitmentTargets(asOf: $asOf, chainId: $chainId, anchorId: $anchorId, limit: 10) { rank score enterprise { id name } reasonEn evidence { edges { id } } } }';
    const http = async (): Promise<number> => {
      const t = performance.now();
      const r = await fetch(`${server.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: s.vars }) });
      const body = (await r.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return performance.now() - t;
    };
    const raw = async (): Promise<number> => {
      const t = performance.now();
      await conn.db.read(s.q.cypher, s.q.params);
      return performance.now() - t;
    };
    const first = await http();
    const h: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < 5; i++) {
      h.push(await http());
      d.push(await raw());
    }
    const { dbHits } = await conn.db.profileDbHits(s.q.cypher, s.q.params);
    rows.push(`| ${s.name} | ${median(h).toFixed(0)} | ${median(d).toFixed(0)} | ${(median(h) / median(d)).toFixed(2)} | ${dbHits} |`);
    console.log(`[latency] ${s.name}: first ${first.toFixed(0)} ms, then HTTP ${h.map((x) => x.toFixed(0)).join(' ')} / raw ${d.map((x) => x.toFixed(0)).join(' ')}`);
  }
  console.log(`\n${rows.join('\n')}\n`);
} finally {
  await server.close();
  await conn.close();
}
