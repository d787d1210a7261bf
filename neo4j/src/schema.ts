import { NODE_LABELS } from '@cangshan/model';
import type { Db } from './db.ts';

/**
 * The index through which a staged import finds the ends of the relations between its staged
 * nodes (`:ImportStaging` only, not yet `:Entity`; seed's stagedWrite.ts), which also runs it.
 */
export const STAGING_INDEX = 'CREATE INDEX import_staging_id IF NOT EXISTS FOR (n:ImportStaging) ON (n.id)';

/**
 * Constraints and indexes, each `IF NOT EXISTS` so that applying them again changes nothing.
 * Ids are unique across the whole graph (`:Entity(id)`), so an import can name the ends of a
 * relation by id alone; the per-label constraints give the planner a unique index per label.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  ...NODE_LABELS.map((l) => `CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`),
  'CREATE INDEX enterprise_landed IF NOT EXISTS FOR (n:Enterprise) ON (n.landedOn)',
  'CREATE INDEX enterprise_anchor IF NOT EXISTS FOR (n:Enterprise) ON (n.isAnchor)',
  'CREATE INDEX enterprise_local IF NOT EXISTS FOR (n:Enterprise) ON (n.local)',
  'CREATE INDEX enterprise_synthetic IF NOT EXISTS FOR (n:Enterprise) ON (n.synthetic)',
  // Registry identities: `search` looks a whole credit code or registration number up exactly,
  // and the registry importer matches firms by code and by nameKey (normaliseName of the name).
  'CREATE INDEX enterprise_credit_code IF NOT EXISTS FOR (n:Enterprise) ON (n.creditCode)',
  'CREATE INDEX enterprise_registration_number IF NOT EXISTS FOR (n:Enterprise) ON (n.registrationNumber)',
  'CREATE INDEX enterprise_name_key IF NOT EXISTS FOR (n:Enterprise) ON (n.nameKey)',
  'CREATE INDEX project_landed IF NOT EXISTS FOR (n:Project) ON (n.landedOn)',
  'CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at)',
  // The recruitment pipeline (api/src/capabilities/pipeline): one entry per firm, changes by entry.
  'CREATE CONSTRAINT pipeline_entry_id IF NOT EXISTS FOR (n:PipelineEntry) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT pipeline_entry_enterprise IF NOT EXISTS FOR (n:PipelineEntry) REQUIRE n.enterpriseId IS UNIQUE',
  'CREATE INDEX pipeline_change_entry IF NOT EXISTS FOR (n:PipelineChange) ON (n.entryId)',
  // Chinese names: the cjk analyzer indexes overlapping character bigrams, so 头条 finds 今日头条.
  `CREATE FULLTEXT INDEX enterprise_names_zh IF NOT EXISTS FOR (n:Enterprise) ON EACH [n.searchZh]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false } }`,
  // English names and pinyin (full, joined, initials): folding lower-cases and strips diacritics.
  `CREATE FULLTEXT INDEX enterprise_names_latin IF NOT EXISTS FOR (n:Enterprise) ON EACH [n.searchLatin]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
  // Projects, places, chains and segments by the same fields and analyzers, for `find`: one pair
  // over the four labels, so a district's tens of thousands of firms are not indexed twice.
  `CREATE FULLTEXT INDEX named_zh IF NOT EXISTS FOR (n:Project|Place|Chain|Segment) ON EACH [n.searchZh]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false } }`,
  `CREATE FULLTEXT INDEX named_latin IF NOT EXISTS FOR (n:Project|Place|Chain|Segment) ON EACH [n.searchLatin]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
  STAGING_INDEX,
];

/** Applies the schema idempotently and waits until every index is online. */
export async function applySchema(db: Db): Promise<void> {
  for (const s of SCHEMA_STATEMENTS) await db.write(s);
  await db.write('CALL db.awaitIndexes(300)');
}

/** True when every constraint and index of SCHEMA_STATEMENTS exists and is online. */
export async function schemaApplied(db: Db): Promise<boolean> {
  const rows = await db.read("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS names");
  const names = new Set((rows[0]?.names as string[] | undefined) ?? []);
  return ['entity_id', 'enterprise_names_zh', 'enterprise_names_latin', 'named_zh', 'named_latin'].every((n) => names.has(n));
}
