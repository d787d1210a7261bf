import { open, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { DataSet, PropValue } from '@cangshan/model';
import { ENTITY_LABEL } from '@cangshan/model';
import { PROP_NAME } from '@cangshan/model/records';
import { label as checkedLabel, relType as checkedRelType } from '../importer/cypher.ts';
import { nodeProps, relProps, type Props } from '../importer/prepareRows.ts';

/**
 * Between the elements of a list in a cell (`--array-delimiter`): the unit separator, which no
 * name or quote holds; a list element that contains it is refused rather than split.
 */
export const ARRAY_DELIMITER = '\u001f';

/** One `--nodes` or `--relationships` source of `neo4j-admin database import full`. */
export interface CsvSource {
  kind: 'nodes' | 'relationships';
  /** `Entity:Enterprise` or the relation type: given on the command line, not in a column. */
  name: string;
  header: string;
  data: string;
  rows: number;
}

export interface BulkCsv {
  sources: CsvSource[];
  nodes: number;
  relations: number;
  /** True when some value holds a line break: the import must then read multi-line fields (slower). */
  multiline: boolean;
}

export class BulkCsvError extends Error {
  override name = 'BulkCsvError';
  readonly code = 'BULK_CSV_VALUE';
}

/** The column type that stores a value as the online import does (toParams: safe integers go as INTEGER). */
function columnType(v: Exclude<PropValue, null>): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'long' : 'double';
  if (v.every((x) => typeof x === 'string')) return 'string[]';
  return v.every((x) => typeof x === 'number' && Number.isSafeInteger(x)) ? 'long[]' : 'double[]';
}

const FLUSH_LINES = 20_000;

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/**
 * Rows are grouped by label (or type) and by the exact set of properties with their types, each
 * group one source with its own header: a property absent from a row is then absent from its
 * node — not an empty cell the import might store — and an integer stays an integer where
 * another row of the label holds a fraction in the same property.
 */
class Groups {
  readonly byKey = new Map<string, { source: CsvSource; keys: string[]; header: string; lines: string[]; file: FileHandle | null }>();
  multiline = false;
  constructor(
    private readonly dir: string,
    private readonly kind: CsvSource['kind'],
    private readonly idColumns: string,
  ) {}

  cell(v: Exclude<PropValue, null>, where: string): string {
    if (typeof v === 'string') {
      if (v.includes('\n') || v.includes('\r')) this.multiline = true;
      return quote(v);
    }
    if (!Array.isArray(v)) return String(v);
    const parts = v.map(String);
    if (parts.some((p) => p.includes(ARRAY_DELIMITER))) throw new BulkCsvError(`${where}: a list element holds the array delimiter U+001F`);
    if (parts.some((p) => p.includes('\n') || p.includes('\r'))) this.multiline = true;
    return quote(parts.join(ARRAY_DELIMITER));
  }

  add(name: string, ids: string[], props: Props, where: string): void {
    const keys = Object.keys(props).sort();
    const typed = keys.map((k) => `${k}:${columnType(props[k] as Exclude<PropValue, null>)}`);
    const key = `${name}|${typed.join(',')}`;
    let g = this.byKey.get(key);
    if (!g) {
      const n = this.byKey.size;
      const base = path.join(this.dir, `${this.kind}-${String(n).padStart(3, '0')}`);
      for (const k of keys) if (!PROP_NAME.test(k)) throw new BulkCsvError(`${where}: invalid property name ${JSON.stringify(k)}`);
      g = { source: { kind: this.kind, name, header: `${base}-header.csv`, data: `${base}.csv`, rows: 0 }, keys, header: [this.idColumns, ...typed].join(','), lines: [], file: null };
      this.byKey.set(key, g);
    }
    g.lines.push([...ids.map(quote), ...keys.map((k) => this.cell(props[k] as Exclude<PropValue, null>, where))].join(','));
    g.source.rows++;
  }

  /** Appends what the chunk added to each group's data file. */
  async flush(): Promise<void> {
    for (const g of this.byKey.values()) {
      if (g.lines.length === 0) continue;
      g.file ??= await open(g.source.data, 'w');
      // In slices: one string of a large district's relations could pass V8's longest string.
      for (let i = 0; i < g.lines.length; i += FLUSH_LINES) await g.file.write(g.lines.slice(i, i + FLUSH_LINES).join('\n') + '\n');
      g.lines = [];
    }
  }

  async close(): Promise<CsvSource[]> {
    for (const g of this.byKey.values()) {
      await g.file?.close();
      await writeFile(g.source.header, g.header + '\n');
    }
    return [...this.byKey.values()].map((g) => g.source);
  }

  async abort(): Promise<void> {
    for (const g of this.byKey.values()) await g.file?.close().catch(() => undefined);
  }
}

/**
 * Writes data sets (a province's chunks, one at a time) as the CSV of `neo4j-admin database
 * import full` into `dir`, with the importer's own property mapping (nodeProps / relProps: search
 * fields and name keys derived, nulls and empty lists left out), so the bulk path stores what the
 * online import stores. Each chunk is written before the next is asked for.
 */
export async function writeBulkCsv(chunks: Iterable<DataSet>, dir: string, onChunk?: (done: { nodes: number; relations: number }) => void): Promise<BulkCsv> {
  const nodes = new Groups(dir, 'nodes', 'id:ID');
  const rels = new Groups(dir, 'relationships', ':START_ID,:END_ID');
  let n = 0;
  let r = 0;
  try {
    for (const ds of chunks) {
      for (const rec of ds.nodes) nodes.add(`${ENTITY_LABEL}:${checkedLabel(rec.label)}`, [rec.id], nodeProps(rec), `node ${rec.id}`);
      for (const rec of ds.relations) rels.add(checkedRelType(rec.type), [rec.from, rec.to], relProps(rec), `relation ${rec.from}-${rec.type}->${rec.to}`);
      await nodes.flush();
      await rels.flush();
      n += ds.nodes.length;
      r += ds.relations.length;
      onChunk?.({ nodes: n, relations: r });
    }
    return { sources: [...(await nodes.close()), ...(await rels.close())], nodes: n, relations: r, multiline: nodes.multiline || rels.multiline };
  } catch (err) {
    await nodes.abort();
    await rels.abort();
    throw err;
  }
}
