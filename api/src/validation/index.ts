export { limitsPlugin } from './limitsPlugin.ts';
export { measureOperation, UNSIZED_LIST_FACTOR } from './queryCost.ts';
