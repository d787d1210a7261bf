import { createHash } from 'node:crypto';
import type { Db } from '@cangshan/neo4j';

const canon = (props: Record<string, unknown>, types: unknown): string => {
  const t = new Map(types as [string, string][]);
  return JSON.stringify(
    Object.keys(props)
      .sort()
      .map((k) => [k, props[k], t.get(k)]),
  );
};

/**
 * Every node and relation as stored, one sorted line each: labels, properties with their Cypher
 * types (an INTEGER and a FLOAT of the same value differ, so do a STRING and a LIST), ends by id.
 * What two import paths must agree on.
 */
export async function storedGraph(db: Db): Promise<string[]> {
  const nodes = await db.read('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props, [k IN keys(n) | [k, valueType(n[k])]] AS types');
  const rels = await db.read(
    'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props, [k IN keys(r) | [k, valueType(r[k])]] AS types',
  );
  return [
    ...nodes.map((n) => `${[...(n.labels as string[])].sort().join(':')} ${canon(n.props as Record<string, unknown>, n.types)}`),
    ...rels.map((r) => `${String(r.a)}-${String(r.t)}->${String(r.b)} ${canon(r.props as Record<string, unknown>, r.types)}`),
  ].sort();
}

export const digestOf = (lines: readonly string[]): string => createHash('sha256').update(lines.join('\n')).digest('hex');
