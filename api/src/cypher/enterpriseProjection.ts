/**
 * The properties of an Enterprise that the API reads, as a Cypher map projection. Listed rather
 * than `.*` so the search fields (searchZh, searchLatin: long strings) stay in the database.
 * `variable` is a Cypher variable chosen by our code.
 */
export function enterpriseProjection(variable: string, extra = ''): string {
  return (
    `${variable} {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, ` +
    `.signedOn, .landedOn, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId${extra ? `, ${extra}` : ''}}`
  );
}

/** An Enterprise as the resolvers hold it: the projected properties. */
export interface EnterpriseRow {
  id: string;
  name: string;
  nameEn?: string | null;
  aliases?: string[] | null;
  isAnchor?: boolean | null;
  synthetic?: boolean | null;
  local?: boolean | null;
  landedOn?: string | null;
  signedOn?: string | null;
  sourceKind?: string | null;
  quotes?: string[] | null;
  reason?: string | null;
  docId?: string | null;
  [key: string]: unknown;
}
