import { describe, expect, it } from 'vitest';
import { hrefOf, routeOf } from '../route.ts';

describe('the page in the hash', () => {
  it('#/import and #/review are the registry pages; anything else the explorer', () => {
    expect(routeOf('#/import')).toBe('import');
    expect(routeOf('#import')).toBe('import');
    expect(routeOf('#/review?x=1')).toBe('review');
    expect(routeOf('')).toBe('explorer');
    expect(routeOf('#/')).toBe('explorer');
    expect(routeOf('#/importer')).toBe('explorer');
    expect(routeOf('#/brief?anchor=toutiao&asOf=2020-04')).toBe('brief');
  });
  it('links round-trip', () => {
    for (const r of ['explorer', 'import', 'review', 'brief'] as const) expect(routeOf(hrefOf(r))).toBe(r);
  });
});
