// The sort compiler and its cursors alone; the same Cypher pages the real Neo4j in
// enterprisesWhere.graphql.test.ts.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../errors/index.ts';
import { compileSort, decodeSortCursor, encodeSortCursor, isIdOrder, nonNullSortFields, normaliseSort, sortFingerprint } from '../enterpriseSort.ts';
import { CypherParams } from '../enterpriseWhere.ts';

const argumentOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return { argument: e.extensions.argument, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('normaliseSort', () => {
  it('defaults to id ascending, appends id, drops keys after an id', () => {
    expect(normaliseSort(null)).toEqual([{ field: 'ID', direction: 'ASC' }]);
    expect(isIdOrder(normaliseSort([{ field: 'ID' }]))).toBe(true);
    expect(normaliseSort([{ field: 'LANDED_ON', direction: 'DESC' }])).toEqual([
      { field: 'LANDED_ON', direction: 'DESC' },
      { field: 'ID', direction: 'ASC' },
    ]);
    expect(normaliseSort([{ field: 'NAME' }, { field: 'ID', direction: 'DESC' }, { field: 'ORIGIN' }])).toEqual([
      { field: 'NAME', direction: 'ASC' },
      { field: 'ID', direction: 'DESC' },
    ]);
  });

  it('is idempotent: a normalised sort of 3 keys and id normalises to itself', () => {
    const spec = normaliseSort([{ field: 'NAME' }, { field: 'KIND' }, { field: 'ORIGIN' }]);
    expect(spec).toHaveLength(4);
    expect(normaliseSort(spec)).toEqual(spec);
  });

  it('refuses more than 3 keys', () => {
    expect(argumentOf(() => normaliseSort([{ field: 'NAME' }, { field: 'ORIGIN' }, { field: 'KIND' }, { field: 'STATUS' }]))).toMatchObject({ argument: 'sort' });
  });
});

describe('compileSort', () => {
  it('puts missing values last both ways, id last', () => {
    const s = compileSort([{ field: 'LANDED_ON', direction: 'DESC' }, { field: 'REVENUE_YUAN' }], { variable: 'e', params: new CypherParams() });
    // Ascending, Cypher puts nulls last already: only the descending key needs the leading IS NULL.
    expect(s.orderBy).toBe('e.landedOn IS NULL, e.landedOn DESC, e.revenueYuan ASC, e.id ASC');
    expect(s.keyProjection).toBe('[e.landedOn, e.revenueYuan]');
  });

  it('leaves out the IS NULL key where the filter keeps no missing value, so an index can give the order', () => {
    const nonNull = nonNullSortFields({ AND: [{ landedOn: { gte: '2019' } }], OR: [{ origin: { eq: '北京' } }], revenueYuan: { isNull: true } });
    expect([...nonNull]).toEqual(['LANDED_ON']);
    expect([...nonNullSortFields({ name: { isNull: false } }, { landedTo: '2020' })].sort()).toEqual(['LANDED_ON', 'NAME']);
    const s = compileSort([{ field: 'LANDED_ON', direction: 'DESC' }, { field: 'REVENUE_YUAN', direction: 'DESC' }], { variable: 'e', params: new CypherParams(), nonNull });
    expect(s.orderBy).toBe('e.landedOn DESC, e.revenueYuan IS NULL, e.revenueYuan DESC, e.id ASC');
  });

  it('keyset predicate: after on a key, or equal and after on the rest; a null key is followed only by nulls', () => {
    const params = new CypherParams();
    const s = compileSort([{ field: 'LANDED_ON', direction: 'DESC' }, { field: 'REVENUE_YUAN' }], { variable: 'e', params });
    expect(s.afterPredicate({ keys: ['2019-11', null], id: 'fii' })).toBe(
      '(e.landedOn < $w1 OR e.landedOn IS NULL OR (e.landedOn = $w1 AND (e.revenueYuan IS NULL AND e.id > $w0)))',
    );
    expect(params.values).toEqual({ w0: 'fii', w1: '2019-11' });
  });

  it('registered capital sorts by its CNY amount', () => {
    expect(compileSort([{ field: 'REGISTERED_CAPITAL_YUAN' }], { variable: 'x', params: new CypherParams() }).keyProjection).toBe(
      "[(CASE WHEN x.registeredCapitalCurrency IS NULL OR x.registeredCapitalCurrency = 'CNY' THEN x.registeredCapitalAmount END)]",
    );
  });
});

describe('sort cursors', () => {
  const spec = normaliseSort([{ field: 'LANDED_ON', direction: 'DESC' }]);

  it('round-trip the keys and id with the same sort', () => {
    const c = encodeSortCursor(spec, { keys: ['2019-11'], id: 'fii' });
    expect(decodeSortCursor(c, spec)).toEqual({ keys: ['2019-11'], id: 'fii' });
    expect(sortFingerprint(spec)).toBe('LANDED_ON:DESC,ID:ASC');
  });

  it('refuse a cursor of another sort, or not a sort cursor', () => {
    const c = encodeSortCursor(normaliseSort([{ field: 'LANDED_ON' }]), { keys: ['2019-11'], id: 'fii' });
    expect(argumentOf(() => decodeSortCursor(c, spec))).toMatchObject({ argument: 'after', message: expect.stringContaining('another order') });
    const idCursor = Buffer.from('e:fii').toString('base64url');
    expect(argumentOf(() => decodeSortCursor(idCursor, spec))).toMatchObject({ argument: 'after' });
    expect(argumentOf(() => decodeSortCursor(Buffer.from('s:[1,2').toString('base64url'), spec))).toMatchObject({ argument: 'after' });
  });
});
