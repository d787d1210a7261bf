import type { Router } from 'express';
import express from 'express';
import { schemaApplied, type Db } from '@cangshan/neo4j';
import { within } from '../within.ts';

/**
 * `/healthz`: the process is up (200 {"status":"ok"}). `/readyz`: Neo4j answers `RETURN 1` and the
 * schema is applied — 200 {"status":"ready","neo4j":"up","schema":"applied"}, else 503 saying which
 * is missing, within `timeoutMs`. While shutting down, readyz is 503 so a load
 * balancer stops sending.
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
    const up = await within(db.ping(), timeoutMs, false);
    const applied = up ? await within(schemaApplied(db), timeoutMs, false) : false;
    const body = { status: up && applied ? 'ready' : 'not-ready', neo4j: up ? 'up' : 'down', schema: applied ? 'applied' : up ? 'missing' : 'unknown' };
    res.status(up && applied ? 200 : 503).json(body);
  });
  return r;
}
