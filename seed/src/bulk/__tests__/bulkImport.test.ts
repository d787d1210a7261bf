import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, freePort, schemaApplied, startEmbedded } from '@cangshan/neo4j';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { generateProvince, provinceDataSet } from '../../synthetic/generateProvince.ts';
import { importDataSet } from '../../importer/importDataSet.ts';
import { bulkImport, BulkImportFailed, BulkImportRefused } from '../bulkImport.ts';
import { digestOf, storedGraph } from './storedGraph.ts';

// A bulk import stops and replaces a server's store: it gets an embedded Neo4j of its own in a
// temporary folder, never the test run's shared one (which holds the online import to compare with).
const home = mkdtempSync(path.join(tmpdir(), 'bulk-home-'));
const province = { districts: 2, enterprisesPerDistrict: 1000, seed: 5 };
const chunks = (): Iterable<ReturnType<typeof provinceDataSet>> =>
  (function* () {
    for (const c of generateProvince(province)) yield c.data;
  })();
let port = 0;
const lines: string[] = [];
const log = (l: string): void => void lines.push(l);

/** The bulk server's stored graph, read on a start of its own. */
async function graphOnDisk(): Promise<string[]> {
  const s = await startEmbedded({ home, boltPort: port, log });
  const db = Db.open(s.uri);
  try {
    return await storedGraph(db);
  } finally {
    await db.close();
    await s.stop();
  }
}

/** Lines in one listing and not the other (at most five each way): an empty pair when equal. */
function difference(a: readonly string[], b: readonly string[]): [string[], string[]] {
  const sa = new Set(a);
  const sb = new Set(b);
  return [a.filter((x) => !sb.has(x)).slice(0, 5), b.filter((x) => !sa.has(x)).slice(0, 5)];
}

beforeAll(async () => {
  port = await freePort();
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe.sequential('bulkImport (neo4j-admin into a side folder, then a swap)', () => {
  let imported: string[] = [];

  it('stores exactly what the online import stores for the same province, with the schema applied', async () => {
    const report = await bulkImport({ home, boltPort: port, chunks: chunks(), log, keepRunning: true });
    const server = report.server;
    if (!server) throw new Error('keepRunning returned no server');
    const bulkDb = Db.open(server.uri);
    try {
      imported = await storedGraph(bulkDb);
      expect(await schemaApplied(bulkDb)).toBe(true);
      // The full-text index answers on the bulk-loaded names (as the API's search asks it).
      const [firm] = await bulkDb.read("MATCH (e:Enterprise {id: 'syn-d02-e0007'}) RETURN e.name AS name");
      const [found] = await bulkDb.read("CALL db.index.fulltext.queryNodes('enterprise_names_zh', $q) YIELD node WHERE node.id = 'syn-d02-e0007' RETURN count(*) AS c", {
        q: `"${String(firm?.name)}"`,
      });
      expect(found?.c).toBe(1);
    } finally {
      await bulkDb.close();
      await server.stop();
    }
    expect(report).toMatchObject({ nodes: imported.filter((l) => !l.includes('->')).length });
    expect(report.relations).toBeGreaterThan(5 * 2000);
    expect(lines.some((l) => l.startsWith('[bulk] done:') && l.endsWith('rows/s'))).toBe(true);

    const online = testDb();
    try {
      await resetDb(online);
      await importDataSet(online, provinceDataSet(province));
      const onlineGraph = await storedGraph(online);
      expect(difference(imported, onlineGraph)).toEqual([[], []]);
      expect(imported).toHaveLength(onlineGraph.length);
    } finally {
      await online.close();
    }
    expect(readdirSync(path.join(home, 'bulk-work'))).toEqual([]);
  }, 600_000);

  it('refuses a database that holds data without replace, and leaves it as it was', async () => {
    await expect(bulkImport({ home, boltPort: port, chunks: chunks(), log })).rejects.toBeInstanceOf(BulkImportRefused);
  }, 300_000);

  it('leaves the database as it was when neo4j-admin rejects the data (a relation to a missing firm)', async () => {
    const failed = bulkImport({
      home,
      boltPort: port,
      chunks: chunks(),
      log,
      replace: true,
      hooks: {
        afterCsv: (csv) => {
          const rel = csv.sources.find((s) => s.kind === 'relationships' && s.name === 'SUPPLIES');
          if (!rel) throw new Error('no SUPPLIES file');
          const first = readFileSync(rel.data, 'utf8').split('\n')[0] as string;
          appendFileSync(rel.data, first.replace(/^"[^"]*"/, '"syn-no-such-firm"') + '\n');
        },
      },
    });
    await expect(failed).rejects.toThrow(BulkImportFailed);
    await expect(failed).rejects.toThrow(/syn-no-such-firm/);
    expect(digestOf(await graphOnDisk())).toBe(digestOf(imported));
  }, 300_000);

  it('leaves the database as it was when the import process is killed midway, and cleans up after it', async () => {
    let pid = 0;
    const killing = (l: string): void => {
      log(l);
      if (pid > 0 && l.includes('] Nodes, started')) process.kill(pid, 'SIGKILL');
    };
    const failed = bulkImport({ home, boltPort: port, chunks: chunks(), log: killing, replace: true, hooks: { onAdminSpawn: (p) => (pid = p) } });
    await expect(failed).rejects.toThrow(/killed \(SIGKILL\)/);
    expect(existsSync(path.join(home, 'bulk-swap.json'))).toBe(false);
    expect(readdirSync(path.join(home, 'bulk-work'))).toEqual([]);
    expect(digestOf(await graphOnDisk())).toBe(digestOf(imported));
  }, 300_000);
});
