import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asOfJs } from '@cangshan/model';
import { dayKey } from '../cursorFigures.ts';
import { CandidateListsBuilder, monthEndCursor, monthIndex, topK, type ListFirm, type ListTie } from '../candidateLists.ts';
import { DEFAULT_WEIGHTS, HALF_SATURATION, RECENCY_MONTHS, SIMILARITY_WINDOW_MONTHS, isoMonths, monthsBefore } from '../scoring.ts';

// The sweep's lists against the ranking's optimistic score computed directly from the model's
// "as of" rule: at every month end every candidate left out scores at most the bound, and every
// candidate listed scores no more than its upper bound allows.

describe('month indices', () => {
  it('put a date in the first month end that counts it under the AsOf rule', () => {
    for (const d of ['2019', '2019-01', '2019-07', '2019-07-05', '2019-12-31', '2020-02']) {
      const m = monthIndex(d);
      expect(d <= monthEndCursor(m), d).toBe(true);
      expect(d <= monthEndCursor(m - 1), d).toBe(false);
    }
    expect(monthEndCursor(monthIndex('2019-07-05'))).toBe('2019-07-31');
  });
});

describe('dayKey', () => {
  it('orders date prefixes and cursors as the AsOf rule’s string comparisons do', () => {
    const prefix = fc
      .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom(4, 7, 10))
      .map(([y, m, d, n]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`.slice(0, n));
    fc.assert(
      fc.property(prefix, prefix, (a, b) => {
        expect(Math.sign(dayKey(a) - dayKey(b)), `${a} vs ${b}`).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
    expect(dayKey(null)).toBeGreaterThan(dayKey('9999-12-31'));
    expect(dayKey(null, 0)).toBeLessThan(dayKey('0001'));
  });
});

describe('topK', () => {
  it('keeps the best by score then node id, and bounds the rest by the best left out', () => {
    const scores = Float64Array.from([0.5, 0.9, 0.5, 0.1, 0.5, 0.7]);
    const who = Int32Array.from([10, 11, 3, 4, 7, 5]);
    const r = topK(scores, who, 6, 3);
    expect([...r.ids]).toEqual([11, 5, 3]);
    expect(r.bound).toBe(0.5);
    const all = topK(scores, who, 6, 10);
    expect(all.ids.length).toBe(6);
    expect(all.bound).toBe(-Infinity);
    const clean = topK(Float64Array.from([0.3, 0.2, 0.9]), Int32Array.from([1, 2, 3]), 3, 2);
    expect([...clean.ids]).toEqual([3, 1]);
    expect(clean.bound).toBe(0.2);
  });
});

const DATES = ['2018', '2018-03', '2018-03-10', '2018-07', '2018-11-30', '2019', '2019-02', '2019-02-14', '2019-06', '2019-09-01', '2020-01', null];

/** The statement's optimistic score of candidate `c` at `cursor`, straight from the rule (no gap pick). */
function optimistic(firms: ListFirm[], ties: Map<number, ListTie[]>, c: ListFirm, cursor: string): number | null {
  const local = asOfJs.node(c, cursor);
  if (local || !c.eligible || (c.leftOn !== null && c.leftOn <= cursor && c.gone)) return null;
  let a = 0;
  let ga = 0;
  let b = 0;
  let gb = 0;
  let cu = 0;
  let counted = 0;
  let newest: string | null = null;
  for (const l of firms) {
    if (!asOfJs.node(l, cursor)) continue;
    for (const t of ties.get(l.nid) ?? []) {
      if (t.other !== c.nid || !asOfJs.rel(t, cursor)) continue;
      counted += 1;
      if (t.group) {
        if (l.isAnchor) ga = Math.max(ga, t.w);
        else gb = Math.max(gb, t.w);
      } else if (l.isAnchor) a += t.w;
      else b += t.w;
      if (t.sells) cu += t.w;
      if (t.since !== null && (newest === null || t.since > newest)) newest = t.since;
    }
  }
  if (counted === 0) return null;
  const w = DEFAULT_WEIGHTS;
  const k = HALF_SATURATION;
  const A = a + ga;
  const B = b + gb;
  const rec = newest === null ? 0 : Math.exp((-1 * (isoMonths(cursor) - isoMonths(newest))) / RECENCY_MONTHS);
  return (w.anchorTies * A) / (A + k.anchorTies) + (w.localTies * B) / (B + k.localTies) + (w.customerTies * cu) / (cu + k.customerTies) + w.recency * rec;
}

const graph = fc
  .integer({ min: 4, max: 18 })
  .chain((n) =>
    fc.record({
      firms: fc.array(
        fc.record({
          landedOn: fc.constantFrom(...DATES),
          leftOn: fc.constantFrom(null, null, null, ...DATES),
          gone: fc.boolean(),
          local: fc.boolean(),
          isAnchor: fc.boolean(),
          chain: fc.constantFrom('c1', 'c2', null),
          origin: fc.constantFrom('深圳', '台湾', null),
          attracted: fc.boolean(),
          attractedSince: fc.constantFrom(...DATES),
        }),
        { minLength: n, maxLength: n },
      ),
      ties: fc.array(
        fc.record({
          a: fc.nat({ max: n - 1 }),
          b: fc.nat({ max: n - 1 }),
          group: fc.boolean(),
          sells: fc.boolean(),
          w: fc.constantFrom(1, 0.7, 0.35, 0),
          since: fc.constantFrom(...DATES),
        }),
        { maxLength: 40 },
      ),
      keep: fc.integer({ min: 1, max: 6 }),
    }),
  );

describe('candidate lists (pure)', () => {
  it('bound every candidate left out, at every month end and at day cursors with the month’s changed firms added; count the recent arrivals and take the gap picks as the statement does', () => {
    let recentChecked = 0;
    let picksChecked = 0;
    fc.assert(
      fc.property(graph, ({ firms: raw, ties: rawTies, keep }) => {
        const firms: ListFirm[] = raw.map((f, i) => ({
          nid: i * 3 + 1,
          landedOn: f.landedOn,
          leftOn: f.landedOn === null ? null : f.leftOn,
          gone: f.gone,
          eligible: f.landedOn !== null || !f.local,
          isAnchor: f.isAnchor,
          chains: f.chain === null ? [] : [f.chain],
          segments: f.chain === null ? [] : [`${f.chain}-s`, ...(f.isAnchor ? ['x-s'] : [])],
          origin: f.origin,
          // The first firm drew some of the others in (its circle's kinds are checked below).
          attractedBy: f.attracted && i > 0 ? [{ anchor: 1, since: f.attractedSince }] : [],
        }));
        const ties = new Map<number, ListTie[]>();
        const add = (from: ListFirm, t: ListTie) => ties.set(from.nid, [...(ties.get(from.nid) ?? []), t]);
        for (const t of rawTies) {
          const x = firms[t.a]!;
          const y = firms[t.b]!;
          if (x === y) continue;
          // One tie, seen from both ends; a supply tie (sells, not a group tie) runs from x to y:
          // seen from y, its other end x is the seller.
          add(x, { other: y.nid, group: t.group, sells: false, w: t.w, since: t.since });
          add(y, { other: x.nid, group: t.group, sells: t.sells && !t.group, w: t.w, since: t.since });
        }
        // The first firm is a hub: its ties (from its own side) give its degree and local ties at a cursor.
        const hub = firms[0]!;
        const hubTies = ties.get(hub.nid) ?? [];
        const b = new CandidateListsBuilder();
        for (const f of firms) b.addFirm(f === hub ? { ...f, hubTies: hubTies.map((t) => ({ other: t.other, since: t.since })) } : f, ties.get(f.nid) ?? []);
        const lists = b.build('v', { keep, lastMonth: monthIndex('2020-06'), gapPicks: 2 });
        for (const cursor of ['2018-01-31', '2018-03-31', '2018-07-31', '2019-02-31', '2019-06-31', '2020-01-31', '2020-06-31', '2018-03-09', '2019-02-14', '2019-09-01']) {
          // Each segment's gap picks as the statement takes them (candidates at the cursor, the first
          // two by id: the walk's order here), from the listed firms and from all of them.
          const picks = lists.gapPicksAt(cursor);
          if (picks !== null) {
            const candidate = (f: ListFirm): boolean => !asOfJs.node(f, cursor) && f.eligible && (f.leftOn === null || f.leftOn > cursor || !f.gone);
            for (const sid of new Set(firms.flatMap((f) => f.segments ?? []))) {
              const direct = firms.filter((f) => f.segments!.includes(sid) && candidate(f)).map((f) => f.nid).slice(0, 2);
              const listed = new Set(picks[sid] ?? []);
              const fromLists = firms.filter((f) => listed.has(f.nid) && candidate(f)).map((f) => f.nid).slice(0, 2);
              expect(fromLists, `${cursor} ${sid}`).toEqual(direct);
              picksChecked += 1;
            }
          }
          for (const chain of [null, 'c1', 'c2']) {
            const at = lists.at(cursor, chain);
            const inScope = firms.filter((f) => chain === null || f.chains.includes(chain));
            if (at === null) {
              // Before the first month end with an event, or a chain with no firm.
              expect(chain === null ? cursor < monthEndCursor(lists.firstMonth) : inScope.length === 0 || cursor < monthEndCursor(lists.firstMonth)).toBe(true);
              continue;
            }
            if (at.recent && chain === null) {
              // The statement's histograms: one row per (arrival, segment) — or one with no segment.
              const seg = new Map<string, number>();
              const org = new Map<string, number>();
              for (const f of firms) {
                if (!(f.landedOn !== null && f.landedOn > monthsBefore(cursor, SIMILARITY_WINDOW_MONTHS) && asOfJs.node(f, cursor))) continue;
                for (const sid of f.segments!.length > 0 ? f.segments! : [null]) {
                  if (sid !== null) seg.set(sid, (seg.get(sid) ?? 0) + 1);
                  if (f.origin) org.set(f.origin, (org.get(f.origin) ?? 0) + 1);
                }
              }
              const sorted = (xs: { key: string; n: number }[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
              expect(sorted(at.recent.segCounts), cursor).toEqual(sorted([...seg].map(([key, n]) => ({ key, n }))));
              expect(sorted(at.recent.originCounts), cursor).toEqual(sorted([...org].map(([key, n]) => ({ key, n }))));
              expect(at.recent.segMax).toBe(seg.size ? Math.max(...seg.values()) : null);
              expect(at.recent.originMax).toBe(org.size ? Math.max(...org.values()) : null);
              recentChecked += 1;
              // The hub's figures as Adamic–Adar counts them: ties begun, and those to a local firm.
              const byNid = new Map(firms.map((f) => [f.nid, f]));
              const begun = hubTies.filter((t) => asOfJs.rel(t, cursor));
              expect(at.hubs?.[String(hub.nid)], cursor).toEqual([begun.length, begun.filter((t) => asOfJs.node(byNid.get(t.other)!, cursor)).length]);
              // The first firm's followers by kind, as the statement counts them.
              const followers = firms.filter((f) => f.attractedBy!.length > 0 && asOfJs.rel(f.attractedBy![0]!, cursor) && asOfJs.node(f, cursor));
              const c = at.circles?.['1'];
              expect(c?.n ?? 0, cursor).toBe(followers.length);
              for (const f of followers) {
                expect(c?.segs.some((x) => JSON.stringify(x) === JSON.stringify([...f.segments!].sort()))).toBe(true);
              }
              expect(c ? c.segN.reduce((a, b) => a + b, 0) : 0).toBe(followers.length);
              expect(c ? c.originN.reduce((a, b) => a + b, 0) : 0).toBe(followers.filter((f) => f.origin).length);
              for (const o of ['深圳', '台湾']) {
                const n = followers.filter((f) => f.origin === o).length;
                expect(c?.originN[c.origins.indexOf(o)] ?? 0, `${cursor} ${o}`).toBe(n);
              }
            }
            const listed = new Set(at.ids);
            for (const c of inScope) {
              const s = optimistic(firms, ties, c, cursor);
              if (s === null || listed.has(c.nid)) continue;
              expect(s, `${cursor} ${chain} firm ${c.nid}`).toBeLessThanOrEqual(at.bound + 1e-12);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(recentChecked).toBeGreaterThan(300);
    expect(picksChecked).toBeGreaterThan(3000);
  });
});
