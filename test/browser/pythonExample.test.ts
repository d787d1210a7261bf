// The Python example (examples/python/enterprises_to_csv.py), a client of the running API like
// the browser: it pages through `enterprises` by Relay cursors against the server started here, in
// process, over the article data, and writes a CSV with a BOM that holds every firm once. Needs
// python3 (standard library only); without it the tests are skipped with a message saying so.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';

const SCRIPT = path.join(REPO_ROOT, 'examples', 'python', 'enterprises_to_csv.py');
const PYTHON = process.env.PYTHON ?? 'python3';
const hasPython = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasPython) console.warn(`[pythonExample] skipped: ${PYTHON} is not on PATH (install python3 to run the example's test)`);

const READER = 'python-reader-token';
let db: Db;
let server: RunningServer;
let locked: RunningServer;
const dir = mkdtempSync(path.join(os.tmpdir(), 'python-example-'));

async function gql(s: RunningServer, query: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${s.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return (await r.json()) as { data: Record<string, unknown> };
}

/** Runs the script without blocking this process, which serves the API the script talks to. */
function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(PYTHON, [SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, API_TOKEN: '' } }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

/** The CSV's records (no field of the article data holds a newline, so lines are records). */
function records(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
}

describe.skipIf(!hasPython)('examples/python/enterprises_to_csv.py', () => {
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
    await loadArticleDataSet(db);
    await db.write("CREATE (:Entity:Enterprise {id: 'zz-formula', name: '=1+1 科技', synthetic: false, sourceKind: 'CURATED', reason: 'test', local: true, isAnchor: false})");
    const env = { ...process.env, API_TOKENS: `${READER}:reader`, RATE_LIMIT_PER_MINUTE: '0' };
    server = await startServer({ db, port: 0, env, log: () => {} });
    locked = await startServer({ db, port: 0, env: { ...env, API_READ_TOKEN_REQUIRED: 'true' }, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
    await locked?.close();
    await db?.close();
  });

  it('pages through every enterprise and writes each once, with a BOM and formula-like text marked', async () => {
    const api = (await gql(server, '{ enterprises(first: 1000) { totalCount nodes { id } } }')).data.enterprises as { totalCount: number; nodes: Array<{ id: string }> };
    expect(api.totalCount).toBeGreaterThan(10);
    const out = path.join(dir, 'all.csv');
    const r = await run('--url', `${server.url}graphql`, '--out', out, '--page-size', '4');
    expect(r.status, r.stderr).toBe(0);
    const pages = Math.ceil(api.totalCount / 4);
    expect(r.stdout).toContain(`wrote ${api.totalCount} of ${api.totalCount} enterprises in ${pages} pages`);
    const [head, ...rows] = records(out);
    expect(head!.slice(0, 3)).toEqual(['id', 'name', 'nameEn']);
    expect(rows.map((row) => row[0]).sort()).toEqual(api.nodes.map((n) => n.id).sort());
    const toutiao = rows.find((row) => row[0] === 'toutiao')!;
    expect(toutiao[1]).toBe('今日头条');
    expect(toutiao[head!.indexOf('isAnchor')]).toBe('true');
    expect(rows.find((row) => row[0] === 'zz-formula')![1]).toBe("'=1+1 科技");
  });

  it('takes a filter, and a token when reads need one; says why when refused', async () => {
    const out = path.join(dir, 'content.csv');
    const refused = await run('--url', `${locked.url}graphql`, '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('UNAUTHENTICATED');
    const r = await run('--url', `${locked.url}graphql`, '--out', out, '--token', READER, '--filter', '{"chainId": "chain-content"}');
    expect(r.status, r.stderr).toBe(0);
    const api = (await gql(locked, '{ enterprises(first: 1000, filter: {chainId: "chain-content"}) { nodes { id } } }', { authorization: `Bearer ${READER}` })).data.enterprises as {
      nodes: Array<{ id: string }>;
    };
    const [, ...rows] = records(out);
    expect(rows.map((row) => row[0]).sort()).toEqual(api.nodes.map((n) => n.id).sort());
    expect(rows.length).toBeGreaterThan(0);
  });
});
