import type { Suite } from '../harness/suite.ts';
import { apiSuite } from './apiSuite.ts';
import { browserSuite } from './browserSuite.ts';
import { dbhitsSuite } from './dbhitsSuite.ts';
import { importSuite } from './importSuite.ts';
import { layerSuite } from './layerSuite.ts';
import { memorySuite } from './memorySuite.ts';
import { nestedSuite } from './nestedSuite.ts';

/** In run order: machine-independent work counts first, then timings, the browser last. */
export const SUITES: Suite[] = [importSuite, dbhitsSuite, nestedSuite, apiSuite, layerSuite, memorySuite, browserSuite];
