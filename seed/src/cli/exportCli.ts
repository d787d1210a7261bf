// npm run export -- <folder> [--format …] [--filter key=value,…]: the graph, or a part of it, as
// files: the import format (JSON, CSV), a workbook (xlsx), or GEXF / GraphML for Gephi.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCliDatabase } from './openCliDatabase.ts';
import type { DataSet } from '@cangshan/model';
import { exportGraph } from '../exporter/exportGraph.ts';
import { FILTER_KEYS, filterDataSet, isEmptyFilter, parseExportFilter, type ExportFilter } from '../exporter/filterDataSet.ts';
import { writeGexfFile, writeGraphmlFile, writeXlsxFile } from '../exporter/graphFiles.ts';
import { writeCsvFiles, writeJsonFile } from '../format/writeDataFiles.ts';

const WRITERS: Record<string, (folder: string, ds: DataSet) => Promise<string[]>> = {
  json: async (folder, ds) => {
    const f = path.join(folder, 'graph.json');
    await writeJsonFile(f, ds);
    return [f];
  },
  csv: (folder, ds) => writeCsvFiles(folder, ds),
  xlsx: async (folder, ds) => {
    const f = path.join(folder, 'graph.xlsx');
    await writeXlsxFile(f, ds);
    return [f];
  },
  gexf: async (folder, ds) => {
    const f = path.join(folder, 'graph.gexf');
    await writeGexfFile(f, ds);
    return [f];
  },
  graphml: async (folder, ds) => {
    const f = path.join(folder, 'graph.graphml');
    await writeGraphmlFile(f, ds);
    return [f];
  },
};
const FORMATS = Object.keys(WRITERS);

const USAGE = `Usage: npm run export -- <folder> [--format ${[...FORMATS, 'both'].join('|')}[,…]] [--filter key=value,…]
  --format   json (default): <folder>/graph.json, the import format
             csv: <folder>/nodes.csv and relations.csv (UTF-8 with BOM, the import format)
             both: json and csv     xlsx: <folder>/graph.xlsx (sheets nodes and relations)
             gexf, graphml: <folder>/graph.gexf, graph.graphml for Gephi
             several at once: --format csv,gexf
  --filter   only these firms, the places, segments and projects they are tied to, and the relations
             among them; keys ${FILTER_KEYS.join(', ')}
             e.g. --filter chainId=chain-content,asOf=2020-04 (repeat --filter or join with commas)
  --help     this text
Environment: NEO4J_URI (else the embedded server in NEO4J_DATA_DIR, default .data/neo4j).`;

interface ExportArgs {
  folder: string;
  formats: string[];
  filter: ExportFilter;
}

/** The arguments, or a message saying what is wrong (null message and no args: --help). */
function parseExportArgs(argv: string[]): { args?: ExportArgs; error?: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f' }, filter: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (parsed.values.help) return {};
  const [folder, ...more] = parsed.positionals;
  if (!folder) return { error: 'Name the folder to write into.' };
  if (more.length) return { error: `One folder only (got also ${more.join(' ')}).` };
  const formats = [
    ...new Set(
      (parsed.values.format ?? 'json')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)
        .flatMap((s) => (s === 'both' ? ['json', 'csv'] : [s])),
    ),
  ];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length || formats.length === 0) return { error: `--format: unknown ${unknown.join(', ') || '(empty)'}; one or more of ${[...FORMATS, 'both'].join(', ')}.` };
  try {
    return { args: { folder, formats, filter: parseExportFilter(parsed.values.filter ?? []) } };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function main(argv: string[]): Promise<number> {
  const { args, error } = parseExportArgs(argv);
  if (!args) {
    if (error) process.stderr.write(`${error}\n\n${USAGE}\n`);
    else process.stdout.write(`${USAGE}\n`);
    return error ? 2 : 0;
  }
  const conn = await openCliDatabase((l) => process.stderr.write(l + '\n'));
  try {
    const t = performance.now();
    const ds = filterDataSet(await exportGraph(conn.db), args.filter);
    const files: string[] = [];
    for (const f of args.formats) files.push(...(await WRITERS[f]!(args.folder, ds)));
    const part = isEmptyFilter(args.filter) ? '' : ' (filtered)';
    console.log(`Exported ${ds.nodes.length} nodes, ${ds.relations.length} relations${part} in ${((performance.now() - t) / 1000).toFixed(1)} s to ${files.join(', ')}`);
    return 0;
  } catch (e) {
    process.stderr.write(`✗ Export failed: ${(e as Error).message}\n`);
    return 3;
  } finally {
    await conn.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
