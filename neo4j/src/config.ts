/**
 * The database's environment variables, validated once (README configuration table, .env.example).
 * Each variable is a zod schema from its raw text to its value, so an invalid value stops the
 * start with a sentence naming the variable and what it allows; the helpers here serve every
 * package's configuration (the API composes this schema with its own).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * One variable: unset (or "", unless `emptyIsValue`) gives `dflt`; any other text goes through
 * `parse`, which returns the value or throws a phrase saying what is allowed ("must be …").
 */
export function envVar<T>(dflt: T, parse: (raw: string) => T, opts: { emptyIsValue?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (raw === undefined || (raw === '' && !opts.emptyIsValue)) return dflt;
      try {
        return parse(raw);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    });
}

const got = (raw: string): string => ` (got ${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw)})`;

/** A whole number in [min, max]. */
export const intVar = (dflt: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  envVar(dflt, (raw) => {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new Error(`must be an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`}${got(raw)}`);
    }
    return n;
  });

/** true / false (1 / 0 too); anything else is refused rather than read as false. */
export const boolVar = (dflt: boolean) =>
  envVar(dflt, (raw) => {
    const v = raw.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw new Error(`must be true or false (or 1 / 0)${got(raw)}`);
  });

/** Free text (names, paths, secrets: never quoted back). */
export const textVar = <D extends string | undefined>(dflt: D, opts: { emptyIsValue?: boolean } = {}) => envVar<string | D>(dflt, (raw) => raw, opts);

/** One of a fixed list. */
export const oneOfVar = <V extends string>(values: readonly V[], dflt: V) =>
  envVar(dflt, (raw) => {
    const v = raw.trim() as V;
    if (!values.includes(v)) throw new Error(`must be one of ${values.join(', ')}${got(raw)}`);
    return v;
  });

/** A JVM memory size as Neo4j writes it: 512m, 2g, 1048576k. */
export const memoryVar = (dflt: string) =>
  envVar(dflt, (raw) => {
    if (!/^\d+[kmg]?$/i.test(raw.trim())) throw new Error(`must be a memory size like 512m or 2g${got(raw)}`);
    return raw.trim();
  });

/** Parses `env` against one or more variable shapes; every problem is listed, one per line. */
export function parseEnv<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv): z.output<z.ZodObject<S>> {
  const r = z.object(shape).safeParse(env);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.join('.')} ${i.message}.`);
  throw new ConfigError(lines.join('\n'));
}

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** Defaults of the embedded server that a caller (tests, the benchmark) may set; the environment still wins. */
export interface EmbeddedDefaults {
  dataDir?: string;
  boltPort?: number;
  heap?: string;
  pageCache?: string;
}

/** The database's variables (README configuration table); `defaults` replace the built-in embedded defaults. */
export function neo4jVars(defaults: EmbeddedDefaults = {}) {
  return {
    NEO4J_URI: envVar<string | null>(null, (raw) => {
      const scheme = /^([a-z0-9+]+):\/\/\S+$/i.exec(raw.trim())?.[1]?.toLowerCase();
      if (!scheme || !URI_SCHEMES.includes(scheme)) throw new Error(`must be a Neo4j URI: ${URI_SCHEMES.map((s) => `${s}://`).join(', ')} and a host${got(raw)}`);
      return raw.trim();
    }),
    NEO4J_USER: textVar(undefined),
    NEO4J_PASSWORD: textVar(undefined),
    NEO4J_DATABASE: textVar(undefined),
    NEO4J_MAX_POOL: intVar(50, 1),
    NEO4J_WAIT_MS: intVar(60_000, 0),
    NEO4J_DATA_DIR: textVar(defaults.dataDir ?? '.data/neo4j'),
    NEO4J_BOLT_PORT: intVar(defaults.boltPort ?? 7688, 1, 65_535),
    NEO4J_HEAP: memoryVar(defaults.heap ?? '1g'),
    NEO4J_PAGECACHE: memoryVar(defaults.pageCache ?? '512m'),
  };
}

/** The variables with their built-in defaults: what the API composes and the docs list. */
export const NEO4J_VARS = neo4jVars();

export interface Neo4jConfig {
  /** NEO4J_URI: connect there and start nothing; null: start the embedded server. */
  uri: string | null;
  user: string | undefined;
  password: string | undefined;
  database: string | undefined;
  maxPool: number;
  /** How long to wait for `RETURN 1` on `uri` at start (ms). */
  waitMs: number;
  /** The embedded server's folder, relative to the repository root unless absolute. */
  dataDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
}

/** The Neo4jConfig of variables parsed by NEO4J_VARS (or a shape that includes them). */
export function neo4jConfigOf(v: z.output<z.ZodObject<ReturnType<typeof neo4jVars>>>): Neo4jConfig {
  return {
    uri: v.NEO4J_URI,
    user: v.NEO4J_USER,
    password: v.NEO4J_PASSWORD,
    database: v.NEO4J_DATABASE,
    maxPool: v.NEO4J_MAX_POOL,
    waitMs: v.NEO4J_WAIT_MS,
    dataDir: v.NEO4J_DATA_DIR,
    boltPort: v.NEO4J_BOLT_PORT,
    heap: v.NEO4J_HEAP,
    pageCache: v.NEO4J_PAGECACHE,
  };
}

export function readNeo4jConfig(env: NodeJS.ProcessEnv = process.env, defaults: EmbeddedDefaults = {}): Neo4jConfig {
  return neo4jConfigOf(parseEnv(neo4jVars(defaults), env));
}

/**
 * Loads `<dir>/.env` into process.env when it exists (Node's own parser). A variable already in
 * the environment keeps its value — even an empty one — so the file only fills gaps. Returns
 * whether a file was read.
 */
export function loadDotEnv(dir: string): boolean {
  const file = path.join(dir, '.env');
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
