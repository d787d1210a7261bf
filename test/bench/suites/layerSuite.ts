import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { Db, type Params, type Row } from '@cangshan/neo4j';
import { spawnTsx } from '../../reliability/support/child.ts';
import { startServer } from '@cangshan/api';
import { buildApiSchema } from '@cangshan/api';
import { createContext } from '@cangshan/api';
import { readConfig } from '@cangshan/api';
import { interleave, medianOf } from '../harness/compare.ts';
import { graphqlClient } from '../harness/httpClient.ts';
import { closedLoop, type LoadResult } from '../harness/load.ts';
import type { Suite } from '../harness/suite.ts';
import { BENCH_API_ENV } from './apiSuite.ts';

/** ~20 firms × 12 fields + their nested neighbours: a response of a few hundred fields. */
const QUERY = `{ enterprises(first: 20, filter: { isAnchor: false }) { totalCount edges { cursor node {
  id name nameEn aliases isAnchor synthetic origin signedOn landedOn
  attracted { id name landedOn } attractedBy { id name } upstream { id name } downstream { id name } } } } }`;

/**
 * The data layer stubbed in memory: every read answered from rows recorded once from the real
 * database, keyed by the exact Cypher and parameters — so both contenders run the real
 * resolvers, loaders and value mapping, and neither waits on Neo4j.
 */
class RecordedDb extends Db {
  private readonly rows = new Map<string, Row[]>();
  recording = true;
  constructor(private readonly real: Db) {
    super(real.driver);
  }
  override async read(cypher: string, params: Params = {}): Promise<Row[]> {
    const key = cypher + '\u0000' + JSON.stringify(params);
    if (this.recording) {
      const r = await this.real.read(cypher, params);
      this.rows.set(key, r);
      return structuredClone(r);
    }
    const r = this.rows.get(key);
    if (!r) throw new Error(`not recorded: ${cypher.slice(0, 80)}`);
    return structuredClone(r);
  }
  override async ping(): Promise<boolean> {
    return true;
  }
}

/** The floor: graphql-js `execute` behind node:http, documents parsed and validated once. */
async function bareHandler(schema: GraphQLSchema, db: Db): Promise<{ url: string; close: () => Promise<void> }> {
  const config = readConfig(BENCH_API_ENV);
  const cache = new Map<string, DocumentNode>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
        let doc = cache.get(body.query);
        if (!doc) {
          doc = parse(body.query);
          const errors = validate(schema, doc);
          if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
          cache.set(body.query, doc);
        }
        const result = await execute({
          schema,
          document: doc,
          variableValues: body.variables,
          contextValue: createContext(db, config, { role: null, actor: 'anonymous' }),
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      })().catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Rounds of 600 requests at c=16 take seconds; a child still running after this has hung. */
const LAYER_CHILD_TIMEOUT_MS = 10 * 60_000;

/** How much each contender runs: requests per round, warm-up rounds, measured rounds. */
export interface LayerOpts {
  layerRequests: number;
  warmup: number;
  rounds: number;
}

export interface LayerResult {
  fields: number;
  ours: LoadResult[];
  bare: LoadResult[];
}

/**
 * The measurement itself: both contenders in the calling process, recorded from the Neo4j at `uri`.
 * The suite runs it in a fresh child process (below), so that neither side pays for the bench
 * harness's own old generation (import dictionaries, earlier suites' results) — a server process
 * holds only its own state — and both run in the same clean heap.
 */
export async function measureLayer(uri: string, opts: LayerOpts, log: (l: string) => void): Promise<LayerResult> {
  const real = new Db(neo4j.driver(uri));
  const stub = new RecordedDb(real);
  const ours = await startServer({ db: stub, port: 0, env: BENCH_API_ENV });
  const bare = await bareHandler(buildApiSchema(), stub);
  const oursClient = graphqlClient(new URL('/graphql', ours.url).toString());
  const bareClient = graphqlClient(bare.url);
  try {
    const body = JSON.stringify({ query: QUERY });
    const a = await oursClient.post(body);
    stub.recording = false;
    const b = await bareClient.post(body);
    const fields = (a.match(/":/g) ?? []).length;
    log(`response ${a.length} bytes, ${fields} fields; bare ${b.length} bytes`);
    if (JSON.stringify(JSON.parse(a).data) !== JSON.stringify(JSON.parse(b).data)) throw new Error('the two handlers answer differently');
    const run = (post: (s: string) => Promise<string>) => () => closedLoop(() => post(body), opts.layerRequests, 16);
    const res = await interleave<LoadResult>(
      [
        { name: 'ours', run: run(oursClient.post) },
        { name: 'bare', run: run(bareClient.post) },
      ],
      { warmup: opts.warmup, rounds: opts.rounds },
    );
    return { fields, ours: res.get('ours') ?? [], bare: res.get('bare') ?? [] };
  } finally {
    oursClient.close();
    bareClient.close();
    await ours.close();
    await bare.close();
    await real.close();
  }
}

/** Runs measureLayer in a child process (test/bench/layerChild.ts) and returns what it printed. */
async function measureInChild(uri: string, opts: LayerOpts, log: (l: string) => void): Promise<LayerResult> {
  // NODE_ENV as the bench's own (spawnTsx would set production, which changes graphql-js's checks).
  const child = spawnTsx('test/bench/layerChild.ts', [], { LAYER_URI: uri, LAYER_OPTS: JSON.stringify(opts), NODE_ENV: process.env.NODE_ENV ?? '' });
  const code = await child.exited(LAYER_CHILD_TIMEOUT_MS);
  const lines = child.output().split('\n');
  for (const line of lines) if (line.startsWith('log ')) log(line.slice(4));
  const result = lines.find((l) => l.startsWith('result '));
  if (code !== 0 || !result) throw new Error(`the layer measurement process failed (exit ${code}): ${child.output().slice(-600)}`);
  return JSON.parse(result.slice(7)) as LayerResult;
}

/**
 * Our server (Apollo Server 5 as configured, Express, limits, error formatting,
 * auth) vs a bare graphql-js handler with a document cache, both over the same schema and
 * resolvers on the same in-memory data, 16 concurrent clients, in a fresh process of their own.
 * Goal: ≥ 0.75× its throughput.
 */
export const layerSuite: Suite = {
  id: 'layer',
  title: 'GraphQL layer: our server vs bare graphql-js, data layer in memory',
  async run({ uri, config, add, log }) {
    const res = await measureInChild(uri, { layerRequests: config.layerRequests, warmup: config.warmup, rounds: config.rounds }, log);
    const m = (k: 'throughput' | 'p50', who: 'ours' | 'bare'): number => medianOf(res[who], (r) => r[k]);
    const c = `c=16, ${res.fields}-field response`;
    add({ suite: 'layer', case: c, metric: 'throughput', unit: 'req/s', ours: m('throughput', 'ours'), baseline: m('throughput', 'bare'), baselineName: 'bare graphql-js', goal: { on: 'ratio', op: '>=', target: 0.75 } });
    add({ suite: 'layer', case: c, metric: 'p50', unit: 'ms', ours: m('p50', 'ours'), baseline: m('p50', 'bare'), baselineName: 'bare graphql-js' });
  },
};
