// The GraphML writer: keys typed by their values, escaping, and lists and objects flattened (the
// export command's test reads its files back with graphology-graphml).
import { describe, expect, it } from 'vitest';
import { scalarAttributes, writeGraphml } from '../index.ts';

describe('writeGraphml', () => {
  const xml = writeGraphml({
    nodes: [
      { key: 'a', attributes: { label: '今日头条 & <co>', degree: 3, revenue: 4.5e10, anchor: true, note: null } },
      { key: 'b', attributes: { label: 'x"y', degree: 2.5, revenue: 1, anchor: false } },
    ],
    edges: [{ key: 'SUPPLIES:a->b', source: 'a', target: 'b', attributes: { type: 'SUPPLIES', since: '2019-04' } }],
  });

  it('declares one typed key per attribute', () => {
    expect(xml).toContain('<key id="n0" for="node" attr.name="label" attr.type="string"/>');
    expect(xml).toContain('attr.name="degree" attr.type="double"'); // 3 and 2.5: widened
    expect(xml).toContain('attr.name="revenue" attr.type="long"'); // beyond 32 bits
    expect(xml).toContain('attr.name="anchor" attr.type="boolean"');
    expect(xml).not.toContain('attr.name="note"'); // only nulls
    expect(xml).toContain('<graph id="G" edgedefault="directed">');
  });

  it('escapes text and drops characters XML cannot hold', () => {
    expect(xml).toContain('今日头条 &amp; &lt;co&gt;');
    expect(xml).toContain('x&quot;y');
    expect(xml).toContain('<edge id="SUPPLIES:a-&gt;b" source="a" target="b">');
    expect(writeGraphml({ nodes: [{ key: 'c', attributes: { s: 'bell\u0007' } }], edges: [] })).toContain('>bell</data>');
  });

  it('flattens lists and objects and leaves out nulls', () => {
    expect(scalarAttributes({ aliases: ['头条', 'Toutiao'], extra: { a: 1 }, n: null, x: Number.NaN, ok: 1 })).toEqual({ aliases: '头条|Toutiao', extra: '{"a":1}', ok: 1 });
  });
});
