import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEO4J_VARS, REPO_ROOT } from '@cangshan/neo4j';
import { API_VARS, DEFAULT_CSP, parseCorsOrigins, parseTrustProxy, readConfig } from '../config.ts';

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
    expect({ trust: c.trustProxy, cors: c.corsOrigins, v6: c.rateLimitIpv6Subnet, intro: c.introspection, suggest: c.suggestions, warm: c.warmPlans, csp: c.contentSecurityPolicy, port: c.port }).toEqual({
      trust: false,
      cors: [],
      v6: 56,
      intro: true,
      suggest: true,
      warm: true,
      csp: DEFAULT_CSP,
      port: 4000,
    });
    expect(c.neo4j).toMatchObject({ uri: null, maxPool: 50, boltPort: 7688 });
  });

  it('reads the values it is given', () => {
    const c = readConfig({
      KEEP_ALIVE_TIMEOUT_MS: '65000',
      QUERY_TIMEOUT_MS: '2000',
      RATE_LIMIT_PER_MINUTE: '0',
      READ_CACHE_ENTRIES: '0',
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_SUGGESTIONS: '0',
      WARM_PLANS: 'false',
      CONTENT_SECURITY_POLICY: '',
      LOG_LEVEL: 'warn',
      NEO4J_URI: 'bolt://db:7687',
    });
    expect([c.keepAliveTimeoutMs, c.queryTimeoutMs, c.rateLimitPerMinute, c.readCacheEntries]).toEqual([65_000, 2_000, 0, 0]);
    expect([c.introspection, c.suggestions, c.warmPlans, c.contentSecurityPolicy, c.logLevel, c.neo4j.uri]).toEqual([false, false, false, '', 'warn', 'bolt://db:7687']);
  });

  it('refuses a bad value, naming the variable and what it allows', () => {
    expect(() => readConfig({ KEEP_ALIVE_TIMEOUT_MS: '5s' })).toThrow(/KEEP_ALIVE_TIMEOUT_MS must be an integer ≥ 0 \(got "5s"\)/);
    expect(() => readConfig({ READ_CACHE_ENTRIES: '-1' })).toThrow(/READ_CACHE_ENTRIES must be an integer ≥ 0/);
    expect(() => readConfig({ QUERY_TIMEOUT_MS: '50' })).toThrow(/QUERY_TIMEOUT_MS must be an integer ≥ 100/);
    expect(() => readConfig({ API_TOKENS: 'short:admin' })).toThrow(/API_TOKENS tokens must be at least 8 characters/);
    expect(() => readConfig({ API_TOKENS: 'long-enough-token:root' })).toThrow(/API_TOKENS entries must be "token:role" with role one of reader, editor, admin \(bad entry near "long…"\)/);
    expect(() => readConfig({ API_READ_TOKEN_REQUIRED: 'yes' })).toThrow(/API_READ_TOKEN_REQUIRED must be true or false \(or 1 \/ 0\) \(got "yes"\)/);
    expect(() => readConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)/);
    expect(() => readConfig({ BODY_LIMIT: 'big' })).toThrow(/BODY_LIMIT must be a size like 100kb or 50mb/);
    expect(() => readConfig({ RATE_LIMIT_IPV6_SUBNET: '128' })).toThrow(/RATE_LIMIT_IPV6_SUBNET must be an integer from 32 to 64/);
    expect(() => readConfig({ PORT: 'http' })).toThrow(/PORT must be an integer from 0 to 65535/);
  });

  it('lists every problem, the database’s variables included', () => {
    expect(() => readConfig({ GRAPHQL_MAX_DEPTH: '0', TRUST_PROXY: 'true', NEO4J_MAX_POOL: 'x' })).toThrow(
      /^GRAPHQL_MAX_DEPTH must be an integer ≥ 1 \(got "0"\)\.\nTRUST_PROXY must name whom to trust: .*\.\nNEO4J_MAX_POOL must be an integer ≥ 1 \(got "x"\)\.$/,
    );
  });
});

describe('TRUST_PROXY', () => {
  it('is off, a hop count, or the proxies’ addresses and subnets', () => {
    expect(['', 'false', '0'].map(parseTrustProxy)).toEqual([false, false, false]);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1, fd00::/8,loopback')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses "true" and says what to write instead', () => {
    for (const v of ['true', 'TRUE']) {
      expect(() => parseTrustProxy(v)).toThrow(/would believe every X-Forwarded-For entry.*TRUST_PROXY=1 for one load balancer.*TRUST_PROXY=10\.0\.0\.0\/8,127\.0\.0\.1/);
    }
  });

  it('refuses what Express could not use', () => {
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33" is none of these/);
    expect(() => parseTrustProxy('proxy.internal')).toThrow(/"proxy\.internal" is none of these/);
    expect(() => parseTrustProxy('99')).toThrow(/hop count from 1 to 32/);
    expect(() => parseTrustProxy(',')).toThrow(/is none of these/);
  });
});

describe('CORS_ORIGINS', () => {
  it('is a list of exact origins, or * alone', () => {
    expect(parseCorsOrigins('https://notebooks.example.org, http://localhost:8888/')).toEqual(['https://notebooks.example.org', 'http://localhost:8888']);
    expect(parseCorsOrigins('*')).toEqual(['*']);
    expect(() => parseCorsOrigins('https://a.example.org/path')).toThrow(/"https:\/\/a\.example\.org\/path" is not one/);
    expect(() => parseCorsOrigins('notebooks.example.org')).toThrow(/is not one/);
    expect(() => parseCorsOrigins('*,https://a.example.org')).toThrow(/\* alone/);
  });
});

describe('the configuration’s documentation', () => {
  const known = Object.keys({ ...API_VARS, ...NEO4J_VARS }).sort();
  const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), 'utf8');

  it('.env.example lists every variable the schemas know, and no other', () => {
    const listed = [...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    expect(new Set(listed).size, 'a variable is listed twice').toBe(listed.length);
    expect([...listed].sort()).toEqual(known);
  });

  it('README.md’s configuration table has a row for every variable the schemas know', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const named = new Set(
      section
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .flatMap((l) => [...(l.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!)),
    );
    expect(known.filter((v) => !named.has(v))).toEqual([]);
  });
});
