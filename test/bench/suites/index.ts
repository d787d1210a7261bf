import type { Suite } from '../harness/suite.ts';

/** In run order: the import suite prepares the district every later suite queries. */
export const SUITES: Suite[] = [];
