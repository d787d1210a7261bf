import type { Role } from '../config.ts';

/** What API_TOKENS says of one token: its role and, optionally, whose it is (the audit trail's actor). */
export interface TokenEntry {
  role: Role;
  /** The name given with the token (`token:role:name`), or null. */
  name: string | null;
}

const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];
const isRole = (s: string | undefined): s is Role => (ROLES as readonly string[]).includes(s ?? '');

/**
 * API_TOKENS: comma-separated `token:role` or `token:role:name` entries. A token may itself hold
 * `:` (the role is found from the end); a name may not hold `:` or `,`, so an actor with a `:` is
 * always an unnamed token's `role:id` (auth.ts). Throws naming the entry by its first characters
 * only, so a start-up log never shows a whole token (config.ts puts the variable's name in front).
 */
export function parseTokens(raw: string | undefined): Map<string, TokenEntry> {
  const out = new Map<string, TokenEntry>();
  for (const part of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const bits = part.split(':');
    const near = `(bad entry near "${part.slice(0, 4)}…")`;
    let cut: number;
    if (bits.length >= 2 && isRole(bits.at(-1))) cut = bits.length - 1;
    else if (bits.length >= 3 && isRole(bits.at(-2))) cut = bits.length - 2;
    else throw new Error(`entries must be "token:role" with role one of ${ROLES.join(', ')} ${near}; a name may follow the role: "token:role:name"`);
    const token = bits.slice(0, cut).join(':');
    const role = bits[cut] as Role;
    const name = cut === bits.length - 2 ? (bits.at(-1) ?? '').trim() : null;
    if (!token) throw new Error(`entries must be "token:role" with a token before the role ${near}`);
    if (token.length < 8) throw new Error('tokens must be at least 8 characters long');
    if (name !== null && (name === '' || name.length > 64)) throw new Error(`a name after the role must be 1 to 64 characters ${near}`);
    out.set(token, { role, name });
  }
  return out;
}
