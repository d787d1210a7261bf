// The audit trail (`changes`): only editors and admins read it, and it names who wrote by the name
// given with the token in API_TOKENS (`token:role:name`) — an unnamed token by its role and a
// salted id, never the token or a prefix of its plain SHA-256.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { dataOf, firstError, startHarness, type Harness } from './harness.ts';

const T = { li: 'audit-li-wei-editor-token', ops: 'audit-ops:with:colons-admin', anon: 'audit-unnamed-editor-token', reader: 'audit-reader-token-1234' };
const API_TOKENS = `${T.li}:editor:李伟 (planning office), ${T.ops}:admin:ops-bot, ${T.anon}:editor, ${T.reader}:reader:Reader Rui`;
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const CHANGES = '{ changes(last: 10) { actor action } }';
const CREATE = 'mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id } }';
const firm = (id: string) => ({ id, name: `审计测试${id}`, source: { kind: 'CURATED', reason: 'audit test' } });

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ API_TOKENS });
});
afterAll(() => h.close());

describe('API_TOKENS with names', () => {
  it('reads token:role and token:role:name, tokens holding colons included', () => {
    const c = readConfig({ API_TOKENS });
    expect(c.tokens.get(T.li)).toEqual({ role: 'editor', name: '李伟 (planning office)' });
    expect(c.tokens.get(T.ops)).toEqual({ role: 'admin', name: 'ops-bot' });
    expect(c.tokens.get(T.anon)).toEqual({ role: 'editor', name: null });
    expect(() => readConfig({ API_TOKENS: `${T.li}:editor:` })).toThrow(/API_TOKENS a name after the role must be 1 to 64 characters \(bad entry near "audi…"\)/);
    expect(() => readConfig({ API_TOKENS: `${T.li}:owner:x` })).toThrow(/API_TOKENS entries must be "token:role" with role one of reader, editor, admin/);
  });
});

describe('the audit trail', () => {
  it('is refused without a token (UNAUTHENTICATED) and to a reader (FORBIDDEN)', async () => {
    expect(firstError(await h.gql(CHANGES)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const e = firstError(await h.gql(CHANGES, {}, bearer(T.reader)));
    expect(e.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(e.message).toBe('changes needs role editor or higher; this token has role reader.');
  });

  it('names each writer by the name given with the token, or by role and a salted id', async () => {
    dataOf(await h.gql(CREATE, { i: firm('audit-a') }, bearer(T.li)));
    dataOf(await h.gql(CREATE, { i: firm('audit-b') }, bearer(T.ops)));
    dataOf(await h.gql(CREATE, { i: firm('audit-c') }, bearer(T.anon)));
    dataOf(await h.gql(CREATE, { i: firm('audit-d') }, bearer(T.anon)));
    const log = dataOf(await h.gql(CHANGES, {}, bearer(T.li))).changes as Array<{ actor: string; action: string }>;
    const actors = log.map((c) => c.actor);
    expect(actors).toContain('李伟 (planning office)');
    expect(actors).toContain('ops-bot');
    const unnamed = actors.filter((a) => a.startsWith('editor:'));
    expect(unnamed).toHaveLength(2);
    expect(unnamed[0]).toMatch(/^editor:[0-9a-f]{8}$/);
    expect(unnamed[1]).toBe(unnamed[0]); // the same token, the same id
    const plain = createHash('sha256').update(T.anon).digest('hex');
    expect(unnamed[0]).not.toBe(`editor:${plain.slice(0, 8)}`);
    expect(plain).not.toContain(unnamed[0]!.slice('editor:'.length));
    // An admin reads it too.
    expect((dataOf(await h.gql(CHANGES, {}, bearer(T.ops))).changes as unknown[]).length).toBe(4);
  });
});
