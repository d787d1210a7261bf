// The rate limiter on its own: an address flood does not reset a client's count (each key keeps its
// own window), and 0 turns it off. Through HTTP against the real server: test/reliability/httpProtections.test.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { MemoryStore } from 'express-rate-limit';
import { afterAll, describe, expect, it } from 'vitest';
import { rateLimit } from '../rateLimit.ts';

const servers: http.Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))));

/** A server with `limiter` in front of an empty answer, behind one trusted proxy (the test sends X-Forwarded-For as that proxy). */
async function serve(limiters: RequestHandler[]): Promise<(client: string) => Promise<number>> {
  const app = express();
  app.set('trust proxy', 1);
  app.use(...limiters, (_req, res) => void res.json({}));
  const s = http.createServer(app);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
  return async (client) => (await fetch(url, { headers: { 'x-forwarded-for': client } })).status;
}

describe('rateLimit', () => {
  it('keeps a client’s count while 50,000 other addresses arrive', async () => {
    const store = new MemoryStore();
    const send = await serve(rateLimit({ perMinute: 10, ipv6Subnet: 56, stores: { minute: store } }));
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push(await send('203.0.113.7'));
    // The flood goes into the limiter's own store, as 50,000 first requests from new addresses
    // would (sending them over HTTP takes too long for a unit test).
    for (let i = 0; i < 50_001; i++) await store.increment(`198.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    statuses.push(await send('203.0.113.7'), await send('203.0.113.7'));
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429]);
    expect((await store.get('203.0.113.7'))?.totalHits).toBe(11);
  });

  it('allows bursts of a quarter of the minute’s requests (at least 20)', async () => {
    const send = await serve(rateLimit({ perMinute: 120, ipv6Subnet: 56 }));
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push(await send('203.0.113.9'));
    expect([statuses.filter((s) => s === 200).length, statuses.at(-1)]).toEqual([30, 429]);
  });

  it('RATE_LIMIT_PER_MINUTE=0 lets everything through', async () => {
    const send = await serve(rateLimit({ perMinute: 0, ipv6Subnet: 56 }));
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) statuses.add(await send('203.0.113.8'));
    expect([...statuses]).toEqual([200]);
  });
});
