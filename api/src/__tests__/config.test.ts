import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';

describe('readConfig', () => {
  it('defaults', () => {
    const c = readConfig({});
    expect({ q: c.queryTimeoutMs, keepAlive: c.keepAliveTimeoutMs, rate: c.rateLimitPerMinute, shutdown: c.shutdownTimeoutMs, cache: c.readCacheEntries, cacheMin: c.readCacheMinMs }).toEqual({
      q: 15_000,
      keepAlive: 5_000,
      rate: 1200,
      shutdown: 10_000,
      cache: 16,
      cacheMin: 50,
    });
  });

  it('reads the numbers it is given', () => {
    const c = readConfig({ KEEP_ALIVE_TIMEOUT_MS: '65000', QUERY_TIMEOUT_MS: '2000', RATE_LIMIT_PER_MINUTE: '0', READ_CACHE_ENTRIES: '0' });
    expect([c.keepAliveTimeoutMs, c.queryTimeoutMs, c.rateLimitPerMinute, c.readCacheEntries]).toEqual([65_000, 2_000, 0, 0]);
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => readConfig({ KEEP_ALIVE_TIMEOUT_MS: '5s' })).toThrow(/KEEP_ALIVE_TIMEOUT_MS must be an integer ≥ 0 \(got "5s"\)/);
    expect(() => readConfig({ READ_CACHE_ENTRIES: '-1' })).toThrow(/READ_CACHE_ENTRIES must be an integer ≥ 0/);
    expect(() => readConfig({ QUERY_TIMEOUT_MS: '50' })).toThrow(/QUERY_TIMEOUT_MS must be an integer ≥ 100/);
    expect(() => readConfig({ API_TOKENS: 'short:admin' })).toThrow(/at least 8 characters/);
    expect(() => readConfig({ API_TOKENS: 'long-enough-token:root' })).toThrow(/role one of reader, editor, admin/);
  });
});
