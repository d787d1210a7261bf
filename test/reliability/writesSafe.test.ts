// Writes are safe: mutations need a token of a role that permits them; an import
// killed mid-way (SIGKILL of the real seed CLI) leaves the database as it was; two concurrent
// imports of the same data give what one gives.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { loadSmallDistrict } from './support/district.ts';
import { REL_ENV, TOKENS } from './support/apiEnv.ts';
import { spawnTsx } from './support/child.ts';
import { fingerprint } from './support/fingerprint.ts';
import { at, errorCodes, gql } from './support/http.ts';

let db: Db;
let server: { url: string; close(): Promise<void> };
let url: string;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadSmallDistrict(db, 1000);
  server = await startServer({ db, port: 0, env: REL_ENV });
  url = at(server.url, '/graphql');
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

const CREATE = `mutation($input: EnterpriseInput!) { createEnterprise(input: $input) { id name } }`;
const input = (id: string): Record<string, unknown> => ({
  id,
  name: `可靠性测试企业${id}`,
  landedOn: '2020-01',
  source: { kind: 'CURATED', reason: 'reliability test' },
});
const IMPORT = `mutation($d: JSON!) { importDataSet(dataSet: $d) { __typename } }`;

describe('writes need a token of the right role', () => {
  it('refuses a mutation without a token, or with an unknown one, and writes nothing', async () => {
    const before = await fingerprint(db);
    const none = await gql(url, CREATE, { input: input('rel-no-token') });
    expect(none.status).toBe(401);
    expect(errorCodes(none)).toContain('UNAUTHENTICATED');
    const bad = await gql(url, CREATE, { input: input('rel-bad-token') }, { headers: { authorization: 'Bearer not-a-real-token-at-all' } });
    expect(bad.status).toBe(401);
    expect(errorCodes(bad)).toContain('UNAUTHENTICATED');
    expect(await fingerprint(db)).toEqual(before);
  });

  it('refuses a role that does not permit the write (reader: any write; editor: importDataSet)', async () => {
    const before = await fingerprint(db);
    const reader = await gql(url, CREATE, { input: input('rel-reader') }, { headers: { authorization: `Bearer ${TOKENS.reader}` } });
    expect(reader.status).toBe(403);
    expect(errorCodes(reader)).toContain('FORBIDDEN');
    const editorImport = await gql(url, IMPORT, { d: { nodes: [], relations: [] } }, { headers: { authorization: `Bearer ${TOKENS.editor}` } });
    expect(editorImport.status).toBe(403);
    expect(errorCodes(editorImport)).toContain('FORBIDDEN');
    expect(await fingerprint(db)).toEqual(before);
  });

  it('lets the right role write (so the refusals above are the guard, not a broken request)', async () => {
    const r = await gql(url, CREATE, { input: input('rel-editor-ok') }, { headers: { authorization: `Bearer ${TOKENS.editor}` } });
    expect(r.status, r.text.slice(0, 400)).toBe(200);
    expect(r.body?.errors).toBeUndefined();
    expect(await db.read('MATCH (e:Enterprise {id: $id}) RETURN e.id AS id', { id: 'rel-editor-ok' })).toEqual([{ id: 'rel-editor-ok' }]);
  });
});

/** Polls until `cond` holds, or fails after `ms`. */
async function until(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Transactions on the server that began after `since` other than our own SHOW — i.e. the import
 * child's (this file's server is idle meanwhile, and its own reads are awaited one at a time).
 */
async function childTransactions(since: string): Promise<{ queryId: string; query: string }[]> {
  const rows = await db.read(
    `SHOW TRANSACTIONS YIELD currentQuery, currentQueryId, startTime
     WHERE NOT currentQuery STARTS WITH 'SHOW' AND datetime(startTime) >= datetime($since)
     RETURN currentQuery, currentQueryId`,
    { since },
  );
  return rows.map((r) => ({ queryId: String(r.currentQueryId), query: String(r.currentQuery) }));
}

/**
 * Runs the real seed CLI against the test Neo4j and SIGKILLs it mid-way — while its one
 * transaction is writing (single-tx), or once some of its batches have committed (staged) —
 * then checks the database is as before (after `--recover` for a staged import, the documented
 * clean-up of a killed one, which also runs at the start of every import).
 */
async function killMidway(args: string[], mode: 'single-tx' | 'staged'): Promise<void> {
  const before = await fingerprint(db);
  const since = new Date().toISOString();
  const env = { NEO4J_URI: inject('neo4jUri') };
  const child = spawnTsx('seed/src/cli/seedCli.ts', args, env);
  const alive = async (): Promise<void> => {
    if (child.proc.exitCode !== null) throw new Error(`the import ended (${child.proc.exitCode}) before it could be killed:\n${child.output().slice(-1500)}`);
  };
  try {
    if (mode === 'single-tx') {
      // Mid-way: the second write statement has started, so the first one is done (had it been
      // committed on its own, the database would now differ).
      const seen = new Set<string>();
      await until(
        async () => {
          await alive();
          for (const t of await childTransactions(since)) if (t.query.includes('UNWIND $rows')) seen.add(t.queryId);
          return seen.size >= 2;
        },
        90_000,
        'the import\'s second write statement',
      );
    } else {
      await until(async () => (await alive(), ((await db.read('MATCH (n:ImportStaging) RETURN count(n) AS c'))[0]?.c as number) > 0), 90_000, 'committed staged batches');
    }
    expect(child.proc.exitCode, 'the import finished before it could be killed; make it bigger').toBeNull();
    child.proc.kill('SIGKILL');
    await child.exited(10_000);
    // Neo4j rolls back the transaction of a client that vanished once it notices the closed socket.
    await until(async () => (await childTransactions(since)).length === 0, 60_000, 'the killed import\'s transactions to end');
    if (mode === 'staged') {
      const left = (await db.read('MATCH (n:ImportStaging) RETURN count(n) AS c'))[0]?.c;
      console.log(`[writes] staged import killed: ${String(left)} staged nodes left until --recover`);
      const recover = spawnTsx('seed/src/cli/seedCli.ts', ['--recover'], env);
      expect(await recover.exited(120_000), recover.output().slice(-1000)).toBe(0);
    }
    expect(await fingerprint(db)).toEqual(before);
  } finally {
    if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
  }
}

describe('imports are all-or-nothing and idempotent under concurrency', () => {
  it('an import killed mid-way (SIGKILL) leaves the database as it was (one-transaction import)', async () => {
    await killMidway(['--synthetic', '4000', '--seed', '101'], 'single-tx');
  }, 180_000);

  it('an import killed mid-way (SIGKILL) leaves the database as it was (staged import of a larger district, after --recover)', async () => {
    // 30,000 firms ≈ 175k rows: above the importer's one-transaction limit (150k rows), so staged.
    await killMidway(['--synthetic', '30000', '--seed', '102'], 'staged');
  }, 240_000);

  it('two concurrent imports of the same data give the same database as one', async () => {
    const args = ['--synthetic', '1500', '--seed', '103'];
    const env = { NEO4J_URI: inject('neo4jUri') };
    await resetDb(db);
    const one = spawnTsx('seed/src/cli/seedCli.ts', args, env);
    expect(await one.exited(120_000), one.output().slice(-1500)).toBe(0);
    const single = await fingerprint(db);
    await resetDb(db);
    const a = spawnTsx('seed/src/cli/seedCli.ts', args, env);
    const b = spawnTsx('seed/src/cli/seedCli.ts', args, env);
    const codes = await Promise.all([a.exited(180_000), b.exited(180_000)]);
    // One of them may lose a race and fail cleanly (non-zero, nothing half-written), or retry and
    // succeed; either way the database must hold exactly what one import gives.
    expect(codes.some((c) => c === 0), a.output().slice(-800) + b.output().slice(-800)).toBe(true);
    expect(await fingerprint(db)).toEqual(single);
  }, 240_000);
});
