import { FIRM_STATUSES, LEFT_HOWS, type FirmStatus, type LeftHow } from '@cangshan/model';
import type { EnterpriseRow } from '../../cypher/enterpriseProjection.ts';

/** The GraphQL enum FirmStatus spells the model's statuses in upper snake case (movedOut → MOVED_OUT). */
export const FIRM_STATUS_NAMES: Record<FirmStatus, string> = {
  active: 'ACTIVE',
  closed: 'CLOSED',
  revoked: 'REVOKED',
  movedOut: 'MOVED_OUT',
  suspended: 'SUSPENDED',
  liquidating: 'LIQUIDATING',
};

/** The GraphQL enum Departure: the model's LEFT_HOWS. */
export const DEPARTURE_NAMES: Record<LeftHow, string> = {
  closed: 'CLOSED',
  revoked: 'REVOKED',
  movedOut: 'MOVED_OUT',
  notInFullExport: 'NOT_IN_FULL_EXPORT',
};

const PLACEMENT_REVIEW_NAMES = { pending: 'PENDING', confirmed: 'CONFIRMED' } as const;

/** The enum name of a stored value, null for a value the model does not know (data written around the importer). */
function enumName<K extends string>(names: Record<K, string>, known: readonly K[], value: unknown): string | null {
  const k = known.find((x) => x === value);
  return k === undefined ? null : names[k];
}

export interface MoneyOut {
  amount: number;
  currency: string;
  text: string;
}

/**
 * A Money from its three stored properties (`<prefix>Amount`, `…Currency`, `…Text`), as the
 * registry wrote them; null unless the amount and its currency are both known (an amount without
 * its currency cannot be read, and nothing is ever converted). A missing text is the amount and
 * currency spelled out.
 */
export function moneyOf(e: EnterpriseRow, prefix: 'registeredCapital' | 'paidInCapital'): MoneyOut | null {
  const amount = e[`${prefix}Amount`];
  const currency = e[`${prefix}Currency`];
  const text = e[`${prefix}Text`];
  if (typeof amount !== 'number' || !Number.isFinite(amount) || typeof currency !== 'string' || currency === '') return null;
  return { amount, currency, text: typeof text === 'string' && text !== '' ? text : `${amount} ${currency}` };
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Resolvers of the Enterprise fields a registry export fills. */
export const registryFieldResolvers = {
  formerNames: (e: EnterpriseRow) => list(e.formerNames),
  industryCodes: (e: EnterpriseRow) => list(e.industryCodes),
  status: (e: EnterpriseRow) => enumName(FIRM_STATUS_NAMES, FIRM_STATUSES, e.status),
  leftHow: (e: EnterpriseRow) => enumName(DEPARTURE_NAMES, LEFT_HOWS, e.leftHow),
  placementReview: (e: EnterpriseRow) => enumName(PLACEMENT_REVIEW_NAMES, ['pending', 'confirmed'] as const, e.placementReview),
  registeredCapital: (e: EnterpriseRow) => moneyOf(e, 'registeredCapital'),
  paidInCapital: (e: EnterpriseRow) => moneyOf(e, 'paidInCapital'),
  insuredStaff: (e: EnterpriseRow) => (typeof e.insuredStaff === 'number' && Number.isSafeInteger(e.insuredStaff) ? e.insuredStaff : null),
};
