import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asOfJs } from '@cangshan/model';
import { intersect, minus, presence, span, union, TimelineBuilder, type FirmRow, type Span } from '../segmentTimeline.ts';

const holds = (s: Span | null, c: string): boolean => s !== null && s.from <= c && (s.to === null || c < s.to);
const anyHolds = (xs: readonly Span[], c: string): boolean => xs.some((s) => holds(s, c));

// Dates at every precision, as the model stores them; cursors at the end of their period.
const DATES = ['2015', '2015-06', '2015-06-10', '2016', '2016-01-31', '2016-03', '2017', '2017-12-31', '2018-02'];
const CURSORS = ['2014-12-31', '2015-05-31', '2015-06-09', '2015-06-10', '2015-06-31', '2015-12-31', '2016-01-31', '2016-03-31', '2016-12-31', '2017-12-31', '2018-02-31', '2019-12-31'];
const date = fc.option(fc.constantFrom(...DATES), { nil: null });

describe('segment timeline spans (pure)', () => {
  it('a firm’s presence is the model’s rule at every cursor', () => {
    fc.assert(
      fc.property(date, date, fc.constantFrom(...CURSORS), (landedOn, leftOn, c) => {
        expect(holds(presence(landedOn, leftOn), c)).toBe(asOfJs.node({ landedOn, leftOn }, c));
      }),
    );
  });

  it('intersect, minus and union hold exactly where the set operations say', () => {
    const sp = fc.tuple(fc.constantFrom('', ...DATES), fc.option(fc.constantFrom(...DATES), { nil: null })).map(([a, b]) => span(a, b));
    fc.assert(
      fc.property(sp, sp, sp, fc.constantFrom(...CURSORS), (a, b, d, c) => {
        expect(holds(intersect(a, b), c)).toBe(holds(a, c) && holds(b, c));
        expect(anyHolds(minus(a, b), c)).toBe(holds(a, c) && !holds(b, c));
        const u = union([a, b, d]);
        expect(anyHolds(u, c)).toBe(holds(a, c) || holds(b, c) || holds(d, c));
        // Disjoint and in order.
        for (let i = 1; i < u.length; i++) expect((u[i - 1]?.to ?? '\uffff') < (u[i]?.from ?? '')).toBe(true);
      }),
    );
  });

  it('figures of one firm and its ties: local count, ties met, ties and firms outside, and a tie within a segment counted once', () => {
    const b = new TimelineBuilder();
    const firm = (id: string, landedOn: string | null, leftOn: string | null, ties: FirmRow['ties']): FirmRow => ({ id, landedOn, leftOn, segments: ['s'], ties });
    // a (2016–2018-06) and b (from 2017) both in s, one tie from 2015; c never lands, tied to a from 2016-05.
    b.addFirm(firm('a', '2016', '2018-06', [
      { since: '2015', otherLandedOn: '2017', otherLeftOn: null, shared: ['s'] },
      { since: '2016-05', otherLandedOn: null, otherLeftOn: null, shared: [] },
    ]));
    b.addFirm(firm('b', '2017', null, [{ since: '2015', otherLandedOn: '2016', otherLeftOn: '2018-06', shared: [] }]));
    b.addFirm(firm('c', null, null, [{ since: '2016-05', otherLandedOn: '2016', otherLeftOn: '2018-06', shared: [] }]));
    const t = b.build('v', [{ chain: { id: 'ch' }, segment: { id: 's', chainId: 'ch' } }]);
    const at = (c: string) => t.figuresAt('s', c);
    expect(at('2015-12-31')).toEqual({ n: 0, supplyTies: 0, outsideTies: 0, outsideFirms: 0 });
    // a local; the a–b tie counts in s (b outside: leaks), a–c not begun.
    expect(at('2016-04-31')).toEqual({ n: 1, supplyTies: 1, outsideTies: 1, outsideFirms: 1 });
    // a–c has begun: c is outside, tied to a.
    expect(at('2016-12-31')).toEqual({ n: 1, supplyTies: 2, outsideTies: 2, outsideFirms: 2 });
    // b landed: a–b met locally, counted once.
    expect(at('2017-12-31')).toEqual({ n: 2, supplyTies: 2, outsideTies: 1, outsideFirms: 1 });
    // a left in 2018-06: a–b leaks again (a outside, b local), a–c no longer has a local end.
    expect(at('2018-06-31')).toEqual({ n: 1, supplyTies: 1, outsideTies: 1, outsideFirms: 1 });
    expect(t.totalsAt('2017-12-31')).toEqual({ supplyTies: 2, outsideTies: 1 });
  });
});
