/**
 * The parameters of one Cypher statement built from request values: each value goes in under a
 * fresh name (`$w0`, `$w1` …), so request text never becomes Cypher text. One instance per
 * statement; give each builder that shares a statement its own `prefix` if they number apart.
 */
export class CypherParams {
  readonly values: Record<string, unknown> = {};
  private nextParam = 0;
  private nextVariable = 0;

  constructor(readonly prefix = 'w') {}

  /** Adds a value; returns its reference in Cypher (`$w3`). */
  add(value: unknown): string {
    const name = `${this.prefix}${this.nextParam++}`;
    this.values[name] = value;
    return `$${name}`;
  }

  /**
   * A Cypher variable unused elsewhere in the statement (`w_x0`), for the patterns of nested
   * `EXISTS` subqueries: a subquery that reused an outer name would join on it instead.
   */
  variable(base: string): string {
    return `${this.prefix}_${base}${this.nextVariable++}`;
  }
}
