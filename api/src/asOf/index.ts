export { asOfFragment } from './asOfFragment.ts';
export { normaliseAsOf, normaliseFrom, parseIsoPrefix } from './normaliseAsOf.ts';
