/**
 * Everything the API reads from the environment, parsed once (README configuration table,
 * .env.example): the API's own variables and the database's (NEO4J_VARS from @cangshan/neo4j),
 * one zod schema per variable. Every invalid value is reported at once, each naming its variable
 * and what it allows, and the start stops.
 */
import { isIP } from 'node:net';
import { parseTokens, type TokenEntry } from './http/tokens.ts';
import { boolVar, envVar, intVar, NEO4J_VARS, neo4jConfigOf, oneOfVar, parseEnv, textVar, type Neo4jConfig } from '@cangshan/neo4j';

export type Role = 'reader' | 'editor' | 'admin';

/**
 * Express's `trust proxy`: false (use the socket's address), a number of proxy hops in front of
 * the API (the client is the address the nearest of them saw), or the proxies' addresses and
 * subnets. Never `true`: that would take the left-most X-Forwarded-For entry, which the client writes.
 */
export type TrustProxy = false | number | string[];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** SEED_DATA: the starting data of an empty graph, as seed's STARTING_DATA names them (main.ts hands the value to loadStartingData). */
export const SEED_DATA_KINDS = ['article', 'chains'] as const;
export type SeedData = (typeof SEED_DATA_KINDS)[number];

export interface ApiConfig {
  /** PORT: what `npm start` listens on (0 = a free port). */
  port: number;
  host: string;
  /** Bearer token → role and name, from API_TOKENS="token1:editor:Li Wei,token2:admin" (http/tokens.ts). */
  tokens: Map<string, TokenEntry>;
  /** API_READ_TOKEN_REQUIRED=true: queries need a token too (any role). */
  readTokenRequired: boolean;
  maxDepth: number;
  /**
   * Estimated cost limit of one operation, in values of the answer (validation/costRules.ts): ~5.6×
   * the web's costliest screen (the overview of 5,000 firms, 322,805), so that the slowest query it
   * accepts takes at most ~10× the overview's time (docs/API.md, "Cost", measured).
   */
  maxComplexity: number;
  /** Top-level fields per operation (aliases included): each is at least one database query. */
  maxRootFields: number;
  maxPageSize: number;
  maxGraphNodes: number;
  maxSearchResults: number;
  /** Whether `__schema` / `__type` are answered (GraphiQL's docs need them). */
  introspection: boolean;
  /** Whether validation errors suggest names ("Did you mean …?"), which tells a stranger the schema. */
  suggestions: boolean;
  /** Per-query timeout sent to Neo4j and enforced by the API (ms). */
  queryTimeoutMs: number;
  /** Answers of expensive district-wide reads kept while the database is unchanged; 0 = off. */
  readCacheEntries: number;
  /** Only reads slower than this (ms) are kept. */
  readCacheMinMs: number;
  /** How often (ms) to look for a write while kept answers are in demand, to read them again after it; 0 = never. */
  readCacheRefreshMs: number;
  /**
   * A live chainGaps of the district slower than this (ms) starts the background walk that builds the
   * segment timeline for the present data version (capabilities/recruitment/segmentTimelines.ts); -1 = never.
   */
  segmentTimelineMinMs: number;
  /** Requests per minute per client on /graphql, per process; 0 = off. */
  rateLimitPerMinute: number;
  /** IPv6 clients share a rate-limit bucket per prefix of this length (one subscriber gets a /56 or /64). */
  rateLimitIpv6Subnet: number;
  /** Whose X-Forwarded-For to believe for the client address. */
  trustProxy: TrustProxy;
  /** Origins allowed to call /graphql from a browser (CORS); empty = none, ['*'] = any. */
  corsOrigins: string[];
  bodyLimit: string;
  importBodyLimit: string;
  /** GRAPHQL_EXPENSIVE_CONCURRENCY: expensive requests one client may have in progress (0 = no limit; http/concurrency.ts). */
  expensiveConcurrency: number;
  /** MEMORY_GUARD_MB: JS heap in use above which expensive requests get 503 SERVER_BUSY (0 = off; null = 80 % of V8's heap limit; http/memoryGuard.ts). */
  memoryGuardMb: number | null;
  shutdownTimeoutMs: number;
  /** How long an idle keep-alive connection stays open (ms); keep it above a proxy's idle timeout. */
  keepAliveTimeoutMs: number;
  contentSecurityPolicy: string;
  logLevel: LogLevel;
  /** `npm start` plans the recruitment queries in the background once up. */
  warmPlans: boolean;
  /** What `npm start` loads into an empty graph: the article's data set, or the curated chains alone (a district on its own data). */
  seedData: SeedData;
  /** The database's variables. */
  neo4j: Neo4jConfig;
}

export const DEFAULT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

const NAMED_SUBNETS = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrSubnet(item: string): boolean {
  if (NAMED_SUBNETS.includes(item)) return true;
  const [addr = '', prefix, ...rest] = item.split('/');
  const family = isIP(addr);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY's text → Express's `trust proxy` value (see TrustProxy). */
export function parseTrustProxy(raw: string): TrustProxy {
  const v = raw.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v.toLowerCase() === 'true') {
    throw new Error(
      'must name whom to trust: "true" would believe every X-Forwarded-For entry, so any client could pick its own address and escape the rate limit. ' +
        'Write the number of proxies in front of the API (TRUST_PROXY=1 for one load balancer) or their addresses / subnets (TRUST_PROXY=10.0.0.0/8,127.0.0.1)',
    );
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 32) throw new Error(`must be a hop count from 1 to 32 (got ${hops})`);
    return hops;
  }
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.find((s) => !isAddressOrSubnet(s));
  if (bad !== undefined || items.length === 0) {
    throw new Error(`must be false, a hop count (1, 2 …) or a comma-separated list of proxy addresses and subnets (10.0.0.0/8, ::1, loopback); ${JSON.stringify(bad ?? v)} is none of these`);
  }
  return items;
}

/** CORS_ORIGINS's text → the allowed origins: exact `scheme://host[:port]` values, or `*` alone. */
export function parseCorsOrigins(raw: string): string[] {
  const items = raw.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
  if (items.includes('*')) {
    if (items.length > 1) throw new Error('must be * alone or a list of origins, not both');
    return ['*'];
  }
  for (const item of items) {
    let origin: string | null = null;
    try {
      const u = new URL(item);
      if (u.protocol === 'http:' || u.protocol === 'https:') origin = u.origin;
    } catch {
      /* reported below */
    }
    if (origin !== item) throw new Error(`must be a comma-separated list of origins like https://notebooks.example.org (scheme, host and port; no path), or *; ${JSON.stringify(item)} is not one`);
  }
  return items;
}

/** An Express body size: a number of bytes with an optional unit (b, kb, mb, gb). */
const sizeVar = (dflt: string) =>
  envVar(dflt, (raw) => {
    if (!/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(raw.trim())) throw new Error(`must be a size like 100kb or 50mb (got ${JSON.stringify(raw)})`);
    return raw.trim();
  });

/** The API's own variables; README's configuration table and .env.example list each. */
export const API_VARS = {
  PORT: intVar(4000, 0, 65_535),
  HOST: textVar('127.0.0.1'),
  API_TOKENS: envVar(new Map<string, TokenEntry>(), parseTokens),
  API_READ_TOKEN_REQUIRED: boolVar(false),
  GRAPHQL_MAX_DEPTH: intVar(12, 1),
  GRAPHQL_MAX_COMPLEXITY: intVar(1_800_000, 1),
  GRAPHQL_MAX_ROOT_FIELDS: intVar(50, 1),
  GRAPHQL_MAX_PAGE_SIZE: intVar(1000, 1),
  GRAPHQL_MAX_GRAPH_NODES: intVar(20_000, 1),
  GRAPHQL_MAX_SEARCH_RESULTS: intVar(100, 1),
  GRAPHQL_INTROSPECTION: boolVar(true),
  GRAPHQL_SUGGESTIONS: boolVar(true),
  QUERY_TIMEOUT_MS: intVar(15_000, 100),
  READ_CACHE_ENTRIES: intVar(16, 0),
  READ_CACHE_MIN_MS: intVar(50, 0),
  READ_CACHE_REFRESH_MS: intVar(2_000, 0),
  SEGMENT_TIMELINE_MIN_MS: intVar(1_000, -1),
  RATE_LIMIT_PER_MINUTE: intVar(1200, 0),
  RATE_LIMIT_IPV6_SUBNET: intVar(56, 32, 64),
  TRUST_PROXY: envVar<TrustProxy>(false, parseTrustProxy),
  CORS_ORIGINS: envVar<string[]>([], parseCorsOrigins),
  BODY_LIMIT: sizeVar('100kb'),
  IMPORT_BODY_LIMIT: sizeVar('50mb'),
  SHUTDOWN_TIMEOUT_MS: intVar(10_000, 0),
  GRAPHQL_EXPENSIVE_CONCURRENCY: intVar(2, 0),
  // Unset: 80 % of V8's heap limit, which only the running process knows (http/memoryGuard.ts).
  MEMORY_GUARD_MB: envVar<number | null>(null, (raw) => {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isSafeInteger(n) || n < 0) throw new Error(`must be a whole number of megabytes ≥ 0, 0 = off (got ${JSON.stringify(raw)})`);
    return n;
  }),
  KEEP_ALIVE_TIMEOUT_MS: intVar(5_000, 0),
  // "" is a value here: it omits the header.
  CONTENT_SECURITY_POLICY: textVar(DEFAULT_CSP, { emptyIsValue: true }),
  // Tests start many servers in one process; their request lines would bury the test output.
  LOG_LEVEL: oneOfVar(LOG_LEVELS, process.env.VITEST ? 'silent' : 'info'),
  WARM_PLANS: boolVar(true),
  SEED_DATA: oneOfVar(SEED_DATA_KINDS, 'article'),
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const v = parseEnv({ ...API_VARS, ...NEO4J_VARS }, env);
  return {
    port: v.PORT,
    host: v.HOST,
    tokens: v.API_TOKENS,
    readTokenRequired: v.API_READ_TOKEN_REQUIRED,
    maxDepth: v.GRAPHQL_MAX_DEPTH,
    maxComplexity: v.GRAPHQL_MAX_COMPLEXITY,
    maxRootFields: v.GRAPHQL_MAX_ROOT_FIELDS,
    maxPageSize: v.GRAPHQL_MAX_PAGE_SIZE,
    maxGraphNodes: v.GRAPHQL_MAX_GRAPH_NODES,
    maxSearchResults: v.GRAPHQL_MAX_SEARCH_RESULTS,
    introspection: v.GRAPHQL_INTROSPECTION,
    suggestions: v.GRAPHQL_SUGGESTIONS,
    queryTimeoutMs: v.QUERY_TIMEOUT_MS,
    readCacheEntries: v.READ_CACHE_ENTRIES,
    readCacheMinMs: v.READ_CACHE_MIN_MS,
    readCacheRefreshMs: v.READ_CACHE_REFRESH_MS,
    segmentTimelineMinMs: v.SEGMENT_TIMELINE_MIN_MS,
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    rateLimitIpv6Subnet: v.RATE_LIMIT_IPV6_SUBNET,
    trustProxy: v.TRUST_PROXY,
    corsOrigins: v.CORS_ORIGINS,
    bodyLimit: v.BODY_LIMIT,
    importBodyLimit: v.IMPORT_BODY_LIMIT,
    expensiveConcurrency: v.GRAPHQL_EXPENSIVE_CONCURRENCY,
    memoryGuardMb: v.MEMORY_GUARD_MB,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    keepAliveTimeoutMs: v.KEEP_ALIVE_TIMEOUT_MS,
    contentSecurityPolicy: v.CONTENT_SECURITY_POLICY,
    logLevel: v.LOG_LEVEL,
    warmPlans: v.WARM_PLANS,
    seedData: v.SEED_DATA,
    neo4j: neo4jConfigOf(v),
  };
}
