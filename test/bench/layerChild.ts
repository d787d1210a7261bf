// The GraphQL-layer measurement in a process of its own (spawned by suites/layerSuite.ts):
// LAYER_URI is the bench Neo4j, LAYER_OPTS the rounds; prints "log …" lines and one "result {json}".
import { measureLayer, type LayerOpts } from './suites/layerSuite.ts';

const uri = process.env.LAYER_URI;
if (!uri) throw new Error('LAYER_URI is not set: this file is run by the layer suite of `npm run bench`.');
const opts = JSON.parse(process.env.LAYER_OPTS ?? '{}') as LayerOpts;
const res = await measureLayer(uri, opts, (l) => console.log(`log ${l}`));
console.log(`result ${JSON.stringify(res)}`);
process.exit(0);
