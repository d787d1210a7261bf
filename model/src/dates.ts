/** A calendar date at the precision known: `2019`, `2019-11`, `2019-11-05` (days checked against the month). */
const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isIsoPartialDate(s: string): boolean {
  const m = ISO_PARTIAL.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return Number(y) >= 1000;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const dim = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= dim;
}

/** An indicator period: a date at any precision, or a span of two (`2017/2020`). */
export function isPeriod(s: string): boolean {
  const parts = s.split('/');
  return parts.length <= 2 && parts.every(isIsoPartialDate) && (parts.length === 1 || (parts[0] ?? '') <= (parts[1] ?? ''));
}
