import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JSON values: Integer → number (throws past 2^53,
 * which no id or count here reaches), temporal values → ISO strings, nodes and relationships →
 * their properties. The one place where records become plain data (one mapping, not one per caller).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Every value of every answer passes here (a nested answer: tens of thousands per request), so
  // the common cases come first: scalars, lists, and maps, which the driver gives as plain objects
  // (Integer, temporal values, nodes and relationships are class instances, checked after).
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (Array.isArray(value)) {
    const list = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) list[i] = toPlain(value[i]);
    return list;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map: Record<string, unknown> = {};
    for (const k in value) map[k] = toPlain((value as Record<string, unknown>)[k]);
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
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
