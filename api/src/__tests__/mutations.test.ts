// Writes: tokens and roles, validation, all-or-nothing, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '@cangshan/neo4j/testing';
import { normaliseName } from '@cangshan/seed';
import { dataOf, firstError, startHarness, TOKENS, type Harness } from './harness.ts';

let h: Harness;
const as = (role: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[role]}` });
const changes = async () => ((await h.db.read('MATCH (c:Change) RETURN count(c) AS n'))[0]?.n as number) ?? 0;

const CREATE = `mutation($input: EnterpriseInput!) { createEnterprise(input: $input) { id name nameEn landedOn sourceKind park { id } sources { kind reason } } }`;
const newFirm = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: '测试智能科技',
  nameEn: 'Test Intelligence',
  landedOn: '2020-05',
  source: { kind: 'CURATED', reason: 'test fixture' },
  ...extra,
});

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('who may write', () => {
  it('refuses a write without a token (UNAUTHENTICATED, 401) and with a reader token (FORBIDDEN, 403)', async () => {
    const before = await graphCounts(h.db);
    const anon = await h.gql(CREATE, { input: newFirm('anon-firm') });
    expect(anon.status).toBe(401);
    expect(firstError(anon).extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await h.gql(CREATE, { input: newFirm('reader-firm') }, as('reader'));
    expect(reader.status).toBe(403);
    expect(firstError(reader).extensions?.code).toBe('FORBIDDEN');
    expect(await graphCounts(h.db)).toEqual(before);
  });

  it('refuses an unknown token outright, even for a read', async () => {
    const r = await h.gql('{ anchors { id } }', {}, { authorization: 'Bearer not-a-real-token' });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('needs admin for importDataSet', async () => {
    const r = await h.gql('mutation($d: JSON!) { importDataSet(dataSet: $d) { nodes } }', { d: { nodes: [], relations: [] } }, as('editor'));
    expect(firstError(r).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('enterprise writes', () => {
  it('creates, updates and deletes an enterprise, each with a Change record', async () => {
    const c0 = await changes();
    const park = (await h.db.read("MATCH (p:Place {kind: 'park'}) RETURN p.id AS id LIMIT 1"))[0]?.id as string;
    const created = dataOf(await h.gql(CREATE, { input: newFirm('test-firm', { parkId: park, aliases: ['测试'] }) }, as('editor'))).createEnterprise;
    expect(created).toMatchObject({ id: 'test-firm', name: '测试智能科技', sourceKind: 'CURATED', park: { id: park }, sources: [{ kind: 'CURATED', reason: 'test fixture' }] });
    // Search fields are computed, so the new firm is found like any other.
    const found = dataOf(await h.gql('{ search(query: "ceshi") { id } }')).search as Array<{ id: string }>;
    expect(found.map((f) => f.id)).toContain('test-firm');

    const updated = dataOf(
      await h.gql('mutation { updateEnterprise(id: "test-firm", input: { nameEn: "Test AI", landedOn: "2020-06" }) { id name nameEn landedOn } }', {}, as('editor')),
    ).updateEnterprise;
    expect(updated).toEqual({ id: 'test-firm', name: '测试智能科技', nameEn: 'Test AI', landedOn: '2020-06' });
    // The name key the registry importer matches firms by is derived as the importer derives it,
    // and follows a rename; a former name (written by a registry import) stays searchable.
    const nameKey = async () => (await h.db.read("MATCH (e:Enterprise {id: 'test-firm'}) RETURN e.nameKey AS k"))[0]?.k;
    expect(await nameKey()).toBe(normaliseName('测试智能科技'));
    await h.db.write("MATCH (e:Enterprise {id: 'test-firm'}) SET e.formerNames = ['旧名甲乙丙科技']");
    dataOf(await h.gql('mutation { updateEnterprise(id: "test-firm", input: { name: "测试智能科技 (福州)" }) { id } }', {}, as('editor')));
    expect(await nameKey()).toBe('测试智能科技（福州）');
    expect((dataOf(await h.gql('{ search(query: "甲乙丙") { id } }')).search as Array<{ id: string }>).map((f) => f.id)).toContain('test-firm');

    const deleted = dataOf(await h.gql('mutation { deleteEnterprise(id: "test-firm") }', {}, as('editor'))).deleteEnterprise;
    expect(deleted).toBe('test-firm');
    expect(dataOf(await h.gql('{ enterprise(id: "test-firm") { id } }')).enterprise).toBeNull();
    expect(await changes()).toBe(c0 + 4);
    // The audit trail is an editor's to read (auditTrail.test.ts has who may and how actors read).
    const log = dataOf(await h.gql('{ changes(last: 4) { at actor action detail } }', {}, as('editor'))).changes as Array<{ actor: string; action: string; detail: string }>;
    expect(log.map((c) => c.action).sort()).toEqual(['createEnterprise', 'deleteEnterprise', 'updateEnterprise', 'updateEnterprise']);
    expect(log.every((c) => c.actor.startsWith('editor:') && !c.actor.includes(TOKENS.editor))).toBe(true);
  });

  it('validates input, naming the field, and writes nothing', async () => {
    const before = await graphCounts(h.db);
    const cases: Array<[Record<string, unknown>, string]> = [
      [newFirm('Bad Id!'), 'input.id'],
      [newFirm('ok-id', { landedOn: '2020-13' }), 'input.landedOn'],
      [newFirm('ok-id', { source: { kind: 'STATED' } }), 'input.source.quotes'],
      [newFirm('ok-id', { source: { kind: 'CURATED' } }), 'input.source.reason'],
      [newFirm('ok-id', { name: '   ' }), 'input.name'],
      [newFirm('ok-id', { revenueYuan: -5 }), 'input.revenueYuan'],
    ];
    for (const [input, argument] of cases) {
      const e = firstError(await h.gql(CREATE, { input }, as('editor')));
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    expect(await graphCounts(h.db)).toEqual(before);
  });

  it('is all-or-nothing: an unknown park rolls back the new firm and its Change', async () => {
    const before = await graphCounts(h.db);
    const e = firstError(await h.gql(CREATE, { input: newFirm('orphan-firm', { parkId: 'no-such-park' }) }, as('editor')));
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.parkId' });
    expect(await graphCounts(h.db)).toEqual(before);
  });

  it('says CONFLICT for a taken id, NOT_FOUND for updating or deleting an unknown one', async () => {
    const taken = (await h.db.read('MATCH (e:Enterprise) RETURN e.id AS id LIMIT 1'))[0]?.id as string;
    expect(firstError(await h.gql(CREATE, { input: newFirm(taken) }, as('editor'))).extensions?.code).toBe('CONFLICT');
    expect(firstError(await h.gql('mutation { updateEnterprise(id: "nobody", input: { nameEn: "x" }) { id } }', {}, as('editor'))).extensions?.code).toBe('NOT_FOUND');
    expect(firstError(await h.gql('mutation { deleteEnterprise(id: "nobody") }', {}, as('editor'))).extensions?.code).toBe('NOT_FOUND');
  });
});

describe('relation writes', () => {
  it('creates and deletes a relation, checking which labels it may connect', async () => {
    const [a, b] = (await h.db.read('MATCH (e:Enterprise) WHERE NOT (e)-[:PARTNER_OF]-() RETURN e.id AS id ORDER BY id LIMIT 2')).map((r) => r.id as string);
    const input = { type: 'PARTNER_OF', fromId: a, toId: b, since: '2020-01', source: { kind: 'CURATED', reason: 'test' } };
    const edge = dataOf(await h.gql('mutation($i: RelationInput!) { createRelation(input: $i) { id source target type since sourceKind } }', { i: input }, as('editor'))).createRelation;
    expect(edge).toEqual({ id: `PARTNER_OF:${a}->${b}`, source: a, target: b, type: 'PARTNER_OF', since: '2020-01', sourceKind: 'CURATED' });
    const partners = dataOf(await h.gql('query($id: ID!) { enterprise(id: $id) { partners { id } } }', { id: b })).enterprise as { partners: Array<{ id: string }> };
    expect(partners.partners.map((p) => p.id)).toContain(a);
    const park = (await h.db.read("MATCH (p:Place {kind: 'park'}) RETURN p.id AS id LIMIT 1"))[0]?.id as string;
    const wrong = firstError(await h.gql('mutation($i: RelationInput!) { createRelation(input: $i) { id } }', { i: { ...input, toId: park } }, as('editor')));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.type' });
    expect(dataOf(await h.gql(`mutation { deleteRelation(type: PARTNER_OF, fromId: "${a}", toId: "${b}") }`, {}, as('editor'))).deleteRelation).toBe(true);
    expect(dataOf(await h.gql(`mutation { deleteRelation(type: PARTNER_OF, fromId: "${a}", toId: "${b}") }`, {}, as('editor'))).deleteRelation).toBe(false);
  });
});

describe('importDataSet', () => {
  it('imports a data set as admin, and refuses an invalid one writing nothing', async () => {
    const ds = {
      nodes: [
        { id: 'imp-firm-a', label: 'Enterprise', name: '导入甲', nameEn: 'Import A', isAnchor: false, local: true, synthetic: false, sourceKind: 'CURATED', reason: 'test import', quotes: [], aliases: [] },
        { id: 'imp-firm-b', label: 'Enterprise', name: '导入乙', nameEn: 'Import B', isAnchor: false, local: true, synthetic: false, sourceKind: 'CURATED', reason: 'test import', quotes: [], aliases: [] },
      ],
      relations: [{ type: 'SUPPLIES', from: 'imp-firm-a', to: 'imp-firm-b', since: '2020', sourceKind: 'CURATED', reason: 'test import', quotes: [], synthetic: false }],
    };
    const c0 = await changes();
    const r = await h.gql('mutation($d: JSON!) { importDataSet(dataSet: $d) { nodes relations ms } }', { d: ds }, as('admin'));
    expect(dataOf(r).importDataSet).toMatchObject({ nodes: 2, relations: 1 });
    expect(await changes()).toBe(c0 + 1);
    const chain = dataOf(await h.gql('{ chain(enterpriseId: "imp-firm-b", direction: UPSTREAM) { nodes { id } } }')).chain as { nodes: Array<{ id: string }> };
    expect(chain.nodes.map((n) => n.id).sort()).toEqual(['imp-firm-a', 'imp-firm-b']);

    const before = await graphCounts(h.db);
    const bad = { nodes: [{ ...ds.nodes[0], id: 'imp-firm-c' }], relations: [{ ...ds.relations[0], from: 'imp-firm-c', to: 'no-such-firm' }] };
    const e = firstError(await h.gql('mutation($d: JSON!) { importDataSet(dataSet: $d) { nodes } }', { d: bad }, as('admin')));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'dataSet' });
    expect(await graphCounts(h.db)).toEqual(before);
  });
});
