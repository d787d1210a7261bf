// Graceful stop: close() lets a request that is already in flight finish, refuses new
// connections, and resolves once the last response is out.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../index.ts';
import { startHarness, TEST_ENV, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { load: false });
});
afterAll(() => h.close());

describe('close()', () => {
  it('finishes an in-flight request, then stops accepting', async () => {
    const s = await startServer({ db: h.db, port: 0, env: TEST_ENV, log: () => {} });
    const body = JSON.stringify({ query: '{ __typename }' });
    const sock = net.connect(s.port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', () => r()));
    let response = '';
    sock.on('data', (d) => (response += d.toString()));
    const ended = new Promise<void>((r) => sock.once('close', () => r()));
    // Half a request: headers and the first half of the body.
    sock.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
    await new Promise((r) => setTimeout(r, 100));
    let closed = false;
    const closing = s.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(false); // still waiting for the in-flight request
    await expect(fetch(`${s.url}healthz`)).rejects.toThrow(); // no new connections
    sock.write(body.slice(5));
    await closing;
    await ended;
    expect(response).toMatch(/^HTTP\/1.1 200/);
    expect(response).toContain('"__typename":"Query"');
  });
});
