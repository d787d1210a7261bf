import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiConfig, Role } from '../config.ts';
import type { Auth } from '../context/index.ts';

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
  let role: Role | null = null;
  for (const [token, r] of config.tokens) if (timingSafeEqual(digestOf(token), given)) role = r;
  if (role === null) return { error: 'Unknown token. Use a token listed in API_TOKENS, or send no Authorization header for open reads.' };
  return { role, actor: actorOf(role, m[1]!) };
}

/** A short, non-reversible fingerprint of a token, for the audit trail. */
export function actorOf(role: string, token: string): string {
  return `${role}:${createHash('sha256').update(token).digest('hex').slice(0, 8)}`;
}
