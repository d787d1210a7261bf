import { describe, expect, it } from 'vitest';
import { nextFit, PRINTABLE_HEIGHT_PX } from '../useFitToPage.ts';

const fresh = { key: 'k', fit: 1, lo: 0, hi: 1, steps: 0, fitted: false };

/** A page whose height at zoom z is `natural × z^1.3`: zooming out reflows it shorter than the plain ratio says. */
const pageOf = (natural: number) => (z: number) => natural * z ** 1.3;

function settle(height: (z: number) => number) {
  let s = fresh;
  let renders = 0;
  while (!s.fitted && renders < 20) {
    s = nextFit(s, height(s.fit));
    renders += 1;
  }
  return { ...s, renders };
}

describe('fitting the briefing to one page', () => {
  it('leaves a page that fits as it is', () => {
    expect(settle(pageOf(PRINTABLE_HEIGHT_PX * 0.9))).toMatchObject({ fit: 1, fitted: true, renders: 1 });
  });

  it('zooms a long page to the largest zoom that fits, above the plain ratio, in a few renders', () => {
    const height = pageOf(PRINTABLE_HEIGHT_PX * 1.5);
    const s = settle(height);
    expect(s.fitted).toBe(true);
    expect(height(s.fit)).toBeLessThanOrEqual(PRINTABLE_HEIGHT_PX * 0.98);
    expect(s.fit).toBeGreaterThan(0.98 / 1.5);
    expect(height(s.fit + 0.02)).toBeGreaterThan(PRINTABLE_HEIGHT_PX * 0.98);
    expect(s.renders).toBeLessThanOrEqual(8);
  });
});
