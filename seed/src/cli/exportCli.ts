// npm run export -- <folder> [--format json|csv|both]: the whole graph in the import format.
import path from 'node:path';
import { applySchema, connect } from '@cangshan/neo4j';
import { exportGraph } from '../exporter/exportGraph.ts';
import { writeCsvFiles, writeJsonFile } from '../format/writeDataFiles.ts';
import { parseArgs } from './args.ts';

const USAGE = `Usage: npm run export -- <folder> [--format json|csv|both]
  json (default): <folder>/graph.json   csv: <folder>/nodes.csv and relations.csv
Environment: NEO4J_URI (else the embedded server in NEO4J_DATA_DIR, default .data/neo4j).`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { flags: ['help'], values: ['format'] });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const folder = args.positionals[0];
  const format = args.values.get('format') ?? 'json';
  if (args.flags.has('help') || !folder || args.positionals.length > 1 || !['json', 'csv', 'both'].includes(format)) {
    process.stderr.write(`${USAGE}\n`);
    return args.flags.has('help') ? 0 : 2;
  }
  const conn = await connect({ log: (l) => process.stderr.write(l + '\n') });
  try {
    await applySchema(conn.db);
    const t = performance.now();
    const ds = await exportGraph(conn.db);
    const files: string[] = [];
    if (format !== 'csv') {
      const f = path.join(folder, 'graph.json');
      await writeJsonFile(f, ds);
      files.push(f);
    }
    if (format !== 'json') files.push(...(await writeCsvFiles(folder, ds)));
    console.log(`Exported ${ds.nodes.length} nodes, ${ds.relations.length} relations in ${((performance.now() - t) / 1000).toFixed(1)} s to ${files.join(', ')}`);
    return 0;
  } catch (e) {
    process.stderr.write(`✗ Export failed: ${(e as Error).message}\n`);
    return 3;
  } finally {
    await conn.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
