// What a briefing is about, from the hash: `#/brief?anchor=toutiao&asOf=2020-04&lang=zh`, with
// `chain=` for one chain, and neither anchor nor chain for the whole district. The hash and not the
// query string, like the registry pages (app/route.ts): the query string stays the explorer's view.
// Pure and never throwing: a malformed value is reported as a problem the page shows.
import type { Lang } from '../state/viewState.ts';

export interface BriefParams {
  anchorId: string | null;
  chainId: string | null;
  /** `YYYY-MM`: the month the briefing is taken at (its end, as `asOf` counts everywhere). */
  asOf: string;
  lang: Lang;
  /** How many recruitment targets to show (1–8): more do not fit on one A4 page. */
  targets: number;
}

export type BriefParamProblem = { param: 'asOf' | 'anchor' | 'chain' | 'targets'; value: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[\w.:-]{1,120}$/;
export const DEFAULT_TARGETS = 5;
export const MAX_TARGETS = 8;

/** The month of `now` as `YYYY-MM` (local time: the reader's "this month"). */
export function monthOf(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The params after `#/brief?`; `now` gives the month when `asOf` is left out. */
export function parseBriefParams(hash: string, now: Date): { params: BriefParams; problems: BriefParamProblem[] } {
  const q = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const problems: BriefParamProblem[] = [];
  const id = (name: 'anchor' | 'chain'): string | null => {
    const v = q.get(name);
    if (v === null || v === '') return null;
    if (ID.test(v)) return v;
    problems.push({ param: name, value: v });
    return null;
  };
  const anchorId = id('anchor');
  const chainId = id('chain');
  const rawAsOf = q.get('asOf');
  let asOf = monthOf(now);
  if (rawAsOf !== null && rawAsOf !== '') {
    if (MONTH.test(rawAsOf)) asOf = rawAsOf;
    else problems.push({ param: 'asOf', value: rawAsOf });
  }
  const rawTargets = q.get('targets');
  let targets = DEFAULT_TARGETS;
  if (rawTargets !== null && rawTargets !== '') {
    const n = Number(rawTargets);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_TARGETS) targets = n;
    else problems.push({ param: 'targets', value: rawTargets });
  }
  return { params: { anchorId, chainId, asOf, lang: q.get('lang') === 'en' ? 'en' : 'zh', targets }, problems };
}

/** The hash of a briefing (`#/brief?…`), the inverse of parseBriefParams for what it sets. */
export function briefHash(p: { anchorId?: string | null; chainId?: string | null; asOf?: string | null; lang?: Lang }): string {
  const q = new URLSearchParams();
  if (p.anchorId) q.set('anchor', p.anchorId);
  if (p.chainId) q.set('chain', p.chainId);
  if (p.asOf) q.set('asOf', p.asOf.slice(0, 7));
  if (p.lang) q.set('lang', p.lang);
  const s = q.toString();
  return s ? `#/brief?${s}` : '#/brief';
}
