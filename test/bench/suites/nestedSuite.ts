import neo4j from 'neo4j-driver';
import { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { interleave, medianOf } from '../harness/compare.ts';
import { graphqlClient } from '../harness/httpClient.ts';
import type { Suite } from '../harness/suite.ts';
import { BENCH_API_ENV } from './apiSuite.ts';

const query = (n: number): string =>
  `{ enterprises(first: ${n}, filter: { isAnchor: false }) { edges { node { id name landedOn
     attracted { id name landedOn } attractedBy { id name } upstream { id name } downstream { id name } } } } }`;

/** Every `id` in a response: the rows it returned, nested ones included. */
function countRows(json: unknown): number {
  if (Array.isArray(json)) return json.reduce<number>((a, x) => a + countRows(x), 0);
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    return ('id' in o ? 1 : 0) + Object.values(o).reduce<number>((a, x) => a + countRows(x), 0);
  }
  return 0;
}

/**
 * `enterprises(first: N)` with nested relations for N = 10, 100, 1000. Round-trips
 * (counted by Db.onQuery, machine-independent) must not grow with N, and latency must grow no
 * faster than the rows returned: the ratio (latency growth ÷ row growth, against N = 10) ≤ 1.
 */
export const nestedSuite: Suite = {
  id: 'nested',
  title: 'Nested reads scale flat: enterprises(first: N) { attracted, upstream … }',
  async run({ uri, config, add, log }) {
    const db = new Db(neo4j.driver(uri, undefined, { maxConnectionPoolSize: 16 }));
    const server = await startServer({ db, port: 0, env: BENCH_API_ENV });
    const client = graphqlClient(new URL('/graphql', server.url).toString());
    try {
      const sizes = [...config.nestedSizes].sort((a, b) => a - b);
      const trips = new Map<number, number>();
      const rows = new Map<number, number>();
      for (const n of sizes) {
        let count = 0;
        const off = db.onQuery(() => count++);
        const text = await client.post(JSON.stringify({ query: query(n) }));
        off();
        trips.set(n, count);
        rows.set(n, countRows(JSON.parse(text)));
        log(`N=${n}: ${count} round-trips, ${rows.get(n)} rows`);
      }
      const res = await interleave<number>(
        sizes.map((n) => ({
          name: String(n),
          run: async () => {
            const t = performance.now();
            await client.post(JSON.stringify({ query: query(n) }));
            return performance.now() - t;
          },
        })),
        { warmup: config.warmup, rounds: config.rounds },
      );
      const base = sizes[0] as number;
      const lat = (n: number): number => medianOf(res.get(String(n)), (x) => x);
      for (const n of sizes) {
        add({ suite: 'nested', case: `N=${n}`, metric: 'round-trips', unit: 'count', ours: trips.get(n) ?? NaN, baseline: trips.get(base) ?? NaN, baselineName: `N=${base}`, goal: { on: 'ratio', op: '<=', target: 1 } });
        add({ suite: 'nested', case: `N=${n}`, metric: 'latency', unit: 'ms', ours: lat(n), baseline: null, note: `${rows.get(n)} rows` });
        if (n !== base) {
          const latGrowth = lat(n) / lat(base);
          const rowGrowth = (rows.get(n) ?? NaN) / (rows.get(base) ?? NaN);
          add({ suite: 'nested', case: `N=${n} vs N=${base}`, metric: 'latency growth vs row growth', unit: '×', ours: latGrowth, baseline: rowGrowth, baselineName: 'rows', goal: { on: 'ratio', op: '<=', target: 1 } });
        }
      }
    } finally {
      client.close();
      await server.close();
      await db.close();
    }
  },
};
