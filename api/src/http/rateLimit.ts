import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors/index.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client address: `perMinute` requests a minute on average, bursts
 * up to a quarter of that (at least 20). Over it: 429 with Retry-After and a GraphQL-shaped error
 * RATE_LIMITED. `perMinute` 0 turns it off. In memory, per process: behind a load balancer each
 * instance limits on its own (set TRUST_PROXY so the client address is X-Forwarded-For's).
 */
export function rateLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  const capacity = Math.max(20, Math.floor(perMinute / 4));
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();
  return (req, res, next) => {
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const t = now();
    const b = buckets.get(key) ?? { tokens: capacity, at: t };
    b.tokens = Math.min(capacity, b.tokens + (t - b.at) * perMs);
    b.at = t;
    if (buckets.size > 50_000) buckets.clear(); // a flood of addresses must not grow memory without bound
    buckets.set(key, b);
    res.setHeader('RateLimit-Limit', String(perMinute));
    if (b.tokens < 1) {
      const retry = Math.ceil((1 - b.tokens) / perMs / 1000);
      res.setHeader('Retry-After', String(retry));
      res.setHeader('RateLimit-Remaining', '0');
      res.status(429).json({
        errors: [{ message: `Too many requests: the limit RATE_LIMIT_PER_MINUTE is ${perMinute} per client. Retry in ${retry} s.`, extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retry } }],
      });
      return;
    }
    b.tokens -= 1;
    res.setHeader('RateLimit-Remaining', String(Math.floor(b.tokens)));
    next();
  };
}
