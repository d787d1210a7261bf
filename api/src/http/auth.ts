import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiConfig } from '../config.ts';
import type { Auth } from '../context/index.ts';
import type { TokenEntry } from './tokens.ts';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Digests of the configured tokens, computed once per token rather than per request. */
const tokenDigests = new Map<string, Buffer>();
function digestOf(token: string): Buffer {
  let d = tokenDigests.get(token);
  if (!d) tokenDigests.set(token, (d = digest(token)));
  return d;
}

/**
 * Who is calling, from `Authorization: Bearer <token>` (tokens from API_TOKENS). Returns
 * `{ error }` for a malformed header or an unknown token: a client that sends a token expects it
 * to count, so a wrong one is refused (401) rather than silently treated as anonymous.
 * Tokens are compared as SHA-256 digests in constant time.
 */
export function authenticate(header: string | undefined, config: ApiConfig): Auth | { error: string } {
  if (header === undefined || header === '') return { role: null, actor: 'anonymous' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return { error: 'The Authorization header must be "Bearer <token>".' };
  const given = digest(m[1]!);
  let entry: TokenEntry | null = null;
  for (const [token, e] of config.tokens) if (timingSafeEqual(digestOf(token), given)) entry = e;
  if (entry === null) return { error: 'Unknown token. Use a token listed in API_TOKENS, or send no Authorization header for open reads.' };
  return { role: entry.role, actor: actorOf(entry, m[1]!) };
}

/**
 * Keys the audit ids of unnamed tokens. Random per process, so an id cannot be recomputed from a
 * guessed token outside this server (an unsalted hash prefix could be, by trying likely tokens).
 */
const ACTOR_SALT = randomBytes(32);

/**
 * Who a token is in the audit trail: the name given with it in API_TOKENS (`token:role:name`);
 * else its role and a short salted id (`editor:3f9a1c0b`), the same for one token while this
 * server runs, and neither the token nor any prefix of its plain hash. Names hold no `:`, so an
 * actor with one is always such an id.
 */
export function actorOf(entry: TokenEntry, token: string): string {
  return entry.name ?? `${entry.role}:${createHmac('sha256', ACTOR_SALT).update(token).digest('hex').slice(0, 8)}`;
}
