/**
 * Everything the API reads from the environment, parsed once (README configuration table).
 * Invalid values fail the start with a message naming the variable.
 */
export type Role = 'reader' | 'editor' | 'admin';

export interface ApiConfig {
  /** Bearer token → role, from API_TOKENS="token1:editor,token2:admin". */
  tokens: Map<string, Role>;
  /** API_READ_TOKEN_REQUIRED=true: queries need a token too (any role). */
  readTokenRequired: boolean;
  maxDepth: number;
  maxComplexity: number;
  /** Top-level fields per operation (aliases included): each is at least one database query. */
  maxRootFields: number;
  maxPageSize: number;
  maxGraphNodes: number;
  maxSearchResults: number;
  /** Per-query timeout sent to Neo4j and enforced by the API (ms). */
  queryTimeoutMs: number;
  /** Answers of expensive district-wide reads kept while the database is unchanged; 0 = off. */
  readCacheEntries: number;
  /** Only reads slower than this (ms) are kept. */
  readCacheMinMs: number;
  /** How often (ms) to look for a write while kept answers are in demand, to read them again after it; 0 = never. */
  readCacheRefreshMs: number;
  /** Requests per minute per client address on /graphql; 0 = off. */
  rateLimitPerMinute: number;
  bodyLimit: string;
  importBodyLimit: string;
  shutdownTimeoutMs: number;
  /** How long an idle keep-alive connection stays open (ms); keep it above a proxy's idle timeout. */
  keepAliveTimeoutMs: number;
  /** Trust X-Forwarded-For (behind a load balancer) for the rate limit's client address. */
  trustProxy: boolean;
  contentSecurityPolicy: string;
}

export const DEFAULT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];

function int(env: NodeJS.ProcessEnv, name: string, dflt: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min} (got ${JSON.stringify(raw)}).`);
  return n;
}

function parseTokens(raw: string | undefined): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const part of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const i = part.lastIndexOf(':');
    const token = i > 0 ? part.slice(0, i) : '';
    const role = part.slice(i + 1) as Role;
    if (!token || !ROLES.includes(role)) {
      throw new Error(`API_TOKENS entries are "token:role" with role one of ${ROLES.join(', ')} (bad entry near "${part.slice(0, 4)}…").`);
    }
    if (token.length < 8) throw new Error('API_TOKENS: each token must be at least 8 characters long.');
    out.set(token, role);
  }
  return out;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    tokens: parseTokens(env.API_TOKENS),
    readTokenRequired: env.API_READ_TOKEN_REQUIRED === 'true' || env.API_READ_TOKEN_REQUIRED === '1',
    maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 1),
    maxComplexity: int(env, 'GRAPHQL_MAX_COMPLEXITY', 250_000, 1),
    maxRootFields: int(env, 'GRAPHQL_MAX_ROOT_FIELDS', 50, 1),
    maxPageSize: int(env, 'GRAPHQL_MAX_PAGE_SIZE', 1000, 1),
    maxGraphNodes: int(env, 'GRAPHQL_MAX_GRAPH_NODES', 20_000, 1),
    maxSearchResults: int(env, 'GRAPHQL_MAX_SEARCH_RESULTS', 100, 1),
    queryTimeoutMs: int(env, 'QUERY_TIMEOUT_MS', 15_000, 100),
    readCacheEntries: int(env, 'READ_CACHE_ENTRIES', 16, 0),
    readCacheMinMs: int(env, 'READ_CACHE_MIN_MS', 50, 0),
    readCacheRefreshMs: int(env, 'READ_CACHE_REFRESH_MS', 2_000, 0),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0),
    bodyLimit: env.BODY_LIMIT || '100kb',
    importBodyLimit: env.IMPORT_BODY_LIMIT || '50mb',
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0),
    keepAliveTimeoutMs: int(env, 'KEEP_ALIVE_TIMEOUT_MS', 5_000, 0),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    contentSecurityPolicy: env.CONTENT_SECURITY_POLICY ?? DEFAULT_CSP,
  };
}
