// `npm run import:registry` as a user runs it: a child process on the run's Neo4j (NEO4J_URI).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '../../article/loadArticleDataSet.ts';
import { FILES } from './fixtures/fixtureFirms.ts';
import { FIXTURE_DIR } from './fixtures/makeFixtures.ts';

let db: Db;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'registry-cli-'));
const fixture = (f: string): string => path.join(FIXTURE_DIR, f);

function importRegistry(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'seed/src/registry/cli/importRegistry.ts', ...args], {
    env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadArticleDataSet(db);
});
afterAll(async () => {
  await db.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run import:registry', () => {
  it('--dry-run shows the columns, the problems, what would change and the matches by name, and writes nothing', async () => {
    const before = await graphCounts(db);
    const r = importRegistry(fixture(FILES.month1), '--dry-run');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${FILES.month1} (xlsx, sheet 企业列表): 17 rows, 16 firms, 1 duplicate row(s) merged, 0 held`);
    expect(r.stdout).toContain('District: district-cangshan');
    expect(r.stdout).toMatch(/统一社会信用代码\s+→ creditCode/);
    expect(r.stdout).toContain('Problems: 0 error(s)');
    expect(r.stdout).toContain('new 15, changed 1, unchanged 0, departures 3, not in this export 0, to review 4');
    expect(r.stdout).toContain('Matched by name (1): check that each is the same firm before importing:\n  大吕网络科技有限公司 (row 10) → dalv, by alias');
    expect(r.stderr).toContain('Dry run: nothing was written.');
    expect(await graphCounts(db)).toEqual(before);
  });

  it('off a terminal and without --yes, refuses and says to pass --yes', async () => {
    const before = await graphCounts(db);
    const r = importRegistry(fixture(FILES.month1));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pass --yes to import');
    expect(await graphCounts(db)).toEqual(before);
  });

  it('--yes imports, with one Change by the CLI user', async () => {
    const r = importRegistry(fixture(FILES.month1), '--yes');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`✓ Imported ${FILES.month1} into district-cangshan: 15 new, 1 changed`);
    expect(await db.read("MATCH (e:Enterprise) WHERE e.registryDistrictId = 'district-cangshan' RETURN count(e) AS n")).toEqual([{ n: 16 }]);
    const [change] = await db.read("MATCH (c:Change {action: 'importRegistry'}) RETURN c.actor AS actor");
    expect(String(change?.actor)).toMatch(/^cli:/);
  });

  it('refuses a file with errors, listing each with its row, column and value (exit 1), unless --hold-invalid', async () => {
    const before = await graphCounts(db);
    const refused = importRegistry(fixture(FILES.bad), '--yes');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('Problems: 3 error(s)');
    expect(refused.stdout).toContain(`error ${fixture(FILES.bad)}:4 [统一社会信用代码] "9.13501E+17" — invalid credit code`);
    expect(refused.stderr).toContain('Refused: 3 error(s) above; nothing was written');
    expect(await graphCounts(db)).toEqual(before);
    const held = importRegistry(fixture(FILES.bad), '--yes', '--hold-invalid');
    expect(held.status, held.stderr).toBe(0);
    expect(held.stdout).toContain('Held for review (3)');
    expect(held.stdout).toContain('2 new');
  });

  it('exit 1 for an unreadable file, 2 for a wrong call', () => {
    const notXlsx = path.join(tmp, '名录.xlsx');
    writeFileSync(notXlsx, 'not a workbook');
    const unreadable = importRegistry(notXlsx, '--dry-run');
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toContain('has an Excel name but is not an .xlsx workbook');
    expect(importRegistry().status).toBe(2);
    expect(importRegistry(fixture(FILES.month1), fixture(FILES.month2)).status).toBe(2);
    expect(importRegistry('--frobnicate').status).toBe(2);
  });
});
