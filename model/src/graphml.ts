/**
 * GraphML for Gephi, yEd and Cytoscape desktop, shared by the export command and the web's export.
 * graphology reads GraphML (graphology-graphml) but has no GraphML writer, so this is one: pure,
 * from the shape graphology's `graph.export()` gives (nodes with a key and attributes, edges with
 * source, target and attributes), so a caller builds one graphology graph and writes it as GEXF
 * (graphology-gexf) and as GraphML from the same data.
 *
 * Every attribute name gets one `<key>`, typed by its values: all booleans → boolean, all 32-bit
 * integers → int, all integers → long, all numbers → double, anything else (or a mix) → string.
 * null and undefined are left out; `scalarAttributes` flattens lists and objects first.
 */

export type ScalarAttribute = string | number | boolean;

export interface GraphmlInput {
  nodes: ReadonlyArray<{ key: string; attributes?: Readonly<Record<string, unknown>> }>;
  edges: ReadonlyArray<{ key?: string; source: string; target: string; attributes?: Readonly<Record<string, unknown>> }>;
}

/** A record's values as GraphML and GEXF attributes: null dropped, lists joined by `listSep`, objects as JSON text. */
export function scalarAttributes(record: Readonly<Record<string, unknown>>, listSep = '|'): Record<string, ScalarAttribute> {
  const out: Record<string, ScalarAttribute> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'number') {
      if (Number.isFinite(v)) out[k] = v;
    } else if (Array.isArray(v)) out[k] = v.map(String).join(listSep);
    else out[k] = JSON.stringify(v);
  }
  return out;
}

type KeyType = 'boolean' | 'int' | 'long' | 'double' | 'string';

function typeOf(v: ScalarAttribute): KeyType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? (Math.abs(v) <= 0x7fffffff ? 'int' : 'long') : 'double';
  return 'string';
}

/** The narrowest type that holds both. */
function widen(a: KeyType, b: KeyType): KeyType {
  if (a === b) return a;
  const numeric: KeyType[] = ['int', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))]!;
  return 'string';
}

// XML 1.0 admits neither these control characters nor lone surrogates.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML attribute value or element content. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function scalar(v: unknown): ScalarAttribute | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return JSON.stringify(v);
}

/** A GraphML document (UTF-8) of the graph; `directed` (default true) sets `edgedefault`. */
export function writeGraphml(graph: GraphmlInput, opts: { directed?: boolean } = {}): string {
  const keys = { node: new Map<string, KeyType>(), edge: new Map<string, KeyType>() };
  const scan = (kind: 'node' | 'edge', attrs: Readonly<Record<string, unknown>> | undefined) => {
    for (const [name, raw] of Object.entries(attrs ?? {})) {
      const v = scalar(raw);
      if (v === null) continue;
      const t = typeOf(v);
      const had = keys[kind].get(name);
      keys[kind].set(name, had ? widen(had, t) : t);
    }
  };
  for (const n of graph.nodes) scan('node', n.attributes);
  for (const e of graph.edges) scan('edge', e.attributes);

  const ids = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const kind of ['node', 'edge'] as const) {
    for (const [name, type] of keys[kind]) {
      const id = `${kind === 'node' ? 'n' : 'e'}${ids[kind].size}`;
      ids[kind].set(name, id);
      out.push(`  <key id="${id}" for="${kind}" attr.name="${xmlText(name)}" attr.type="${type}"/>`);
    }
  }
  const data = (kind: 'node' | 'edge', attrs: Readonly<Record<string, unknown>> | undefined): string[] =>
    Object.entries(attrs ?? {}).flatMap(([name, raw]) => {
      const v = scalar(raw);
      return v === null ? [] : [`      <data key="${ids[kind].get(name)}">${xmlText(String(v))}</data>`];
    });
  out.push(`  <graph id="G" edgedefault="${opts.directed === false ? 'undirected' : 'directed'}">`);
  for (const n of graph.nodes) {
    const d = data('node', n.attributes);
    out.push(d.length ? `    <node id="${xmlText(n.key)}">` : `    <node id="${xmlText(n.key)}"/>`, ...d, ...(d.length ? ['    </node>'] : []));
  }
  graph.edges.forEach((e, i) => {
    const d = data('edge', e.attributes);
    const open = `    <edge id="${xmlText(e.key ?? `e${i}`)}" source="${xmlText(e.source)}" target="${xmlText(e.target)}"`;
    out.push(d.length ? `${open}>` : `${open}/>`, ...d, ...(d.length ? ['    </edge>'] : []));
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
