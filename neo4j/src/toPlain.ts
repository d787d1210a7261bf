import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JSON values: Integer → number (throws past 2^53,
 * which no id or count here reaches), temporal values → ISO strings, nodes and relationships →
 * their properties. The one place where records become plain data (one mapping, not one per caller).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return value;
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return toPlain((value as { properties: Record<string, unknown> }).properties);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
  return out;
}

/**
 * Prepares parameters for the driver: a JS number that is an integer goes as a Cypher INTEGER
 * (the driver sends every JS number as FLOAT, and `LIMIT 10.0` is an error), other values
 * recursively as they are. A JS Date is refused: it is not a Neo4j date, and dates here are ISO strings.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (value instanceof Date) throw new TypeError('Pass dates as ISO strings ("2019-11"), not JS Date objects.');
  if (Array.isArray(value)) return value.map(toParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toParams(v);
    return out;
  }
  return value;
}
