import { cellValue, halfWidth } from './text.ts';

/** An amount of money as registered: in units of its own currency, never converted. */
export interface Money {
  /** In units of the currency (5000万元 → 50000000). */
  amount: number;
  /** ISO 4217. */
  currency: string;
  /** The cell as written. */
  text: string;
}

export type CapitalParse = { ok: true; money: Money | null; note: string | null } | { ok: false; reason: string };

/** Currency words, the longer first so that 美元 is not read as 元. */
const CURRENCIES: readonly [string, string][] = [
  ['新加坡元', 'SGD'], ['新台币', 'TWD'], ['澳门元', 'MOP'], ['人民币', 'CNY'], ['美元', 'USD'], ['港元', 'HKD'], ['港币', 'HKD'],
  ['欧元', 'EUR'], ['日元', 'JPY'], ['英镑', 'GBP'], ['澳元', 'AUD'], ['加元', 'CAD'], ['韩元', 'KRW'], ['瑞士法郎', 'CHF'],
  ['RMB', 'CNY'], ['CNY', 'CNY'], ['USD', 'USD'], ['US$', 'USD'], ['HKD', 'HKD'], ['EUR', 'EUR'], ['JPY', 'JPY'], ['GBP', 'GBP'],
  ['元', 'CNY'], ['$', 'USD'], ['¥', 'CNY'], ['￥', 'CNY'],
];
const MULTIPLIERS: readonly [string, number][] = [['亿', 1e8], ['万', 1e4], ['千', 1e3]];

interface Unit {
  multiplier: number | null;
  currency: string | null;
}

/** The multiplier and currency a piece of text names (`万元人民币`, `万美元`, `亿元`). */
function unitOf(text: string): Unit {
  let rest = text;
  let currency: string | null = null;
  for (const [w, c] of CURRENCIES) {
    if (rest.includes(w)) {
      currency ??= c;
      rest = rest.split(w).join('');
    }
  }
  const mult = MULTIPLIERS.find(([w]) => rest.includes(w));
  return { multiplier: mult ? mult[1] : null, currency };
}

/**
 * Registered or paid-in capital as written: `5000万元人民币`, `5000万人民币`, `5000万元`,
 * `5,000,000元`, `1000万美元`, `100万港元`, `500万欧元`, `5000(万元)`, or a bare number under a
 * header that names the unit (`注册资本（万元）`). Amounts stay in their own currency. A cell with
 * a multiplier and no currency is in 人民币, as the registry writes capital (the note says so);
 * a bare number with no unit anywhere is not guessed.
 */
export function parseCapital(value: string | null | undefined, headerUnit: string | null = null): CapitalParse {
  const text = cellValue(value);
  if (text === null) return { ok: true, money: null, note: null };
  const t = halfWidth(text).replace(/[\s,，]/g, '');
  const m = /^(.*?)(\d+(?:\.\d+)?)(.*)$/.exec(t);
  if (!m) return { ok: false, reason: `"${text}" has no number` };
  const [, before, num, after] = m as unknown as [string, string, string, string];
  if (/\d/.test(after)) return { ok: false, reason: `"${text}" has more than one number` };
  const own = unitOf(before + after);
  const residue = (before + after).replace(/[()（）[\]【】]/g, '');
  const header = headerUnit === null ? { multiplier: null, currency: null } : unitOf(halfWidth(headerUnit));
  const cellHasUnit = own.multiplier !== null || own.currency !== null;
  const unit = cellHasUnit ? own : header;
  if (unit.multiplier === null && unit.currency === null) {
    return { ok: false, reason: `"${text}" has no unit (元, 万元, 万美元…) and the header names none` };
  }
  if (residue !== '' && !cellHasUnit) return { ok: false, reason: `"${text}" has words that are not a unit` };
  const notes: string[] = [];
  if (!cellHasUnit) notes.push(`unit from the header (${headerUnit})`);
  if (unit.currency === null) notes.push('no currency written: 人民币, as the registry writes capital');
  const amount = Math.round(Number(num) * (unit.multiplier ?? 1) * 100) / 100;
  return { ok: true, money: { amount, currency: unit.currency ?? 'CNY', text }, note: notes.length ? notes.join('; ') : null };
}
