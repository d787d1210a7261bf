import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, firstError, startHarness, type Harness } from '../../../__tests__/harness.ts';
import { writeHandBuiltGraph } from './handBuiltGraph.ts';

// Through the real HTTP server and schema (api/src/http/startServer), on the article data set plus
// the hand-built chain `t-ai` (docs/RECRUITMENT.md, "Tests").
describe('recruitment through GraphQL', () => {
  let h: Harness;
  beforeAll(async () => {
    // The ranking statement is long; its first plan on a cold JVM, with other suites running on the
    // same two cores, took up to ~20 s (docs/RECRUITMENT.md, "Weak spots"). Later calls hit the plan cache.
    h = await startHarness({ QUERY_TIMEOUT_MS: '90000' });
    await writeHandBuiltGraph(h.db);
  });
  afterAll(() => h.close());

  it('ranks targets with factors, reasons, the gap they fill and their evidence', async () => {
    const r = await h.gql(
      `query ($asOf: AsOf) {
        recruitmentTargets(chainId: "t-ai", asOf: $asOf, limit: 3) {
          rank score enterprise { id name }
          factors { name weight value contribution share }
          reasons { zh en factor } reasonEn reasonZh
          fillsGap { status localCount segment { id name } chain { id } }
          statusIfLanded
          evidence { nodes { id label isAnchor } edges { id source target type sourceKind } }
          ties { edge { id } quotes sourceKind via }
        }
      }`,
      { asOf: '2019-12' },
    );
    const targets = dataOf(r).recruitmentTargets as Array<Record<string, unknown>>;
    expect(targets.map((t) => (t.enterprise as { id: string }).id)).toEqual(['t-speechco', 't-twoanchors', 't-landed2020']);
    const top = targets[0] as Record<string, unknown>;
    expect(top.fillsGap).toEqual({ status: 'GAP', localCount: 0, segment: { id: 't-speech', name: '语音识别' }, chain: { id: 't-ai' } });
    expect(top.reasonEn).toContain('supplies Toutiao (anchor)');
    expect(top.reasonZh).toContain('填补空白环节 语音识别');
    const shares = (top.factors as Array<{ share: number }>).reduce((a, f) => a + f.share, 0);
    expect(shares).toBeCloseTo(1, 9);
    expect((top.ties as Array<{ quotes: string[] }>).flatMap((t) => t.quotes)).toContain('北科瑞声为今日头条提供语音识别');
    expect((top.evidence as { edges: unknown[] }).edges).toContainEqual({
      id: 'SUPPLIES:t-speechco->t-toutiao',
      source: 't-speechco',
      target: 't-toutiao',
      type: 'SUPPLIES',
      sourceKind: 'STATED',
    });
  });

  it('answers chainGaps and whatIf for the same date', async () => {
    const r = await h.gql(`{
      chainGaps(chainId: "t-ai", asOf: "2019-12") { asOf gaps weak strong segments { status localCount segment { id } firms { id landedOn } firstLandedOn strongSince } }
      whatIf(enterpriseIds: ["t-speechco"], chainId: "t-ai", asOf: "2019-12") { closedGaps strengthened changes { before { segment { id } status } statusAfter localCountAfter } }
    }`);
    const d = dataOf(r);
    const [ai] = d.chainGaps as Array<Record<string, unknown>>;
    expect(ai).toMatchObject({ asOf: '2019-12-31', gaps: 1, weak: 2, strong: 1 });
    expect((ai?.segments as Array<{ status: string }>).map((s) => s.status)).toEqual(['STRONG', 'GAP', 'WEAK', 'WEAK']);
    expect(d.whatIf).toEqual({ closedGaps: 1, strengthened: 0, changes: [{ before: { segment: { id: 't-speech' }, status: 'GAP' }, statusAfter: 'WEAK', localCountAfter: 1 }] });
  });

  it("ranks the article's outside groups for 今日头条's circle, with words for each", async () => {
    const r = await h.gql(`{ recruitmentTargets(anchorId: "toutiao", asOf: "2020-04", limit: 5) { enterprise { id } reasonEn } }`);
    const targets = dataOf(r).recruitmentTargets as Array<{ enterprise: { id: string }; reasonEn: string }>;
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.map((t) => t.enterprise.id)).toContain('bytedance');
    expect(targets.find((t) => t.enterprise.id === 'bytedance')?.reasonEn).toContain('parent group of');
  });

  it('refuses bad arguments with codes that name them', async () => {
    const big = firstError(await h.gql('{ recruitmentTargets(limit: 1000) { rank } }'));
    expect(big.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argument: 'limit' });
    const date = firstError(await h.gql('{ chainGaps(asOf: "soon") { gaps } }'));
    expect(date.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    const none = firstError(await h.gql('{ whatIf(enterpriseIds: []) { closedGaps } }'));
    expect(none.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'enterpriseIds' });
  });
});
