// ReadCache rules with a scripted database version (pure): what is stored, what is served, what is
// dropped. The real-Neo4j behaviour (a write from anywhere ends every entry) is in
// api/src/__tests__/readCache.test.ts.
import { describe, expect, it } from 'vitest';
import { ReadCache } from '../readCache.ts';
import type { Reader } from '../reader.ts';

function fixture(opts: { maxEntries?: number; minCostMs?: number; refreshMs?: number } = {}) {
  let version = 'v1';
  let reads = 0;
  /** Runs during a read, before it answers (e.g. a write committing meanwhile). */
  let during: (() => void) | null = null;
  const read: Reader = async (cypher, params = {}) => {
    reads += 1;
    during?.();
    return [{ cypher, params, n: reads }];
  };
  const cache = new ReadCache(async () => version, { maxEntries: opts.maxEntries ?? 4, minCostMs: opts.minCostMs ?? 0, versionTimeoutMs: 1000, refreshMs: opts.refreshMs ?? 0 });
  return {
    cached: cache.reader(read),
    cache,
    reads: () => reads,
    setVersion: (v: string) => (version = v),
    setDuring: (f: (() => void) | null) => (during = f),
  };
}

describe('ReadCache', () => {
  it('serves a repeated read from memory while the version is unchanged, and reads again after it changes', async () => {
    const f = fixture();
    const a = await f.cached('MATCH (n) RETURN n', { x: 1 });
    expect(await f.cached('MATCH (n) RETURN n', { x: 1 })).toBe(a);
    expect(f.reads()).toBe(1);
    f.setVersion('v2');
    const b = await f.cached('MATCH (n) RETURN n', { x: 1 });
    expect(b).not.toBe(a);
    expect(f.reads()).toBe(2);
    expect(f.cache.size).toBe(1);
  });

  it('keys on the parameters too (bigint included)', async () => {
    const f = fixture();
    await f.cached('Q', { n: 1n });
    await f.cached('Q', { n: 2n });
    await f.cached('Q', { n: 1n });
    expect(f.reads()).toBe(2);
  });

  it('does not keep a read that overlapped a write', async () => {
    const f = fixture();
    f.setDuring(() => f.setVersion('v2'));
    await f.cached('Q');
    f.setDuring(null);
    await f.cached('Q');
    expect(f.reads()).toBe(2);
  });

  it('does not keep fast reads', async () => {
    const f = fixture({ minCostMs: 10_000 });
    await f.cached('Q');
    await f.cached('Q');
    expect(f.reads()).toBe(2);
    expect(f.cache.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const f = fixture({ maxEntries: 2 });
    await f.cached('A');
    await f.cached('B');
    await f.cached('A'); // A is now the most recent
    await f.cached('C'); // drops B
    expect(f.reads()).toBe(3);
    await f.cached('A');
    expect(f.reads()).toBe(3);
    await f.cached('B');
    expect(f.reads()).toBe(4);
  });

  it('freezes what it shares, so that no request can change another one\'s answer', async () => {
    const f = fixture();
    const rows = await f.cached('Q', { a: 1 });
    expect(() => {
      (rows[0] as Record<string, unknown>).n = 99;
    }).toThrow(TypeError);
  });

  it('reads straight through when off, or when the version cannot be read', async () => {
    const off = fixture({ maxEntries: 0 });
    await off.cached('Q');
    await off.cached('Q');
    expect(off.reads()).toBe(2);
    let reads = 0;
    const broken = new ReadCache(() => Promise.reject(new Error('down')), { maxEntries: 4, minCostMs: 0, versionTimeoutMs: 1000 }).reader(async () => [{ n: ++reads }]);
    await broken('Q');
    await broken('Q');
    expect(reads).toBe(2);
  });

  it('reads once for identical requests at the same version, and separately after a write', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const f = fixture();
    let reads = 0;
    const slow = f.cache.reader(async () => {
      reads += 1;
      await gate;
      return [{ n: reads }];
    });
    const together = [slow('Q'), slow('Q'), slow('Q')];
    await new Promise((r) => setTimeout(r, 10));
    f.setVersion('v2');
    const later = slow('Q'); // a write committed meanwhile: it must not join the older read
    release();
    const [a, b, c] = await Promise.all(together);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await later).not.toBe(a);
    expect(reads).toBe(2);
    expect(() => {
      (a![0] as Record<string, unknown>).n = 99;
    }).toThrow(TypeError);
  });

  it('reads an answer in demand again in the background once a write has settled, and only then', async () => {
    const f = fixture({ refreshMs: 20 });
    await f.cached('HOT');
    await f.cached('HOT'); // asked again: in demand
    await f.cached('COLD'); // asked once: not refreshed
    expect(f.reads()).toBe(2);
    f.setVersion('v2');
    // First look: the version changed. Next look: it held still, so HOT is read again.
    for (let i = 0; i < 50 && f.reads() < 3; i++) await new Promise((r) => setTimeout(r, 10));
    await f.cache.refreshing;
    expect(f.reads()).toBe(3);
    const rows = await f.cached('HOT'); // served from the refreshed entry, at v2
    expect(f.reads()).toBe(3);
    expect(rows[0]).toMatchObject({ cypher: 'HOT' });
    await new Promise((r) => setTimeout(r, 100)); // more looks at an unchanged version read nothing
    expect(f.reads()).toBe(3);
    await f.cached('COLD');
    expect(f.reads()).toBe(4);
    f.cache.close();
  });

  it('does not refresh while the version keeps changing, nor after close()', async () => {
    const f = fixture({ refreshMs: 20 });
    await f.cached('HOT');
    await f.cached('HOT');
    let n = 2;
    const writer = setInterval(() => f.setVersion(`v${n++}`), 5); // a write between every two looks
    await new Promise((r) => setTimeout(r, 150));
    clearInterval(writer);
    expect(f.reads()).toBe(1);
    f.cache.close();
    f.setVersion('v-final');
    await new Promise((r) => setTimeout(r, 100));
    expect(f.reads()).toBe(1);
  });
});
