import { normaliseSort, isIdOrder, type EnterpriseSortInput } from './enterpriseSort.ts';
import { whereRelatedReach } from './enterpriseWhere.ts';

/**
 * Relations of one kind per firm that a nested related-firm condition runs for: all kinds
 * together average 3.62–3.75 per firm on the 20k district (costRules.ts, EDGES_PER_NODE), SUPPLIES
 * alone 1.43–1.76.
 */
export const RELATED_FAN_OUT = 3;

/**
 * The database work of `enterprises(where, sort)` beyond its page, in the cost estimate's unit (one
 * value of the answer), for `firms` candidate firms: each related-firm condition runs an EXISTS per
 * candidate (and per related firm when nested: whereRelatedReach), and a sort off the id index
 * reads and orders every match before the page. A malformed argument weighs 0 here: the resolver
 * refuses it.
 */
export function enterprisesWork(args: Record<string, unknown>, firms: number): number {
  let sorted = 0;
  try {
    sorted = Array.isArray(args.sort) && !isIdOrder(normaliseSort(args.sort as EnterpriseSortInput[])) ? firms : 0;
  } catch {
    sorted = 0;
  }
  return Math.ceil(firms * whereRelatedReach(args.where, RELATED_FAN_OUT)) + sorted;
}
