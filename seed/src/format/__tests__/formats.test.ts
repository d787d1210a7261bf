import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonErrorOffset } from '../jsonErrorOffset.ts';
import { csvLine, parseCsv } from '../csv.ts';
import { isIsoPartialDate, isPeriod } from '@cangshan/model';

describe('jsonErrorOffset', () => {
  it('accepts what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(jsonErrorOffset(JSON.stringify(v, null, 1))).toBeNull();
      }),
    );
  });
  it('points at the first bad character', () => {
    expect(jsonErrorOffset('{"nodes": [}')).toBe(11);
    expect(jsonErrorOffset('{"a": 1,\n"b" 2}')).toBe(13);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
  });
});

describe('CSV', () => {
  it('round-trips any cells, quotes, commas and newlines included, and names record start lines', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => csvLine(r)).join('');
        expect(parseCsv(text).map((r) => r.cells)).toEqual(rows);
      }),
    );
    expect(parseCsv('a,b\n"x\ny",2\nz,3\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('dates', () => {
  it('takes ISO dates at any precision and refuses the rest', () => {
    for (const d of ['2019', '2019-11', '2019-11-05', '2020-02-29']) expect(isIsoPartialDate(d), d).toBe(true);
    for (const d of ['2019/11', '2019-13', '2019-02-29', '19-11', '2019-1', '2019-11-5', '']) expect(isIsoPartialDate(d), d).toBe(false);
    expect(isPeriod('2017/2020')).toBe(true);
    expect(isPeriod('2020/2017')).toBe(false);
  });
});
