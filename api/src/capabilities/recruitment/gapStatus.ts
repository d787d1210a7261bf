/**
 * How many local firms a chain segment needs before the district counts it as covered.
 * GAP: no local firm (补链: the link is missing). WEAK: one or two, so a single departure
 * reopens the gap. STRONG: three or more. Documented in docs/RECRUITMENT.md; every query and the
 * what-if read these numbers from here.
 */
export const GAP_THRESHOLDS = { weakMin: 1, strongMin: 3 } as const;

export type GapStatus = 'GAP' | 'WEAK' | 'STRONG';

export function classifySegment(localCount: number, t: { weakMin: number; strongMin: number } = GAP_THRESHOLDS): GapStatus {
  if (!Number.isInteger(localCount) || localCount < 0) throw new RangeError(`localCount must be a non-negative integer, got ${localCount}`);
  if (localCount >= t.strongMin) return 'STRONG';
  if (localCount >= t.weakMin) return 'WEAK';
  return 'GAP';
}

/** How much landing one more firm in a segment of this status is worth to the gap-fill factor. */
export function gapFillValue(status: GapStatus): number {
  switch (status) {
    case 'GAP':
      return 1;
    case 'WEAK':
      return 0.5;
    case 'STRONG':
      return 0;
    default: {
      const never: never = status;
      throw new Error(`unknown gap status ${String(never)}`);
    }
  }
}
