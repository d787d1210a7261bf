import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_CHARS, makeCreditCode, validateCreditCode } from '../creditCode.ts';

// An independent, literal reading of GB 32100-2015 and GB 11714-1997, to check the module against.
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function expectedChecks(code: string): { org: string; final: string } {
  const ow = [3, 7, 9, 10, 5, 8, 4, 2];
  let os = 0;
  for (let i = 0; i < 8; i++) {
    const ch = code[8 + i] as string;
    os += (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 'A'.charCodeAt(0) + 10) * (ow[i] as number);
  }
  const oc = 11 - (os % 11);
  const org = oc === 10 ? 'X' : oc === 11 ? '0' : String(oc);
  return { org, final: finalCheck(code.slice(0, 16) + org) };
}
function finalCheck(first17: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let s = 0;
  for (let i = 0; i < 17; i++) s += CHARS.indexOf(first17[i] as string) * (w[i] as number);
  const c = 31 - (s % 31);
  return CHARS[c === 31 ? 0 : c] as string;
}

const allowed = fc.constantFrom(...CREDIT_CODE_CHARS.split(''));
const body = fc.array(allowed, { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
const head = fc.tuple(fc.constantFrom('1', '5', '9', 'Y'), fc.constantFrom('1', '2', '3', '9'), fc.integer({ min: 110000, max: 659999 })).map(([a, b, n]) => `${a}${b}${n}`);

describe('validateCreditCode', () => {
  it('accepts the well-known example 91350100M000100Y43 because both its check characters compute', () => {
    const code = '91350100M000100Y43';
    expect(expectedChecks(code)).toEqual({ org: '4', final: '3' });
    expect(validateCreditCode(code)).toEqual({ ok: true, code, kind: 'creditCode', reason: null });
  });

  it('accepts every code makeCreditCode builds, and the checks agree with a literal reading of the standards', () => {
    fc.assert(
      fc.property(head, body, (h, b) => {
        const code = makeCreditCode(h, b);
        const e = expectedChecks(code);
        expect(code[16]).toBe(e.org);
        expect(code[17]).toBe(e.final);
        expect(validateCreditCode(code).ok).toBe(true);
      }),
    );
  });

  it('refuses any single character changed in a valid code', () => {
    fc.assert(
      fc.property(head, body, fc.integer({ min: 0, max: 17 }), allowed, (h, b, at, ch) => {
        const code = makeCreditCode(h, b);
        fc.pre(code[at] !== ch && !(at >= 2 && at < 8 && !/\d/.test(ch)));
        const spoilt = code.slice(0, at) + ch + code.slice(at + 1);
        expect(validateCreditCode(spoilt).ok).toBe(false);
      }),
    );
  });

  it('tolerates lower case and spaces, and returns the code upper-cased', () => {
    const code = makeCreditCode('91350104', 'MA2XY7K1');
    const r = validateCreditCode(` ${code.slice(0, 6).toLowerCase()} ${code.slice(6).toLowerCase()}\u3000`);
    expect(r).toEqual({ ok: true, code, kind: 'creditCode', reason: null });
  });

  it('says precisely what is wrong', () => {
    const code = makeCreditCode('91350104', 'MA2XY7K1');
    const reason = (c: string): string | null => validateCreditCode(c).reason;
    expect(reason('')).toBe('is empty');
    expect(reason(code.slice(0, 17))).toMatch(/^has 17 characters: a unified social credit code has 18/);
    expect(reason(code + '1')).toMatch(/^has 19 characters/);
    expect(reason(code.slice(0, 9) + 'O' + code.slice(10))).toBe('character 10 "O" is not allowed: a credit code uses 0-9 and A-Z without I, O, S, V, Z (did you mean 0?)');
    expect(reason(code.slice(0, 12) + 'I' + code.slice(13))).toMatch(/^character 13 "I" is not allowed.*did you mean 1\?/);
    expect(reason('91' + '35A104' + code.slice(8))).toBe('positions 3–8 "35A104" must be digits (the area code of the registering authority)');
    const org = expectedChecks(code).org;
    const wrongOrg = org === '1' ? '2' : '1';
    const first17 = code.slice(0, 16) + wrongOrg;
    const recomputed = first17 + finalCheck(first17); // only the inner check is wrong
    expect(reason(recomputed)).toBe(`organisation code ${code.slice(8, 16)}${wrongOrg} (positions 9–17): check character expected ${org} got ${wrongOrg}`);
    const wrongFinal = code[17] === 'A' ? 'B' : 'A';
    expect(reason(code.slice(0, 17) + wrongFinal)).toBe(`check character (position 18) expected ${code[17]} got ${wrongFinal}`);
    expect(reason('9.13501E+17')).toMatch(/scientific notation: Excel turned the code into a number/);
  });

  it('accepts a 15-digit registration number as such, and says it carries no check', () => {
    expect(validateCreditCode('350104100012345')).toEqual({
      ok: true,
      code: '350104100012345',
      kind: 'registrationNumber',
      reason: 'a 15-digit registration number (注册号) from before 2015: no check character to verify',
    });
    expect(validateCreditCode('35010410001234').ok).toBe(false);
  });
});
