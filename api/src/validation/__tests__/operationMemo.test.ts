import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MEMO_MAX_KEY_CHARS, MEMO_PER_OPERATION, operationMemo } from '../operationMemo.ts';

const operationOf = (text: string): OperationDefinitionNode => parse(text).definitions[0] as OperationDefinitionNode;

describe('operationMemo', () => {
  it('computes once per operation and key, and again for another key or another operation', () => {
    const memo = operationMemo<number>();
    const page = operationOf('query($n: Int!) { enterprises(first: $n) { nodes { id } } }');
    let calls = 0;
    const cost = (n: number) => () => {
      calls++;
      return n * 10;
    };
    expect(memo(page, '{"n":5}', cost(5))).toBe(50);
    expect(memo(page, '{"n":5}', cost(5))).toBe(50);
    expect(calls).toBe(1);
    expect(memo(page, '{"n":900}', cost(900))).toBe(9000);
    expect(calls).toBe(2);
    // The same text parsed again (a document Apollo no longer holds) is another operation.
    expect(memo(operationOf('query($n: Int!) { enterprises(first: $n) { nodes { id } } }'), '{"n":5}', cost(5))).toBe(50);
    expect(calls).toBe(3);
  });

  it('keeps no throw: the next request computes again', () => {
    const memo = operationMemo<number>();
    const op = operationOf('{ anchors { id } }');
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error('cannot estimate');
    };
    expect(() => memo(op, '', failing)).toThrow('cannot estimate');
    expect(() => memo(op, '', failing)).toThrow('cannot estimate');
    expect(calls).toBe(2);
  });

  it(`keeps at most ${MEMO_PER_OPERATION} answers per operation, dropping the oldest, and none for a key past ${MEMO_MAX_KEY_CHARS} characters`, () => {
    const memo = operationMemo<string>();
    const op = operationOf('query($id: ID!) { enterprise(id: $id) { name } }');
    let calls = 0;
    const answer = (k: string) => () => {
      calls++;
      return `cost of ${k}`;
    };
    for (let i = 0; i <= MEMO_PER_OPERATION; i++) memo(op, `{"id":"syn-e${i}"}`, answer(String(i)));
    expect(calls).toBe(MEMO_PER_OPERATION + 1);
    memo(op, `{"id":"syn-e${MEMO_PER_OPERATION}"}`, answer('newest'));
    expect(calls).toBe(MEMO_PER_OPERATION + 1);
    expect(memo(op, '{"id":"syn-e0"}', answer('oldest, again'))).toBe('cost of oldest, again');
    expect(calls).toBe(MEMO_PER_OPERATION + 2);
    const long = `{"id":"${'x'.repeat(MEMO_MAX_KEY_CHARS)}"}`;
    memo(op, long, answer('long'));
    memo(op, long, answer('long'));
    expect(calls).toBe(MEMO_PER_OPERATION + 4);
  });
});
