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
}

export const ALL_SUITES = ['import', 'registry', 'dbhits', 'api', 'peer', 'layer', 'nested', 'memory', 'browser'] as const;

const DEFAULTS: BenchConfig = {
  enterprises: 100_000,
  seed: 42,
  rounds: 5,
  warmup: 2,
  naiveSample: 1_000,
  apiRequests: 60,
  layerRequests: 600,
  nestedSizes: [10, 100, 1000],
  browserSizes: [1000, 5000],
  registryRows: 100_000,
  suites: [...ALL_SUITES],
  heap: '2g',
  pageCache: '1g',
};

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
};

const kebab = (k: string): string => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export class BenchConfigError extends Error {
  override name = 'BenchConfigError';
}

function coerce(key: Key, raw: string): BenchConfig[Key] {
  const def = DEFAULTS[key];
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
  ...KEYS.map((k) => `  --${kebab(k)} <value>`.padEnd(30) + `${ENV[k]}, default ${String(DEFAULTS[k])}`),
  '  --help, -h'.padEnd(30) + 'this text',
].join('\n');

export function parseBenchConfig(argv: readonly string[], env: NodeJS.ProcessEnv): BenchConfig {
  const cfg: BenchConfig = { ...DEFAULTS };
  const set = <K extends Key>(k: K, v: BenchConfig[K]): void => {
    cfg[k] = v;
  };
  for (const key of KEYS) {
    const v = env[ENV[key]];
    if (v !== undefined && v !== '') set(key, coerce(key, v));
  }
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: [...argv],
      options: { ...Object.fromEntries(KEYS.map((k) => [kebab(k), { type: 'string' as const }])), help: { type: 'boolean', short: 'h' } },
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
  }
  if (cfg.rounds < 5) throw new BenchConfigError(`--rounds must be at least 5 (a median needs at least 5), got ${cfg.rounds}.`);
  // The generator's export needs room for its mix (duplicates, held rows, departures, branches).
  if (cfg.registryRows < 100) throw new BenchConfigError(`--registry-rows must be at least 100, got ${cfg.registryRows}.`);
  return cfg;
}
