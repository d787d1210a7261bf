// The request log and the error log: one JSON line per request with the request id (the client's,
// or a new one, echoed in X-Request-Id), method, operation, status and duration; errors with their
// code and the request id; no header (the token) ever written.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, errorLogger, requestLogging, type ErrorRecord } from '../logger.ts';

const lines: Record<string, unknown>[] = [];
const logger = createLogger('debug', { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(requestLogging(logger));
  app.use(express.json());
  app.all('/graphql', (_req, res) => void res.json({ data: {} }));
  app.get('/boom', (_req, res) => void res.status(500).json({}));
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** The log line of the request whose response carried `id` (written when the response ends). */
async function lineOf(id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const l = lines.find((x) => x.reqId === id);
    if (l) return l;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no log line for ${id}: ${JSON.stringify(lines)}`);
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('request log', () => {
  it('keeps a client’s request id, echoes it, and writes one line with method, operation, status and duration', async () => {
    const res = await post({ query: 'query Profile { enterprise(id: "dalv") { id } }' }, { 'x-request-id': 'trace-1234', authorization: 'Bearer secret-token-123' });
    expect(res.headers.get('x-request-id')).toBe('trace-1234');
    const line = await lineOf('trace-1234');
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'POST', path: '/graphql', operation: 'Profile', status: 200 });
    expect(typeof line.durationMs).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-token-123');
  });

  it('makes an id when the client sent none or an unusable one; operationName wins over the document', async () => {
    const a = await post({ query: '{ anchors { id } }', operationName: 'Anchors' });
    const b = await post({ query: '{ anchors { id } }' }, { 'x-request-id': 'bad id "with" {json}' });
    const ids = [a.headers.get('x-request-id')!, b.headers.get('x-request-id')!];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect((await lineOf(ids[0]!)).operation).toBe('Anchors');
    expect((await lineOf(ids[1]!)).operation).toBeUndefined();
  });

  it('writes 5xx at level error, health checks at debug', async () => {
    const boom = await fetch(`${base}/boom`);
    expect(await lineOf(boom.headers.get('x-request-id')!)).toMatchObject({ level: 'error', status: 500, path: '/boom' });
    const health = await fetch(`${base}/healthz`);
    expect(await lineOf(health.headers.get('x-request-id')!)).toMatchObject({ level: 'debug', status: 200 });
  });
});

describe('error log', () => {
  it('writes an error with its code, request id, operation and stack', () => {
    const record: ErrorRecord = { err: new Error('Neo.ClientError.Statement.SyntaxError: MATCH (n'), code: 'INTERNAL', reqId: 'trace-9', operation: 'Profile' };
    errorLogger(logger)(record);
    const line = lines.at(-1)!;
    expect(line).toMatchObject({ level: 'error', code: 'INTERNAL', reqId: 'trace-9', operation: 'Profile', msg: 'INTERNAL in Profile' });
    expect((line.err as { stack?: string }).stack).toMatch(/SyntaxError[\s\S]*\n\s+at /);
  });
});
