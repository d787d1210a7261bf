import { describe, expect, it } from 'vitest';
import { districtPrefix, otherAnchor } from '../sampleIds.ts';
import { apiShapes, recruitmentScopes, recruitmentShapes, RECRUITMENT_AS_OF } from '../shapes.ts';

describe('sample ids of a province', () => {
  it('reads the district of a province firm from its id, none for a single district', () => {
    expect(districtPrefix('syn-d03-anchor-7')).toBe('syn-d03-');
    expect(districtPrefix('syn-anchor-7')).toBe('');
    expect(districtPrefix('toutiao')).toBe('');
  });

  it('pairs an anchor with the next anchor of its own district, cyclically', () => {
    const ids = ['syn-d01-a1', 'syn-d02-a1', 'syn-d03-a1', 'syn-d02-a2', 'syn-d01-a2'];
    expect(otherAnchor(ids, 1)).toBe('syn-d02-a2');
    expect(otherAnchor(ids, 3)).toBe('syn-d02-a1');
    expect(otherAnchor(ids, 2)).toBeUndefined();
    // A single district: simply the next one, wrapping at the end.
    expect(otherAnchor(['a', 'b', 'c'], 1)).toBe('c');
    expect(otherAnchor(['a', 'b', 'c'], 2)).toBe('a');
  });
});

describe('recruitment shapes', () => {
  const ids = { anchor: 'syn-d01-anchor-3', firm: 'syn-d01-e00001', pathFrom: 'x', pathTo: 'y', searchTerm: '合成', chainId: 'chain-ai' };

  it('asks chainGaps and recruitmentTargets in the district, a chain and an anchor circle, as of one month', () => {
    expect(recruitmentScopes(ids).map((s) => s.scope)).toEqual(['district', 'chain', 'anchor']);
    const shapes = recruitmentShapes(ids);
    expect(shapes.map((s) => s.name)).toEqual([
      `recruitmentTargets district ${RECRUITMENT_AS_OF}`,
      `chainGaps district ${RECRUITMENT_AS_OF}`,
      `recruitmentTargets chain ${RECRUITMENT_AS_OF}`,
      `chainGaps chain ${RECRUITMENT_AS_OF}`,
      `recruitmentTargets anchor ${RECRUITMENT_AS_OF}`,
      `chainGaps anchor ${RECRUITMENT_AS_OF}`,
    ]);
    expect(shapes[2]?.variables).toEqual({ a: null, c: 'chain-ai', asOf: RECRUITMENT_AS_OF });
    expect(shapes[5]?.variables).toEqual({ a: 'syn-d01-anchor-3', c: null, asOf: RECRUITMENT_AS_OF });
    expect(apiShapes(ids).slice(-6)).toEqual(shapes);
  });

  it('leaves the chain scope out when the data has no chain', () => {
    expect(recruitmentScopes({ ...ids, chainId: null }).map((s) => s.scope)).toEqual(['district', 'anchor']);
  });
});
