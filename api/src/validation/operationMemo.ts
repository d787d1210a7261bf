import type { OperationDefinitionNode } from 'graphql';

/** Answers kept per operation (one per set of variables), the oldest dropped first. */
export const MEMO_PER_OPERATION = 64;
/** Keys longer than this (large variables) are not kept: computing again is cheaper than holding them. */
export const MEMO_MAX_KEY_CHARS = 4096;

/**
 * What a pure function of an operation (and a key: its variables, the caps) answered, kept on the
 * operation's AST node. Apollo keeps each parsed and validated document in its document store and
 * hands the same node to every request with the same query text, so a repeated query is measured
 * once per set of variables; a document that leaves the store takes its answers with it (a
 * WeakMap), and one parsed for a single request is never found again. A throw is not kept: the
 * next request computes it again.
 */
export function operationMemo<V>(): (operation: OperationDefinitionNode, key: string, compute: () => V) => V {
  const byOperation = new WeakMap<OperationDefinitionNode, Map<string, V>>();
  return (operation, key, compute) => {
    let answers = byOperation.get(operation);
    const known = answers?.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (key.length > MEMO_MAX_KEY_CHARS) return value;
    if (!answers) byOperation.set(operation, (answers = new Map()));
    answers.set(key, value);
    if (answers.size > MEMO_PER_OPERATION) answers.delete(answers.keys().next().value as string);
    return value;
  };
}
