// A district starting from its own data: a database with the chains and no district; a file with
// its own headers and a mapping file; an import large enough to be staged; an import that fails
// half-way.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { chainReferenceDataSet } from '../../chains/chainReferenceData.ts';
import { document as articleDocument } from '../../article/places.ts';
import { importDataSet } from '../../importer/importDataSet.ts';
import { understandRegistryExport } from '../understandRegistryExport.ts';
import { registryCsvBytes } from '../generator/writeRegistryExport.ts';
import { makeCreditCode } from '../creditCode.ts';
import { applyRegistryImport, planRegistryImport, RegistryPlanError } from '../write/index.ts';
import { CODES, FILES } from './fixtures/fixtureFirms.ts';
import { FIXTURE_DIR } from './fixtures/makeFixtures.ts';

const fixture = (f: string): string => path.join(FIXTURE_DIR, f);
let db: Db;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  const chains = chainReferenceDataSet();
  await importDataSet(db, { nodes: [articleDocument, ...chains.nodes], relations: chains.relations });
});
afterAll(() => db.close());

describe('a database with the chains and no district', () => {
  it('an import that fails half-way leaves the database as it was', async () => {
    const before = await graphCounts(db);
    const plan = await planRegistryImport(db, await understandRegistryExport(fixture(FILES.month1)), { today: '2026-11-30' });
    const failing = (p: { done: number }): void => {
      if (p.done > 10) throw new Error('injected failure');
    };
    // Small batches, so that the failure comes after some of them were written.
    await expect(applyRegistryImport(db, plan, { actor: 'test', onProgress: failing, batchSize: 5 })).rejects.toThrow('injected failure');
    expect(await graphCounts(db)).toEqual(before);
  });

  it('gets its district from the export\'s 所属区县, and says so before writing', async () => {
    const plan = await planRegistryImport(db, await understandRegistryExport(fixture(FILES.month1)), { today: '2026-11-30' });
    expect(plan.districtCreated).toEqual({ id: 'district-cangshan', name: '仓山区' });
    expect(plan.districtId).toBe('district-cangshan');
    // No article here: 大吕网络科技有限公司 is a new firm, and 华为技术有限公司 a parent made outside.
    expect(plan.matched).toEqual([]);
    await applyRegistryImport(db, plan, { actor: 'test' });
    expect(await db.read("MATCH (p:Place {kind: 'district'}) RETURN p.id AS id, p.name AS name, p.sourceKind AS k")).toEqual([{ id: 'district-cangshan', name: '仓山区', k: 'REGISTRY' }]);
    expect(await db.read("MATCH (e:Enterprise)-[:LOCATED_IN]->(:Place {id: 'district-cangshan'}) RETURN count(e) AS n")).toEqual([{ n: 16 }]);
  });

  it('reads unusual headers through a mapping file', async () => {
    const u = await understandRegistryExport(fixture(FILES.mapped), { columns: fixture(FILES.columnMap) });
    expect(u.columns.filter((c) => c.how.startsWith('mapping file')).map((c) => c.field)).toEqual(['name', 'creditCode', 'foundedOn', 'registeredCapital', 'address', 'businessScope']);
    const plan = await planRegistryImport(db, u, { today: '2026-11-30' });
    expect(plan.counts).toMatchObject({ new: 1, errors: 0 });
    // Staged as the largest imports are: the history, removals and Change record come with the last swap.
    const r = await applyRegistryImport(db, plan, { actor: 'test', maxSingleTxRows: 1 });
    expect(r.report.mode).toBe('staged');
    const [firm] = await db.read('MATCH (e:Enterprise {id: $id}) RETURN e.name AS name, e.foundedOn AS foundedOn, e.registeredCapitalAmount AS capital, e.address AS address', {
      id: `uscc-${CODES.Y.toLowerCase()}`,
    });
    expect(firm).toEqual({ name: '福州烟台山文旅发展有限公司', foundedOn: '2021-05-18', capital: 8_000_000, address: '福建省福州市仓山区仓前街道观井路1号' });
    expect(await db.read("MATCH (c:Change {action: 'importRegistry'}) RETURN count(c) AS n")).toEqual([{ n: 2 }]);
    expect(await db.read('MATCH (n:ImportStaging) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('with two districts, asks which one', async () => {
    await importDataSet(db, { nodes: [{ id: 'district-gulou', label: 'Place', kind: 'district', name: '鼓楼区', sourceKind: 'CURATED', reason: 'test', synthetic: false }], relations: [] });
    const u = await understandRegistryExport(fixture(FILES.month2));
    await expect(planRegistryImport(db, u)).rejects.toBeInstanceOf(RegistryPlanError);
    await expect(planRegistryImport(db, u, { districtId: 'nowhere' })).rejects.toThrow('No Place has id "nowhere"');
    const plan = await planRegistryImport(db, u, { districtId: 'district-cangshan', today: '2026-12-31' });
    // Missing: the branch F2, and the firm of the mapped file (not in the monthly list).
    expect(plan.counts).toMatchObject({ new: 1, changed: 5, notInExport: 2 });
    expect(plan.notInExport.map((f) => f.enterpriseId).sort()).toEqual([`uscc-${CODES.F2.toLowerCase()}`, `uscc-${CODES.Y.toLowerCase()}`].sort());
  });

  it('a firm that left with no date in the export leaves in the month of the import, with a warning', async () => {
    const code = makeCreditCode('91350104', 'MAN34343');
    const table = {
      headers: ['企业名称', '统一社会信用代码', '登记状态', '成立日期', '所属区县'],
      rows: [{ 企业名称: '福州无日期注销科技有限公司', 统一社会信用代码: code, 登记状态: '注销', 成立日期: '2020-03-03', 所属区县: '仓山区' }],
    };
    const u = await understandRegistryExport({ buffer: registryCsvBytes(table, 'gb18030'), fileName: '注销无日期.csv' });
    const plan = await planRegistryImport(db, u, { districtId: 'district-cangshan', today: '2027-03-15' });
    expect(plan.departures).toEqual([expect.objectContaining({ enterpriseId: `uscc-${code.toLowerCase()}`, leftOn: '2027-03', leftHow: 'closed' })]);
    expect(plan.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'left date', row: 2, why: expect.stringContaining('leaves in the month of the import (2027-03)') })]));
  });
});
