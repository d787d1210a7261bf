// One page, whatever the data: the briefing is laid out at the print width (the screen sheet's
// content box is exactly A4's printable width, brief.css) and, when it is taller than A4's
// printable height, zoomed until it fits — on screen and in print alike, so the reader sees what
// will print. A zoomed page reflows (its lines get longer, so fewer), so the largest zoom that fits
// is found by bisection, starting between the plain ratio (which always fits) and 1. `fitted`
// tells the page (and the PDF command) that the layout is final.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** A4 is 297 mm tall; @page takes 10 mm top and bottom (brief.css). At CSS's 96 px per inch. */
export const PRINTABLE_HEIGHT_PX = ((297 - 20) / 25.4) * 96;
/** Kept free under the limit: Chromium's print layout rounds line boxes a little differently. */
const LIMIT = PRINTABLE_HEIGHT_PX * 0.98;
const MAX_STEPS = 7;

interface Fit {
  key: string;
  fit: number;
  /** Largest zoom known to fit, smallest known not to. */
  lo: number;
  hi: number;
  steps: number;
  fitted: boolean;
}

const start = (key: string): Fit => ({ key, fit: 1, lo: 0, hi: 1, steps: 0, fitted: false });

/** The next state after measuring `height` (CSS px, unzoomed page) at `s.fit`. */
export function nextFit(s: Fit, height: number): Fit {
  if (s.steps === 0) {
    if (height <= LIMIT) return { ...s, fitted: true };
    const lo = Math.floor((LIMIT / height) * 1000) / 1000;
    return { ...s, lo, hi: 1, fit: Math.round(((lo + 1) / 2) * 1000) / 1000, steps: 1 };
  }
  const lo = height <= LIMIT ? s.fit : s.lo;
  const hi = height <= LIMIT ? s.hi : s.fit;
  if (hi - lo < 0.01 || s.steps >= MAX_STEPS) return { ...s, lo, hi, fit: lo, fitted: true };
  return { ...s, lo, hi, fit: Math.round(((lo + hi) / 2) * 1000) / 1000, steps: s.steps + 1 };
}

/**
 * `ref`: the element around the zoomed one (it is not zoomed itself, so its height is the zoomed
 * content's height on the page). `key` changes when the content does: then it is fitted again.
 */
export function useFitToPage(ref: RefObject<HTMLElement | null>, key: string): { fit: number; fitted: boolean } {
  const [state, setState] = useState<Fit>(() => start(''));
  useLayoutEffect(() => {
    if (state.key !== key) {
      setState(start(key));
      return;
    }
    if (state.fitted) return;
    let cancelled = false;
    // Once the web fonts (Noto CJK) are in: before that the lines have other widths.
    void document.fonts.ready.then(() => {
      const el = ref.current;
      if (!cancelled && el) setState((s) => (s === state ? nextFit(s, el.offsetHeight) : s));
    });
    return () => {
      cancelled = true;
    };
  }, [ref, key, state]);
  return { fit: state.key === key ? state.fit : 1, fitted: state.key === key && state.fitted };
}
