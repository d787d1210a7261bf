import type { Router } from 'express';
import express from 'express';
import { schemaApplied, type Db } from '@cangshan/neo4j';
import { healthOf } from '../context/index.ts';
import { within } from '../within.ts';

/**
 * `/healthz`: the process is up (200 {"status":"ok"}). `/readyz`: Neo4j answers `RETURN 1` and the
 * schema is applied — 200 {"status":"ready","neo4j":"up","schema":"applied"}, else 503 saying which
 * is missing, within `timeoutMs`. While shutting down, readyz is 503 so a load
 * balancer stops sending. While the database is known down (the circuit breaker of
 * context/databaseHealth.ts is open: the Neo4j we own exited, or a probe got no answer), readyz is
 * 503 at once, without waiting for a ping; a failed ping makes the breaker probe.
 */
export function healthRoutes(db: Db, isShuttingDown: () => boolean, timeoutMs = 2000): Router {
  const r = express.Router();
  r.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  r.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down', neo4j: 'unknown', schema: 'unknown' });
      return;
    }
    const health = healthOf(db);
    if (health.down) {
      res.status(503).json({ status: 'not-ready', neo4j: 'down', schema: 'unknown' });
      return;
    }
    // Under the breaker: a check in flight when the database goes down ends then, not at timeoutMs.
    const up = await within(health.guard(() => db.ping()), timeoutMs, false);
    if (!up && !health.down) void health.check();
    const applied = up ? await within(health.guard(() => schemaApplied(db)), timeoutMs, false) : false;
    const body = { status: up && applied ? 'ready' : 'not-ready', neo4j: up ? 'up' : 'down', schema: applied ? 'applied' : up ? 'missing' : 'unknown' };
    res.status(up && applied ? 200 : 503).json(body);
  });
  return r;
}
