/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) and the organisation code inside
 * it (组织机构代码, GB 11714-1997), checked as the standards define them, and the 15-digit
 * registration number (注册号) firms had before 2015.
 */

/** The 31 characters of a credit code: digits and capitals without I, O, S, V, Z. Index = value. */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type IdentifierKind = 'creditCode' | 'registrationNumber';

export type CreditCodeResult =
  | { ok: true; code: string; kind: IdentifierKind; reason: string | null }
  | { ok: false; code: string; kind: null; reason: string };

/** What a person who typed a forbidden character most likely meant. */
const LOOKALIKE: Record<string, string> = { I: '1', O: '0', S: '5', V: 'U', Z: '2' };

/** The check character of a credit code's first 17 characters (all in CREDIT_CODE_CHARS). */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i] as string) * (CREDIT_WEIGHTS[i] as number);
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARS[c === 31 ? 0 : c] as string;
}

/** GB 11714's value of a code character: digits 0–9, letters A–Z 10–35. */
const orgValue = (ch: string): number => (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55);

/** The check character of an organisation code's first 8 characters: 0–9 or X. */
export function orgCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(first8[i] as string) * (ORG_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A valid credit code from its first 8 characters (registration department, category, the
 * 6-digit area code) and the 8-character body of the organisation code: both checks computed.
 */
export function makeCreditCode(head8: string, orgBody8: string): string {
  const first17 = head8 + orgBody8 + orgCheckChar(orgBody8);
  return first17 + creditCheckChar(first17);
}

/** Upper-cased, spaces and the separators people type (`-`) removed, full-width folded. */
export function cleanCode(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u3000-]+/g, '').toUpperCase();
}

/**
 * Checks an identifier from a registry export. An 18-character credit code must use only the
 * 31 characters, carry digits at positions 3–8 (the area code), a valid organisation-code check
 * at position 17 and a valid check at position 18. A 15-digit string is accepted as an old
 * registration number (no check applied). Lower case and spaces are tolerated.
 */
export function validateCreditCode(raw: string): CreditCodeResult {
  const code = cleanCode(raw);
  const fail = (reason: string): CreditCodeResult => ({ ok: false, code, kind: null, reason });
  if (code === '') return fail('is empty');
  if (/^\d(\.\d+)?E\+\d+$/.test(code)) {
    return fail(`"${raw.trim()}" is a number in scientific notation: Excel turned the code into a number and its last digits are lost (format the column as text before exporting)`);
  }
  if (/^\d{15}$/.test(code)) {
    return { ok: true, code, kind: 'registrationNumber', reason: 'a 15-digit registration number (注册号) from before 2015: no check character to verify' };
  }
  if (code.length !== 18) return fail(`has ${code.length} characters: a unified social credit code has 18 (a registration number 15 digits)`);
  for (let i = 0; i < 18; i++) {
    const ch = code[i] as string;
    if (!CREDIT_CODE_CHARS.includes(ch)) {
      const hint = LOOKALIKE[ch] ? ` (did you mean ${LOOKALIKE[ch]}?)` : '';
      return fail(`character ${i + 1} "${ch}" is not allowed: a credit code uses 0-9 and A-Z without I, O, S, V, Z${hint}`);
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail(`positions 3–8 "${code.slice(2, 8)}" must be digits (the area code of the registering authority)`);
  const org = code.slice(8, 17);
  const orgCheck = orgCheckChar(org.slice(0, 8));
  if (org[8] !== orgCheck) {
    return fail(`organisation code ${org} (positions 9–17): check character expected ${orgCheck} got ${org[8]}`);
  }
  const check = creditCheckChar(code.slice(0, 17));
  if (code[17] !== check) return fail(`check character (position 18) expected ${check} got ${code[17]}`);
  return { ok: true, code, kind: 'creditCode', reason: null };
}
