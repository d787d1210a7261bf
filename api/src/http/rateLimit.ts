import type { RequestHandler } from 'express';
import { rateLimit as expressRateLimit, type Store } from 'express-rate-limit';
import { ErrorCode } from '../errors/index.ts';
import { sendRequestError } from './graphqlHandler.ts';

export interface RateLimitOptions {
  /** Requests a client may send in a minute; 0 turns the limit off. */
  perMinute: number;
  /** IPv6 clients are counted per prefix of this length: one subscriber holds a whole /56 or /64. */
  ipv6Subnet: number;
  /** Where the counts live (default: the library's memory store, one per window). */
  stores?: { burst?: Store; minute?: Store };
  /** Where the library reports a misconfiguration it notices (once each). */
  logger?: { warn(...args: unknown[]): void; error(...args: unknown[]): void };
}

/** The burst window: at most a quarter of the minute's requests (at least 20) in any 15 s window. */
const BURST_MS = 15_000;

/**
 * express-rate-limit, two fixed windows per client: `perMinute` requests a minute, and at most a
 * quarter of that (at least 20) in 15 s, so a client cannot spend the minute's allowance in one
 * burst at a window's edge. Counts are kept per key in the library's memory store; each key has
 * its own window, so a flood of new addresses costs memory for one window (expired keys are
 * dropped a window later) and never resets anyone else's count. The key is `req.ip` — the
 * socket's address, or what TRUST_PROXY lets be read from X-Forwarded-For — with IPv6 addresses cut
 * to their /`ipv6Subnet` prefix (the library's ipKeyGenerator). Over a limit: 429 with Retry-After
 * and a GraphQL-shaped RATE_LIMITED error; every answer carries the RateLimit and RateLimit-Policy
 * headers of both windows. Counts are per process: behind a load balancer each replica limits on
 * its own.
 */
export function rateLimit(opts: RateLimitOptions): RequestHandler[] {
  const { perMinute } = opts;
  if (perMinute <= 0) return [];
  const window = (windowMs: number, limit: number, store: Store | undefined, name: string, rule: string): RequestHandler =>
    expressRateLimit({
      windowMs,
      limit,
      ipv6Subnet: opts.ipv6Subnet,
      // The IETF draft that names each policy, so both windows show side by side; Retry-After on a refusal.
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: name,
      requestPropertyName: name,
      ...(store ? { store } : {}),
      ...(opts.logger ? { logger: opts.logger } : {}),
      handler: (_req, res) => {
        const retry = Math.max(1, Number(res.getHeader('Retry-After')) || Math.ceil(windowMs / 1000));
        sendRequestError(res, 429, ErrorCode.RATE_LIMITED, `Too many requests: the limit RATE_LIMIT_PER_MINUTE is ${perMinute} a minute per client${rule}. Retry in ${retry} s.`, {
          retryAfterSeconds: retry,
        });
      },
    });
  const burst = Math.max(20, Math.ceil(perMinute / 4));
  return [window(BURST_MS, burst, opts.stores?.burst, 'burst', `, at most ${burst} of them in ${BURST_MS / 1000} s`), window(60_000, perMinute, opts.stores?.minute, 'minute', '')];
}
