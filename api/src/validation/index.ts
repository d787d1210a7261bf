export { limitsPlugin } from './limitsPlugin.ts';
export { estimateCost, describeChain, MAX_QUERY_NODES, type CostCaps, type CostEstimate } from './queryCost.ts';
export { measureShape } from './queryShape.ts';
