/** A Cypher statement and its parameters: what every query builder returns (pure, golden-tested). */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/** Joins lines of a Cypher statement, dropping empty ones, so builders can compose optional clauses. */
export function lines(...parts: Array<string | false | null | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}
