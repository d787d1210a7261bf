import { startServer, timelinesOf } from '@cangshan/api';
import { graphqlClient } from '../harness/httpClient.ts';
import { BENCH_API_ENV } from './apiSuite.ts';
import type { Suite } from '../harness/suite.ts';

/**
 * Month-end and day cursors the timing rounds ask at, each once (the read cache is off, and no two
 * requests are alike): the synthetic data lands firms from 2008 to 2024.
 */
export const MONTH_CURSORS = ['2022-06', '2022-01', '2021-06', '2020-12', '2020-06', '2019-06', '2018-12'];
export const DAY_CURSORS = ['2022-06-15', '2021-09-10', '2020-02-20', '2019-11-05', '2018-04-22'];
/** The aim of docs/SCALING.md: recruitment and gaps answer in at most this p50 at any size. */
export const SERVED_P50_GOAL_MS = 1_000;

const p50 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Recruitment targets and chain gaps as the API serves them once its walks are done: the segment
 * timeline and the candidate lists built for the data as it is (docs/RECRUITMENT.md). The API suite
 * times the same questions with neither (each request walks), beside the Cypher replayed through the
 * raw driver; this one times what a user of a running server meets, at the district, a chain and the
 * busiest anchor's circle, p50 over distinct cursors, with the walks' own time beside it.
 */
export const recruitSuite: Suite = {
  id: 'recruit',
  title: 'Recruitment and gaps as served: after the segment timeline and candidate lists',
  async run({ db, add, log, note }) {
    const server = await startServer({ db, port: 0, env: { ...BENCH_API_ENV, SEGMENT_TIMELINE_MIN_MS: '1000' } });
    const client = graphqlClient(new URL('/graphql', server.url).toString());
    try {
      const store = timelinesOf(db);
      if (!store) throw new Error('the server kept no segment timeline (SEGMENT_TIMELINE_MIN_MS)');
      const t0 = performance.now();
      await store.build();
      const walkS = (performance.now() - t0) / 1000;
      if (!store.listsFor((await store.current())!)) throw new Error('the walks ended without candidate lists for the present data');
      add({ suite: 'recruit', case: 'segment timeline + candidate lists', metric: 'walk time', unit: 's', ours: walkS, baseline: null, note: 'once per data version, in the background; requests walk until it ends' });
      const [chain] = await db.read('MATCH (c:Chain) RETURN c.id AS id ORDER BY c.id LIMIT 1');
      const [busiest] = await db.read('MATCH (a:Enterprise {isAnchor: true}) RETURN a.id AS id ORDER BY COUNT { (a)-[:ATTRACTED]->() } DESC, a.id LIMIT 1');
      const scopes: [string, string][] = [
        ['district', ''],
        [`chain ${String(chain?.id)}`, `, chainId: ${JSON.stringify(chain?.id)}`],
        [`busiest anchor's circle`, `, anchorId: ${JSON.stringify(busiest?.id)}`],
      ];
      const fields = {
        recruitmentTargets: (a: string) => `{ recruitmentTargets(${a}, limit: 10) { rank score enterprise { id } reasonEn fillsGap { status } ties { via quotes } } }`,
        chainGaps: (a: string) => `{ chainGaps(${a}) { chain { id } segments { segment { id } status localCount firms { id } } } }`,
      };
      for (const [field, query] of Object.entries(fields)) {
        for (const [scope, extra] of scopes) {
          // Planned once before the timing (the server also plans at start-up): a cursor not timed.
          await client.post(JSON.stringify({ query: query(`asOf: "2017-03"${extra}`) }));
          for (const [kind, cursors] of [['month ends', MONTH_CURSORS], ['days', DAY_CURSORS]] as const) {
            const ms: number[] = [];
            for (const c of cursors) {
              const t = performance.now();
              await client.post(JSON.stringify({ query: query(`asOf: "${c}"${extra}`) }));
              ms.push(performance.now() - t);
            }
            log(`${field} ${scope} at ${kind}: ${ms.map((x) => x.toFixed(0)).join(' / ')} ms`);
            add({
              suite: 'recruit',
              case: `${field} ${scope}, ${cursors.length} ${kind}`,
              metric: 'p50',
              unit: 'ms',
              ours: p50(ms),
              baseline: null,
              goal: { on: 'ours', op: '<=', target: SERVED_P50_GOAL_MS },
            });
          }
        }
      }
      note(`recruit: ${store.listCounts.served} rankings served from the candidate lists, ${store.listCounts.walked} sent to the walk by their check`);
    } finally {
      client.close();
      await server.close();
    }
  },
};
