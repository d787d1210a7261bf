import { startApiProcess } from '../../reliability/support/apiProcess.ts';
import { BENCH_SERVER_ENV } from './apiSuite.ts';
import { rssMb } from '../../reliability/support/child.ts';
import { graphqlClient } from '../harness/httpClient.ts';
import { closedLoop } from '../harness/load.ts';
import { sampleIds } from '../harness/sampleIds.ts';
import { apiShapes } from '../harness/shapes.ts';
import type { Suite } from '../harness/suite.ts';

const LOAD_MS = 15_000;

/**
 * Memory, server side: the real server process (`tsx api/src/main.ts`, as `npm start` runs
 * it) on the benchmark's Neo4j, 16 clients cycling through every API shape for 15 s; its peak
 * RSS, sampled every 100 ms from /proc, against its RSS when idle after start. The read cache is
 * on, as in production: its entries count in the peak.
 */
export const memorySuite: Suite = {
  id: 'memory',
  title: 'Memory: API peak RSS under load',
  async run({ db, uri, add, log }) {
    const ids = await sampleIds(db);
    const api = await startApiProcess({ neo4jUri: uri, env: { ...BENCH_SERVER_ENV } });
    const client = graphqlClient(`${api.url}/graphql`);
    try {
      const idle = rssMb(api.child.pid);
      let peak = idle;
      const timer = setInterval(() => {
        peak = Math.max(peak, rssMb(api.child.pid));
      }, 100);
      const bodies = apiShapes(ids).map((s) => JSON.stringify({ query: s.query, variables: s.variables }));
      let i = 0;
      const res = await closedLoop(() => client.post(bodies[i++ % bodies.length] as string), Number.MAX_SAFE_INTEGER, 16, { maxMs: LOAD_MS, minCalls: 0 });
      clearInterval(timer);
      log(`${res.requests} requests, ${res.errors} errors, p99 ${res.p99.toFixed(0)} ms; RSS idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`);
      add({ suite: 'memory', case: 'API under load (c=16, all shapes)', metric: 'peak RSS', unit: 'MB', ours: peak, baseline: idle, baselineName: 'idle' });
      add({ suite: 'memory', case: 'API under load (c=16, all shapes)', metric: 'failed requests', unit: 'count', ours: res.errors, baseline: null, goal: { on: 'ours', op: '<=', target: 0 } });
    } finally {
      client.close();
      api.child.proc.kill('SIGTERM');
      await api.child.exited(30_000).catch(() => api.child.proc.kill('SIGKILL'));
    }
  },
};
