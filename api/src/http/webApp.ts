import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

const MISSING_WEB = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Cangshan explorer</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>The web app is not built</h1>
<p>Run <code>npm run build -w @cangshan/web</code> (or <code>npm start</code>, which builds it), then reload.</p>
<p>The GraphQL API is up at <a href="/graphql">/graphql</a>.</p></body></html>`;

const MISSING_GRAPHIQL = `<!doctype html><html lang="en"><meta charset="utf-8"><title>GraphiQL</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>GraphiQL is not built</h1>
<p>Run <code>npm run build -w @cangshan/web</code>, then reload. Meanwhile POST queries to this URL,
e.g. <code>curl -H 'content-type: application/json' -d '{"query":"{ anchors { id name } }"}' http://localhost:4000/graphql</code>.</p></body></html>`;

/** Whether a GET to /graphql comes from a browser that wants the IDE rather than a GraphQL response. */
export function wantsGraphiQL(req: express.Request): boolean {
  if (req.method !== 'GET' || req.query.query !== undefined) return false;
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html');
}

/** GraphiQL, bundled by the web build as `web/dist/graphiql.html` (no CDN), or a page saying how to build it. */
export function graphiqlPage(webDist: string): express.RequestHandler {
  return (_req, res) => {
    const file = path.join(webDist, 'graphiql.html');
    res.setHeader('Cache-Control', 'no-cache');
    if (existsSync(file)) res.sendFile(file);
    else res.status(200).type('html').send(MISSING_GRAPHIQL);
  };
}

/** The web app from `web/dist` (hashed assets cached for a year), with index.html for client-side routes. */
export function webAppRoutes(webDist: string): Router {
  const r = express.Router();
  r.use(
    express.static(webDist, {
      index: 'index.html',
      setHeaders: (res, file) => {
        res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  r.get(/.*/, (req, res, next) => {
    if (!(req.headers.accept ?? '').includes('text/html')) return next();
    const index = path.join(webDist, 'index.html');
    res.setHeader('Cache-Control', 'no-cache');
    if (existsSync(index)) res.sendFile(index);
    else res.status(200).type('html').send(MISSING_WEB);
  });
  return r;
}
