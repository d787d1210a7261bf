// The whole view in one value, and its URL form. A copied link reopens the same view: every field
// here round-trips through `toSearch`/`fromSearch` (tested in __tests__/viewState.test.ts).

export type LayoutName = 'cluster' | 'chain' | 'circle';
export type Lang = 'zh' | 'en';
export type PanelName = 'profile' | 'dashboard' | 'leaders' | 'filters' | 'path';
export type DataKind = 'all' | 'real' | 'synthetic';
/** What the aggregated overview groups firms by (the API's OverviewGroupBy, in the URL's lower case). */
export type GroupByName = 'segment' | 'park' | 'district';

export const LAYOUTS: readonly LayoutName[] = ['cluster', 'chain', 'circle'];
export const PANELS: readonly PanelName[] = ['profile', 'dashboard', 'leaders', 'filters', 'path'];
export const GROUP_BYS: readonly GroupByName[] = ['segment', 'park', 'district'];

export interface Filters {
  /** One chain, segment and park at most: the API's EnterpriseFilter takes one of each, so a
   *  filtered view always has a GraphQL twin ("copy as GraphQL"). */
  chain: string | null;
  segment: string | null;
  park: string | null;
  /** Relation types shown; empty means all. */
  relations: string[];
  data: DataKind;
  /** Landed-date range (ISO prefixes, inclusive). */
  from: string | null;
  to: string | null;
}

export interface ViewState {
  lang: Lang;
  layout: LayoutName;
  /** The firm whose profile is open. */
  selected: string | null;
  /** The anchor at the centre of the circle-of-friends layout. */
  anchor: string | null;
  /** Timeline cursor, `YYYY-MM`; null shows everything known. */
  asOf: string | null;
  filters: Filters;
  /** Firms whose neighbours are expanded, with how many neighbours are shown ("show more" raises it). */
  expanded: Record<string, number>;
  /** "How are these two connected": the two ends. */
  path: [string, string] | null;
  panel: PanelName | null;
  /** Recruitment target whose evidence is highlighted (leaders' view). */
  target: string | null;
  /** The aggregated overview's grouping (a district too large to draw firm by firm). */
  groupBy: GroupByName;
  /** The group drilled into (a segment's or place's id; `__none__` the firms with none), null: all groups. */
  group: string | null;
}

export const EMPTY_FILTERS: Filters = { chain: null, segment: null, park: null, relations: [], data: 'all', from: null, to: null };

export const DEFAULT_VIEW: ViewState = {
  lang: 'zh',
  layout: 'cluster',
  selected: null,
  anchor: null,
  asOf: null,
  filters: EMPTY_FILTERS,
  expanded: {},
  path: null,
  panel: null,
  target: null,
  groupBy: 'segment',
  group: null,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ID = /^[\w.:-]{1,120}$/;

function list(v: string | null): string[] {
  return v ? v.split(',').filter((x) => ID.test(x)) : [];
}

function pick<T extends string>(v: string | null, allowed: readonly T[]): T | null {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

function id(v: string | null): string | null {
  return v !== null && ID.test(v) ? v : null;
}

/** Reads a view from a query string; anything malformed falls back to the default, never throws. */
export function fromSearch(search: string): ViewState {
  const p = new URLSearchParams(search);
  const expanded: Record<string, number> = {};
  for (const part of list(p.get('exp'))) {
    const [k, n] = part.split(':');
    const count = Number(n);
    if (k && ID.test(k)) expanded[k] = Number.isInteger(count) && count > 0 ? Math.min(count, 500) : 12;
  }
  const pathIds = list(p.get('path'));
  const asOf = p.get('asOf');
  const from = p.get('from');
  const to = p.get('to');
  return {
    lang: pick(p.get('lang'), ['zh', 'en'] as const) ?? DEFAULT_VIEW.lang,
    layout: pick(p.get('layout'), LAYOUTS) ?? DEFAULT_VIEW.layout,
    selected: id(p.get('sel')),
    anchor: id(p.get('anchor')),
    asOf: asOf && MONTH.test(asOf) ? asOf : null,
    filters: {
      chain: id(p.get('chain')),
      segment: id(p.get('seg')),
      park: id(p.get('park')),
      relations: list(p.get('rel')),
      data: pick(p.get('data'), ['all', 'real', 'synthetic'] as const) ?? 'all',
      from: from && DATE_PREFIX.test(from) ? from : null,
      to: to && DATE_PREFIX.test(to) ? to : null,
    },
    expanded,
    path: pathIds.length === 2 ? [pathIds[0]!, pathIds[1]!] : null,
    panel: pick(p.get('panel'), PANELS),
    target: id(p.get('target')),
    groupBy: pick(p.get('agg'), GROUP_BYS) ?? DEFAULT_VIEW.groupBy,
    group: id(p.get('grp')),
  };
}

/** Writes a view as a query string, leaving out what equals the default so links stay short. */
export function toSearch(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.lang !== DEFAULT_VIEW.lang) p.set('lang', v.lang);
  if (v.layout !== DEFAULT_VIEW.layout) p.set('layout', v.layout);
  if (v.selected) p.set('sel', v.selected);
  if (v.anchor) p.set('anchor', v.anchor);
  if (v.asOf) p.set('asOf', v.asOf);
  const f = v.filters;
  if (f.chain) p.set('chain', f.chain);
  if (f.segment) p.set('seg', f.segment);
  if (f.park) p.set('park', f.park);
  if (f.relations.length) p.set('rel', f.relations.join(','));
  if (f.data !== 'all') p.set('data', f.data);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  const exp = Object.entries(v.expanded).map(([k, n]) => `${k}:${n}`);
  if (exp.length) p.set('exp', exp.join(','));
  if (v.path) p.set('path', v.path.join(','));
  if (v.panel) p.set('panel', v.panel);
  if (v.target) p.set('target', v.target);
  if (v.groupBy !== DEFAULT_VIEW.groupBy) p.set('agg', v.groupBy);
  if (v.group) p.set('grp', v.group);
  const s = p.toString();
  return s ? `?${s}` : '';
}
