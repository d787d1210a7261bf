import type { DataSet } from '../model/types.ts';

export interface SyntheticOptions {
  enterprises: number;
  seed: number;
}

/** The synthetic district (docs/SYNTHETIC.md). Placeholder until step 5 lands. */
export function generateSynthetic(_opts: SyntheticOptions): DataSet {
  throw new Error('generateSynthetic is not implemented yet (issue 3, step 5).');
}
