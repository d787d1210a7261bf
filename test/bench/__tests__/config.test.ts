import { describe, expect, it } from 'vitest';
import { defaultDistricts } from '@cangshan/seed';
import { BULK_THRESHOLD, BenchConfigError, isLarge, LARGE_DEFAULTS, parseBenchConfig } from '../config.ts';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseBenchConfig(argv, env);

describe('bench configuration', () => {
  it('keeps the online path and five rounds for the default 100k district', () => {
    const c = parse([]);
    expect(c.enterprises).toBe(100_000);
    expect(c.bulk).toBe(false);
    expect(c.rounds).toBe(5);
    expect(c.apiMinCalls).toBe(5);
    expect(c.apiWaveMaxMs).toBe(0);
    expect(c.apiSlowMs).toBe(0);
    expect(c.heap).toBe('2g');
  });

  it('bulk-loads above the threshold and takes the large defaults there', () => {
    expect(isLarge(BULK_THRESHOLD)).toBe(false);
    expect(isLarge(BULK_THRESHOLD + 1)).toBe(true);
    const c = parse(['--enterprises', '1000000', '--suites', 'import,dbhits,nested,api']);
    expect(c.bulk).toBe(true);
    expect(c).toMatchObject(LARGE_DEFAULTS);
    expect(c.rounds).toBe(3);
    expect(c.warmup).toBe(1);
    expect(c.apiSlowMs).toBe(20_000);
    expect(c.heap).toBe('5g');
    expect(c.pageCache).toBe('3g');
    expect(c.suites).toEqual(['import', 'dbhits', 'nested', 'api']);
  });

  it('lets a flag or a variable win over a large default, the flag over the variable', () => {
    const c = parse(['--enterprises', '1_000_000', '--rounds', '5', '--api-wave-max-ms', '0'], { BENCH_NEO4J_HEAP: '8g', BENCH_ROUNDS: '4' });
    expect(c.rounds).toBe(5);
    expect(c.apiWaveMaxMs).toBe(0);
    expect(c.heap).toBe('8g');
    expect(c.warmup).toBe(1);
    expect(parse([], { BENCH_ENTERPRISES: '300000', BENCH_ROUNDS: '4' }).rounds).toBe(4);
  });

  it('takes --bulk as a switch, BENCH_BULK as true / false, and refuses the online path at a million', () => {
    expect(parse(['--bulk', '--enterprises', '20000']).bulk).toBe(true);
    expect(parse(['--enterprises', '20000']).rounds).toBe(5);
    expect(parse([], { BENCH_BULK: 'true' }).bulk).toBe(true);
    expect(parse([], { BENCH_BULK: '0' }).bulk).toBe(false);
    expect(() => parse([], { BENCH_BULK: 'maybe' })).toThrow(BenchConfigError);
    expect(() => parse(['--enterprises', '1000000'], { BENCH_BULK: 'false' })).toThrow(/only the bulk path/);
    expect(() => parse(['--bulk', '--enterprises', '0'])).toThrow(/at least 20/);
  });

  it('asks for five rounds below the threshold and three above it', () => {
    expect(() => parse(['--rounds', '3'])).toThrow(/at least 5/);
    expect(() => parse(['--enterprises', '1000000', '--rounds', '2'])).toThrow(/at least 3/);
    expect(() => parse(['--api-min-calls', '0'])).toThrow(/at least 1/);
    expect(() => parse(['--online-sample', '5'])).toThrow(/at least 20/);
  });

  it('opens an existing store with --store, without the import suite', () => {
    expect(parse(['--store', '/data/province', '--suites', 'recruit,browser']).store).toBe('/data/province');
    expect(parse(['--suites', 'api'], { BENCH_STORE: '/data/p' } as NodeJS.ProcessEnv).store).toBe('/data/p');
    expect(parse([]).store).toBe('');
    expect(() => parse(['--store', '/data/province'])).toThrow(/leave the import suite out/);
  });

  it('splits a province into one district per 100,000 firms, at least one', () => {
    expect(defaultDistricts(1_000_000)).toBe(10);
    expect(defaultDistricts(250_000)).toBe(3);
    expect(defaultDistricts(3_000)).toBe(1);
  });
});
