import { describe, expect, it } from 'vitest';
import { NODE_LABELS, REL_ENDS, REL_TYPES, WRITABLE_REL_TYPES, isRelType } from '../index.ts';
import { NODE_PROPS } from '../records.ts';

describe('the graph vocabulary', () => {
  it('joins only labels it knows, and types every label', () => {
    for (const t of REL_TYPES) for (const l of [...REL_ENDS[t].from, ...REL_ENDS[t].to]) expect(NODE_LABELS).toContain(l);
    expect(Object.keys(NODE_PROPS).sort()).toEqual([...NODE_LABELS].sort());
  });

  it('lets the API write facts about firms, not the chains\' structure', () => {
    expect(WRITABLE_REL_TYPES).toContain('IN_SEGMENT');
    expect(WRITABLE_REL_TYPES).not.toContain('HAS_SEGMENT');
    expect(REL_ENDS.IN_SEGMENT.from).toEqual(['Enterprise', 'Project']);
    expect(isRelType('toString')).toBe(false);
  });
});
