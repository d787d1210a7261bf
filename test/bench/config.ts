import { parseArgs } from 'node:util';

/**
 * What `npm run bench` measures and at what size. Every knob is a flag (`npm run bench -- --rounds 7`)
 * or an environment variable (`BENCH_ROUNDS=7`); flags win. Defaults keep the whole run near
 * 20 minutes on a 2-core machine (docs/BENCH.md lists them with their measured costs).
 */
export interface BenchConfig {
  /** Enterprises in the synthetic district the suites query. */
  enterprises: number;
  /** Generator seed, so two runs query the same district. */
  seed: number;
  /** Measured rounds per comparison (median reported; ≥ 5). */
  rounds: number;
  /** Untimed rounds before measuring. */
  warmup: number;
  /** Rows the naive one-row-per-transaction import writes (a sample: at its speed 100k would take hours). */
  naiveSample: number;
  /** Requests per round and contender in the API-overhead suite, at concurrency 1 and 16. */
  apiRequests: number;
  /** Requests per round in the GraphQL-layer suite. */
  layerRequests: number;
  /** Page sizes of the nested-reads suite. */
  nestedSizes: number[];
  /** Visible firms in the browser suite. */
  browserSizes: number[];
  /** Data rows of the generated registry export the registry-import suite reads and writes. */
  registryRows: number;
  /** Suites to run (all by default). */
  suites: string[];
  heap: string;
  pageCache: string;
  /**
   * Load the data as a province through the bulk path (neo4j-admin, seed/src/bulk) instead of the
   * online importer: `--bulk`, or on its own above BULK_THRESHOLD firms, where the whole data set
   * would not fit in this process and the online import would take hours.
   */
  bulk: boolean;
  /** Firms of the district-sized sample the online importer writes into an empty Neo4j when the data was bulk-loaded. */
  onlineSample: number;
  /** Calls per contender and round at concurrency 1 in the API suite, at least (each round also runs ≥ 1 s). */
  apiMinCalls: number;
  /** Concurrency 16 only for shapes whose one call takes at most this (ms; 0 = every shape): a wave of slow calls takes minutes. */
  apiWaveMaxMs: number;
  /** A shape whose one call takes longer than this (ms; 0 = none) is timed once per side, without warm-up rounds. */
  apiSlowMs: number;
  /**
   * An existing store to query instead of generating one ('' = none): the folder `npm run bulk`
   * wrote (NEO4J_DATA_DIR), opened as it is and left in place. The import suite cannot run on it.
   */
  store: string;
}

export const ALL_SUITES = ['import', 'registry', 'dbhits', 'api', 'recruit', 'peer', 'layer', 'nested', 'memory', 'browser'] as const;

const DEFAULTS: BenchConfig = {
  enterprises: 100_000,
  seed: 42,
  rounds: 5,
  warmup: 2,
  naiveSample: 1_000,
  apiRequests: 60,
  layerRequests: 600,
  nestedSizes: [10, 100, 1000],
  browserSizes: [1000, 2000],
  registryRows: 100_000,
  suites: [...ALL_SUITES],
  heap: '2g',
  pageCache: '1g',
  bulk: false,
  onlineSample: 100_000,
  apiMinCalls: 5,
  apiWaveMaxMs: 0,
  apiSlowMs: 0,
  store: '',
};

/** Above this many firms the data is bulk-loaded and the LARGE defaults apply (docs/BENCH.md, "A million firms"). */
export const BULK_THRESHOLD = 200_000;

/**
 * What changes above BULK_THRESHOLD unless a flag or variable says otherwise: few rounds (a round of
 * a slow shape takes seconds to minutes at 1M), one call per round, no c=16 wave for a shape slower
 * than 1.5 s, and a Neo4j sized for the province's store (a 24 GiB machine shared with other work).
 */
export const LARGE_DEFAULTS: Partial<BenchConfig> = {
  rounds: 3,
  warmup: 1,
  apiRequests: 20,
  apiMinCalls: 1,
  apiWaveMaxMs: 1_500,
  apiSlowMs: 20_000,
  nestedSizes: [10, 100, 1000],
  heap: '5g',
  pageCache: '3g',
};

/** True when `enterprises` firms are past what the online path and this process's memory can take. */
export const isLarge = (enterprises: number): boolean => enterprises > BULK_THRESHOLD;

type Key = keyof BenchConfig;
const ENV: Record<Key, string> = {
  enterprises: 'BENCH_ENTERPRISES',
  seed: 'BENCH_SEED',
  rounds: 'BENCH_ROUNDS',
  warmup: 'BENCH_WARMUP',
  naiveSample: 'BENCH_NAIVE_SAMPLE',
  apiRequests: 'BENCH_API_REQUESTS',
  layerRequests: 'BENCH_LAYER_REQUESTS',
  nestedSizes: 'BENCH_NESTED_SIZES',
  browserSizes: 'BENCH_BROWSER_SIZES',
  registryRows: 'BENCH_REGISTRY_ROWS',
  suites: 'BENCH_SUITES',
  heap: 'BENCH_NEO4J_HEAP',
  pageCache: 'BENCH_NEO4J_PAGECACHE',
  bulk: 'BENCH_BULK',
  onlineSample: 'BENCH_ONLINE_SAMPLE',
  apiMinCalls: 'BENCH_API_MIN_CALLS',
  apiWaveMaxMs: 'BENCH_API_WAVE_MAX_MS',
  apiSlowMs: 'BENCH_API_SLOW_MS',
  store: 'BENCH_STORE',
};

const kebab = (k: string): string => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export class BenchConfigError extends Error {
  override name = 'BenchConfigError';
}

function coerce(key: Key, raw: string): BenchConfig[Key] {
  const def = DEFAULTS[key];
  if (typeof def === 'boolean') {
    if (/^(1|true|yes)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    throw new BenchConfigError(`--${kebab(key)} takes true or false, got "${raw}".`);
  }
  if (Array.isArray(def)) {
    const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
    if (typeof def[0] === 'number') {
      const nums = parts.map(Number);
      if (nums.some((n) => !Number.isInteger(n) || n <= 0)) throw new BenchConfigError(`--${kebab(key)} takes positive integers separated by commas, got "${raw}".`);
      return nums;
    }
    const bad = parts.filter((p) => !(ALL_SUITES as readonly string[]).includes(p));
    if (bad.length) throw new BenchConfigError(`Unknown suite(s) ${bad.join(', ')}; choose from ${ALL_SUITES.join(', ')}.`);
    return parts;
  }
  if (typeof def === 'number') {
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new BenchConfigError(`--${kebab(key)} takes a whole number, got "${raw}".`);
    return n;
  }
  return raw;
}

const KEYS = Object.keys(ENV) as Key[];

export const BENCH_USAGE = [
  'Usage: npm run bench -- [flags]   (docs/BENCH.md; each flag is also an environment variable, the flag wins)',
  ...KEYS.map((k) => `  --${kebab(k)}${typeof DEFAULTS[k] === 'boolean' ? '' : ' <value>'}`.padEnd(30) + `${ENV[k]}, default ${String(DEFAULTS[k])}`),
  `  (above ${BULK_THRESHOLD.toLocaleString('en-US')} enterprises: --bulk, and ${JSON.stringify(LARGE_DEFAULTS)} unless given)`,
  '  --help, -h'.padEnd(30) + 'this text',
].join('\n');

export function parseBenchConfig(argv: readonly string[], env: NodeJS.ProcessEnv): BenchConfig {
  const cfg: BenchConfig = { ...DEFAULTS };
  const given = new Set<Key>();
  const set = <K extends Key>(k: K, v: BenchConfig[K]): void => {
    cfg[k] = v;
    given.add(k);
  };
  for (const key of KEYS) {
    const v = env[ENV[key]];
    if (v !== undefined && v !== '') set(key, coerce(key, v));
  }
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        ...Object.fromEntries(KEYS.map((k) => [kebab(k), { type: typeof DEFAULTS[k] === 'boolean' ? ('boolean' as const) : ('string' as const) }])),
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    throw new BenchConfigError(`${(e as Error).message}\n${BENCH_USAGE}`);
  }
  if (flags.help) {
    // A request for the usage is not a run: print it and stop here, as every CLI of the repository does.
    console.log(BENCH_USAGE);
    process.exit(0);
  }
  for (const key of KEYS) {
    const value = flags[kebab(key)];
    if (typeof value === 'string') set(key, coerce(key, value));
    else if (typeof value === 'boolean') set(key, value);
  }
  const large = isLarge(cfg.enterprises);
  if (large) {
    for (const [k, v] of Object.entries(LARGE_DEFAULTS) as [Key, BenchConfig[Key]][]) if (!given.has(k)) (cfg as unknown as Record<Key, unknown>)[k] = v;
    // Not a choice: the data set of a million firms does not fit in this process, nor does its online import in a run.
    if (given.has('bulk') && !cfg.bulk) throw new BenchConfigError(`--enterprises ${cfg.enterprises} is above ${BULK_THRESHOLD}: only the bulk path can load it (leave --bulk out or set it).`);
    cfg.bulk = true;
  }
  if (cfg.store !== '' && cfg.suites.includes('import')) throw new BenchConfigError('--store queries an existing store: leave the import suite out of --suites (it measures loading one).');
  if (cfg.bulk && cfg.enterprises < 20) throw new BenchConfigError('--bulk loads a synthetic province: --enterprises must be at least 20.');
  // Three rounds only at a size where one round of a slow shape takes minutes (LARGE_DEFAULTS).
  const minRounds = large ? 3 : 5;
  if (cfg.rounds < minRounds) throw new BenchConfigError(`--rounds must be at least ${minRounds} (a median needs at least ${minRounds}${large ? ' above ' + BULK_THRESHOLD : ''}), got ${cfg.rounds}.`);
  if (cfg.onlineSample < 20) throw new BenchConfigError(`--online-sample must be at least 20, got ${cfg.onlineSample}.`);
  if (cfg.apiMinCalls < 1) throw new BenchConfigError(`--api-min-calls must be at least 1, got ${cfg.apiMinCalls}.`);
  // The generator's export needs room for its mix (duplicates, held rows, departures, branches).
  if (cfg.registryRows < 100) throw new BenchConfigError(`--registry-rows must be at least 100, got ${cfg.registryRows}.`);
  return cfg;
}
