import type { Suite } from '../harness/suite.ts';
import { apiSuite } from './apiSuite.ts';
import { browserSuite } from './browserSuite.ts';
import { dbhitsSuite } from './dbhitsSuite.ts';
import { importSuite } from './importSuite.ts';
import { layerSuite } from './layerSuite.ts';
import { memorySuite } from './memorySuite.ts';
import { nestedSuite } from './nestedSuite.ts';
import { peerSuite } from './peerSuite.ts';
import { recruitSuite } from './recruitSuite.ts';
import { registryImportSuite } from './registryImportSuite.ts';

/**
 * In run order: the imports first (the registry suite after the district's import, which releases
 * the generated data set), machine-independent work counts, then timings, the browser last.
 */
export const SUITES: Suite[] = [importSuite, registryImportSuite, dbhitsSuite, nestedSuite, apiSuite, recruitSuite, peerSuite, layerSuite, memorySuite, browserSuite];
