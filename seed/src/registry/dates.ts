import { isIsoPartialDate } from '@cangshan/model';
import { cellValue, halfWidth } from './text.ts';

export type DateParse = { ok: true; iso: string | null } | { ok: false; reason: string };

/** Excel's day 0 for serial numbers (1899-12-30, which absorbs Excel's 1900 leap-year bug after day 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial numbers taken as dates: 1927-05-18 (10000) to 2173-10-14 (99999), i.e. five digits. */
const SERIAL_MIN = 10000;
const SERIAL_MAX = 99999;

const pad = (n: number): string => String(n).padStart(2, '0');

/** An Excel serial day number as ISO (time of day dropped). */
export function excelSerialToIso(serial: number): string {
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function iso(y: string, m?: string, d?: string): string {
  return m === undefined ? y : d === undefined ? `${y}-${pad(Number(m))}` : `${y}-${pad(Number(m))}-${pad(Number(d))}`;
}

/** The forms dates are written in exports, each to [year, month?, day?]. */
const FORMS: RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, // 2019-07-05, 2019/7/5, 2019.7.5, with a time
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/, // 2019年7月5日
  /^(\d{4})(\d{2})(\d{2})$/, // 20190705
  /^(\d{4})[-/.](\d{1,2})$/, // 2019-07, 2019/7
  /^(\d{4})年(\d{1,2})月?$/, // 2019年7月
  /^(\d{4})(\d{2})$/, // 201907
  /^(\d{4})年?$/, // 2019, 2019年
];

const MONTH_DAYS = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A date as a registry export writes it, as ISO at the precision known: `2019-07-05`,
 * `2019/7/5`, `2019.7.5`, `2019年7月5日`, `20190705`, `2019-07`, `2019年7月`, `2019`, a JS Date
 * (an Excel date cell), or an Excel serial number (`43651`, as a CSV shows a date cell that had
 * no date format). Empty cells and placeholders (`-`, `—`, `无`, `/`) are unknown: `iso: null`.
 */
export function parseRegistryDate(value: string | number | Date | null | undefined): DateParse {
  if (value === null || value === undefined) return { ok: true, iso: null };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, reason: 'is an invalid date' } : { ok: true, iso: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') return serial(value, String(value));
  const text = cellValue(value);
  if (text === null) return { ok: true, iso: null };
  const t = halfWidth(text).replace(/\s+/g, ' ').trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) return serial(Number(t), t);
  for (const re of FORMS) {
    const m = re.exec(t);
    if (!m) continue;
    const [, y, mo, d] = m as unknown as [string, string, string | undefined, string | undefined];
    const out = iso(y, mo, d);
    if (isIsoPartialDate(out)) return { ok: true, iso: out };
    const month = Number(mo);
    if (mo !== undefined && (month < 1 || month > 12)) return { ok: false, reason: `"${text}" has month ${month}` };
    if (d !== undefined) return { ok: false, reason: `"${text}" has day ${Number(d)}, but ${y}-${pad(month)} has ${MONTH_DAYS(Number(y), month)} days` };
    return { ok: false, reason: `"${text}" has year ${y}` };
  }
  return { ok: false, reason: `"${text}" is not a date in a form exports use (2019-07-05, 2019/7/5, 2019年7月5日, 20190705, 2019-07, an Excel serial number)` };
}

function serial(n: number, text: string): DateParse {
  if (!Number.isFinite(n) || n < SERIAL_MIN || n > SERIAL_MAX) return { ok: false, reason: `"${text}" is a number, not a date (an Excel serial date would be 10000–99999)` };
  return { ok: true, iso: excelSerialToIso(n) };
}
