import type { PropValue } from '@cangshan/model';
import type { Money } from '../capital.ts';
import { normaliseName } from '../names.ts';
import type { FieldChange } from './registryPlan.ts';
import type { RegistryFields } from './firmProps.ts';

/** What the export says of a firm beyond its fields: its name, kind and whether and how it left. */
export interface FirmFacts {
  name: string;
  kind: 'firm' | 'group' | 'unit';
  /** Closed, revoked or moved out, with the date it left (the export's, or the import month). */
  left: { how: string; on: string } | null;
  /** The export gives a status (an empty or unreadable cell says nothing). */
  statusKnown: boolean;
}

export interface DiffContext {
  /** The firm was created by a registry import: the export may rename it and date its landing. */
  registryOwned: boolean;
  districtId: string;
}

export interface FirmDiff {
  changes: FieldChange[];
  set: Record<string, PropValue>;
  unset: string[];
  /** The firm leaves with this import (its leftOn is set now). */
  departs: boolean;
  /** It had left (or was missing from a full export) and the export lists it as still there. */
  returned: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A date the export gives changes a stored one unless equal, or the stored one is more precise and agrees (2019-07-05 vs 2019-07). */
function dateChanges(stored: string | null, given: string): boolean {
  return stored === null || (stored !== given && !stored.startsWith(given));
}

/** Collects changes; a field the export leaves empty is never touched. */
class Diff {
  readonly out: FirmDiff = { changes: [], set: {}, unset: [], departs: false, returned: false };
  constructor(readonly stored: Record<string, unknown>) {}

  change(field: string, from: string | null, to: string | null, set: Record<string, PropValue>): void {
    this.out.changes.push({ field, from, to });
    Object.assign(this.out.set, set);
  }

  text(key: string, given: string | null): void {
    const was = str(this.stored[key]);
    if (given !== null && given !== was) this.change(key, was, given, { [key]: given });
  }

  date(key: string, given: string | null, also: Record<string, PropValue> = {}): void {
    const was = str(this.stored[key]);
    if (given !== null && dateChanges(was, given)) this.change(key, was, given, { [key]: given, ...also });
  }

  number(key: string, given: number | null): void {
    const was = typeof this.stored[key] === 'number' ? (this.stored[key] as number) : null;
    if (given !== null && given !== was) this.change(key, was === null ? null : String(was), String(given), { [key]: given });
  }

  /** Capital by amount and currency: `5000万元` and `5000万元人民币` are the same money. */
  money(prefix: 'registeredCapital' | 'paidInCapital', given: Money | null): void {
    if (given === null) return;
    const amount = this.stored[`${prefix}Amount`];
    const currency = this.stored[`${prefix}Currency`];
    if (amount === given.amount && currency === given.currency) return;
    const was = str(this.stored[`${prefix}Text`]) ?? (typeof amount === 'number' ? `${amount} ${String(currency ?? '')}`.trim() : null);
    this.change(`${prefix}Text`, was, given.text, { [`${prefix}Amount`]: given.amount, [`${prefix}Currency`]: given.currency, [`${prefix}Text`]: given.text });
  }

  /** Lines kept as a set: what the export adds joins what is known (a former name is never forgotten). */
  union(key: string, given: readonly string[], sameKey: (s: string) => string = (s) => s): void {
    const was = list(this.stored[key]);
    const seen = new Set(was.map(sameKey));
    const added = given.filter((g) => !seen.has(sameKey(g)) && seen.add(sameKey(g)));
    if (added.length > 0) this.change(key, was.length ? was.join('；') : null, [...was, ...added].join('；'), { [key]: [...was, ...added] });
  }

  /** Lines replaced as a whole when the export gives any and they differ (in any order). */
  lines(key: string, given: readonly string[]): void {
    const was = list(this.stored[key]);
    if (given.length === 0 || [...was].sort().join('\n') === [...given].sort().join('\n')) return;
    this.change(key, was.length ? was.join('；') : null, given.join('；'), { [key]: [...given] });
  }
}

/**
 * What importing a firm the database has would change, field by field, as `from → to` for the
 * planner and as properties to set and remove. An empty cell means unknown and changes nothing;
 * status compares by kind (存续 and 存续（在营、开业、在册） are the same), capital by amount and
 * currency, dates by what they say (a less precise date that agrees changes nothing).
 * A firm the article (or a person) created keeps its name, landing, provenance and kind: the
 * export only adds and refreshes the registry's own fields.
 */
export function diffFirm(stored: Record<string, unknown>, r: RegistryFields, facts: FirmFacts, ctx: DiffContext): FirmDiff {
  const d = new Diff(stored);
  if (ctx.registryOwned) {
    const was = str(stored.name);
    if (was !== null && normaliseName(was) !== normaliseName(facts.name)) d.change('name', was, facts.name, { name: facts.name });
  }
  d.text('creditCode', r.creditCode);
  d.text('registrationNumber', r.registrationNumber);
  d.union('formerNames', [...r.formerNames, ...(d.out.set.name !== undefined ? [str(stored.name) as string] : [])], normaliseName);
  d.text('legalRepresentative', r.legalRepresentative);
  if (r.status !== null && r.status !== stored.status) {
    d.change('status', str(stored.statusText) ?? str(stored.status), r.statusText ?? r.status, { status: r.status, statusText: r.statusText ?? r.status });
  }
  d.date('foundedOn', r.foundedOn, ctx.registryOwned && r.foundedOn !== null ? { landedOn: r.foundedOn } : {});
  if (ctx.registryOwned && r.foundedOn !== null && stored.landedOn == null && d.out.set.landedOn === undefined) d.change('landedOn', null, r.foundedOn, { landedOn: r.foundedOn });
  d.date('approvedOn', r.approvedOn);
  d.money('registeredCapital', r.registeredCapital);
  d.money('paidInCapital', r.paidInCapital);
  d.text('companyType', r.companyType);
  if (r.industry !== null && r.industry !== str(stored.industry)) d.change('industry', str(stored.industry), r.industry, { industry: r.industry, industryCodes: r.industryCodes });
  for (const k of ['province', 'city', 'county', 'address', 'businessScope'] as const) d.text(k, r[k]);
  d.number('insuredStaff', r.insuredStaff);
  d.lines('registryExtras', r.registryExtras);
  if (ctx.registryOwned) {
    d.text('nameEn', r.nameEn);
    if (stored.kind !== facts.kind) d.change('kind', str(stored.kind), facts.kind, { kind: facts.kind, ...(facts.kind === 'unit' ? { unitType: 'branch' } : {}) });
    // A parent first known only by a branch's name, now in the export itself: a firm of the district.
    if (stored.local !== true) d.change('local', stored.local === false ? 'false' : null, 'true', { local: true });
  }
  departure(d, stored, facts);
  // Which district's exports list the firm (for notInExport): bookkeeping, shown only when it is all that changes.
  if (stored.registryDistrictId !== ctx.districtId) {
    if (d.out.changes.length === 0) d.change('registryDistrictId', str(stored.registryDistrictId), ctx.districtId, { registryDistrictId: ctx.districtId });
    else d.out.set.registryDistrictId = ctx.districtId;
  }
  return d.out;
}

/** Leaving and coming back (docs/REGISTRY.md, "Departures"). */
function departure(d: Diff, stored: Record<string, unknown>, facts: FirmFacts): void {
  const leftOn = str(stored.leftOn);
  const leftHow = str(stored.leftHow);
  if (facts.left) {
    if (leftOn === null) {
      d.change('leftOn', null, facts.left.on, { leftOn: facts.left.on, leftHow: facts.left.how });
      d.out.changes.push({ field: 'leftHow', from: null, to: facts.left.how });
      d.out.departs = true;
    } else if (leftHow === 'notInFullExport') {
      // The registry's own date replaces the month it went missing in.
      d.change('leftOn', leftOn, facts.left.on, { leftOn: facts.left.on, leftHow: facts.left.how });
      d.out.changes.push({ field: 'leftHow', from: leftHow, to: facts.left.how });
    } else if (leftHow !== facts.left.how) {
      // Revoked, then deregistered: it left when it first did; how it stands now is the later word.
      d.change('leftHow', leftHow, facts.left.how, { leftHow: facts.left.how });
    }
    return;
  }
  if (leftOn !== null && (leftHow === 'notInFullExport' || facts.statusKnown)) {
    d.out.changes.push({ field: 'leftOn', from: leftOn, to: null }, { field: 'leftHow', from: leftHow, to: null });
    d.out.unset.push('leftOn', 'leftHow');
    d.out.returned = true;
  }
}
