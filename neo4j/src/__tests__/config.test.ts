import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadDotEnv, readNeo4jConfig } from '../config.ts';

describe('readNeo4jConfig', () => {
  it('defaults: the embedded server in .data/neo4j on 7688', () => {
    expect(readNeo4jConfig({})).toEqual({
      uri: null,
      user: undefined,
      password: undefined,
      database: undefined,
      maxPool: 50,
      waitMs: 60_000,
      dataDir: '.data/neo4j',
      boltPort: 7688,
      heap: '1g',
      pageCache: '512m',
    });
  });

  it('reads what it is given; a caller’s defaults yield to the environment; "" is unset', () => {
    const c = readNeo4jConfig(
      { NEO4J_URI: 'neo4j+s://db.example.org', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: '', NEO4J_MAX_POOL: '8', NEO4J_HEAP: '2G', NEO4J_BOLT_PORT: '7999' },
      { boltPort: 7702, heap: '1g', pageCache: '256m' },
    );
    expect(c).toMatchObject({ uri: 'neo4j+s://db.example.org', user: 'neo4j', password: 'pw', database: undefined, maxPool: 8, heap: '2G', boltPort: 7999, pageCache: '256m' });
  });

  it('refuses every bad value at once, naming each variable and what it allows', () => {
    let err: unknown;
    try {
      readNeo4jConfig({ NEO4J_URI: 'http://localhost:7474', NEO4J_MAX_POOL: 'ten', NEO4J_BOLT_PORT: '70000', NEO4J_HEAP: 'lots', NEO4J_WAIT_MS: '-1' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message.split('\n')).toEqual([
      'NEO4J_URI must be a Neo4j URI: bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc:// and a host (got "http://localhost:7474").',
      'NEO4J_MAX_POOL must be an integer ≥ 1 (got "ten").',
      'NEO4J_WAIT_MS must be an integer ≥ 0 (got "-1").',
      'NEO4J_BOLT_PORT must be an integer from 1 to 65535 (got "70000").',
      'NEO4J_HEAP must be a memory size like 512m or 2g (got "lots").',
    ]);
  });

  it('never quotes a password back', () => {
    expect(() => readNeo4jConfig({ NEO4J_PASSWORD: 'hunter2', NEO4J_MAX_POOL: '0' })).toThrow(/^NEO4J_MAX_POOL must be an integer ≥ 1 \(got "0"\)\.$/);
  });
});

describe('loadDotEnv', () => {
  const dirs: string[] = [];
  const names = ['CANGSHAN_DOTENV_A', 'CANGSHAN_DOTENV_B', 'CANGSHAN_DOTENV_C'];
  afterEach(() => {
    for (const n of names) delete process.env[n];
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dirWith = (text: string | null): string => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'cangshan-dotenv-'));
    dirs.push(d);
    if (text !== null) writeFileSync(path.join(d, '.env'), text);
    return d;
  };

  it('fills what the environment leaves unset; the environment wins, even with an empty value', () => {
    process.env.CANGSHAN_DOTENV_A = 'from-env';
    process.env.CANGSHAN_DOTENV_C = '';
    const dir = dirWith('# comment\nCANGSHAN_DOTENV_A=from-file\nCANGSHAN_DOTENV_B="from file"\nCANGSHAN_DOTENV_C=from-file\n');
    expect(loadDotEnv(dir)).toBe(true);
    expect([process.env.CANGSHAN_DOTENV_A, process.env.CANGSHAN_DOTENV_B, process.env.CANGSHAN_DOTENV_C]).toEqual(['from-env', 'from file', '']);
  });

  it('does nothing without a .env file', () => {
    expect(loadDotEnv(dirWith(null))).toBe(false);
    expect(process.env.CANGSHAN_DOTENV_B).toBeUndefined();
  });
});
