// A staged import killed mid-way is invisible. The real seed CLI imports a district large enough to
// be staged (> 150k rows) into the run's Neo4j while the API serves it; readers — Cypher on
// `:Enterprise` and GraphQL `stats` / `enterprises { totalCount }` — see the database as before
// while its batches commit, and after it is SIGKILLed; the next start of the real server entry
// point (api/src/main.ts on NEO4J_URI) removes what it staged, and says so.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { loadSmallDistrict } from './support/district.ts';
import { REL_ENV } from './support/apiEnv.ts';
import { startApiProcess } from './support/apiProcess.ts';
import { spawnTsx } from './support/child.ts';
import { fingerprint } from './support/fingerprint.ts';
import { at, gql } from './support/http.ts';

let db: Db;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadSmallDistrict(db, 300);
  server = await startServer({ db, port: 0, env: REL_ENV });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

const count = async (cypher: string): Promise<number> => (await db.read(cypher))[0]?.c as number;
const staged = (): Promise<number> => count('MATCH (n:ImportStaging) RETURN count(n) AS c');

/** What a reader sees: firms and relations by Cypher, and the API's counts. */
async function seen(): Promise<unknown> {
  const r = await gql(at(server.url, '/graphql'), '{ stats { enterprises synthetic outside byYear { year count } } enterprises { totalCount } }');
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  return {
    enterprises: await count('MATCH (e:Enterprise) RETURN count(e) AS c'),
    entities: await count('MATCH (n:Entity) RETURN count(n) AS c'),
    relations: await count('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS c'),
    api: r.body?.data,
  };
}

async function until(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a staged import killed mid-way', () => {
  it('is invisible to readers while it runs and once killed, and is removed at the next start', async () => {
    const before = await seen();
    const print = await fingerprint(db);
    // 22,000 firms ≈ 161k rows: above the one-transaction limit (150k rows), so staged.
    const child = spawnTsx('seed/src/cli/seedCli.ts', ['--synthetic', '22000', '--seed', '104'], { NEO4J_URI: inject('neo4jUri') });
    try {
      await until(
        async () => {
          if (child.proc.exitCode !== null) throw new Error(`the import ended (${child.proc.exitCode}) before it could be killed:\n${child.output().slice(-1500)}`);
          return (await staged()) >= 10_000;
        },
        120_000,
        'the first staged batch',
      );
      // Batches have committed; the import goes on meanwhile.
      const during = await seen();
      const stagedDuring = await staged();
      expect(child.proc.exitCode, 'the import finished before it could be killed; make it bigger').toBeNull();
      child.proc.kill('SIGKILL');
      await child.exited(10_000);
      console.log(`[staged] ${stagedDuring} staged nodes committed while readers looked; killed`);
      expect(during).toEqual(before);
      expect(await seen()).toEqual(before);
      expect(await staged()).toBeGreaterThan(0);
    } finally {
      if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
    }

    // The next start cleans up before it serves.
    const api = await startApiProcess({ neo4jUri: inject('neo4jUri'), env: { WARM_PLANS: '0' } });
    try {
      expect(api.child.output()).toMatch(/\[import\] rolled back staged import imp-\S+ \(its process \d+ is gone\)/);
      expect(await staged()).toBe(0);
      expect(await fingerprint(db)).toEqual(print);
      expect(await seen()).toEqual(before);
    } finally {
      api.child.proc.kill('SIGTERM');
      await api.child.exited(30_000);
    }
  }, 240_000);
});
