// The serialisation in pieces writes exactly what JSON.stringify writes, and yields between pieces.
import { describe, expect, it } from 'vitest';
import { stringifyInPieces } from '../stringifyInPieces.ts';

const long = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, label: i % 3 ? '仓山' : null, degree: i, extra: undefined, tag: i % 7 === 0 ? undefined : 'x"\\' }));

describe('stringifyInPieces', () => {
  it('writes what JSON.stringify writes, + a newline as Apollo does', async () => {
    const values: unknown[] = [
      { data: { circle: { nodes: long(2500), edges: long(4001), truncated: false, totalEnterprises: 3 } } },
      { data: { a: { nodes: long(1001) }, b: { nodes: long(10) }, skip: undefined, f: () => 1 }, errors: [{ message: 'm', path: ['a', 0], extensions: { code: 'X' } }] },
      { data: { list: [long(3000), long(2)], when: new Date(0), odd: [undefined, () => 1, Symbol('s'), NaN, -0, 1e21] } },
      { data: { nodes: Array.from({ length: 2002 }, (_, i) => (i % 2 ? undefined : i % 3 ? Symbol('s') : { toJSON: () => 'j' })) } },
      { data: null },
      { data: { enterprise: { id: 'dalv', name: '大吕', aliases: [] } } },
    ];
    for (const v of values) expect(await stringifyInPieces(v)).toBe(`${JSON.stringify(v)}\n`);
  });

  it('lets other work run between the pieces of a long list', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const pending = stringifyInPieces({ data: { nodes: long(200_000) } });
    await pending;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
