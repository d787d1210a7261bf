import type { RequestHandler } from 'express';

/**
 * CORS for /graphql, off unless CORS_ORIGINS lists origins: then a page on one of them (a
 * notebook, another app) may call the API from the browser — simple requests and preflights, with
 * Content-Type, Authorization, X-Request-Id and X-Neo4j-Bookmark, and it may read the rate-limit,
 * request-id and bookmark headers. `*` allows any origin; no cookies are involved either way
 * (tokens travel in Authorization, which a page must add itself). Other origins get no CORS
 * headers, so the browser keeps the answer from them.
 */
export function cors(origins: readonly string[]): RequestHandler {
  if (origins.length === 0) return (_req, _res, next) => next();
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!anyOrigin) res.vary('Origin');
    if (!origin || !(anyOrigin || allowed.has(origin))) return next();
    res.setHeader('Access-Control-Allow-Origin', anyOrigin ? '*' : origin);
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, RateLimit, RateLimit-Policy, X-Request-Id, X-Neo4j-Bookmark');
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-Request-Id, X-Neo4j-Bookmark');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
