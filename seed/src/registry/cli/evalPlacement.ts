// npm run eval:placement [-- --rows 3000 --seeds 1,2,3 --by-noise]: generates registry exports
// (written and read back as .xlsx, GB18030 CSV and UTF-8-BOM CSV in turn), places every firm and
// scores the placement against the generator's truth, which the placer never sees.
import { parseArgs } from '../../cli/args.ts';
import { generateRegistryExport } from '../generator/generateRegistryExport.ts';
import { registryCsvBytes, registryXlsxBuffer } from '../generator/writeRegistryExport.ts';
import { understandRegistryExport } from '../understandRegistryExport.ts';
import { pct, scorePlacement, type PlacementScore } from '../evalPlacement.ts';

const USAGE = 'Usage: npm run eval:placement [-- --rows 3000 --seeds 1,2,3 --by-noise]';

function row(cells: readonly string[], widths: readonly number[]): string {
  // Pad by display width: CJK characters take two columns.
  const w = (s: string): number => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  return cells.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - w(c)))).join('  ');
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { flags: ['help', 'by-noise'], values: ['rows', 'seeds'] });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const rows = Number(args.values.get('rows') ?? 3000);
  const seeds = (args.values.get('seeds') ?? '1,2,3').split(',').map(Number);
  if (!Number.isInteger(rows) || rows < 1 || seeds.some((s) => !Number.isInteger(s))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const forms = ['xlsx', 'csv gb18030', 'csv utf-8-bom'] as const;
  const head = ['seed', 'file', 'firms', 'on chain', 'correct', 'confident', 'precision', 'review', 'silently wrong', 'silently missed', 'no-chain unplaced', 'wrong in review'];
  const widths = [4, 13, 5, 8, 8, 9, 9, 8, 14, 15, 17, 15];
  console.log(row(head, widths));
  const total: PlacementScore[] = [];
  for (const [i, seed] of seeds.entries()) {
    const exp = generateRegistryExport({ seed, rows });
    const form = forms[i % forms.length] ?? 'xlsx';
    const bytes = form === 'xlsx' ? await registryXlsxBuffer(exp) : registryCsvBytes(exp, form === 'csv gb18030' ? 'gb18030' : 'utf-8-bom');
    const u = await understandRegistryExport({ buffer: bytes, fileName: `seed-${seed}.${form.startsWith('csv') ? 'csv' : 'xlsx'}` });
    const s = scorePlacement(u, exp.truth, exp.noise);
    total.push(s);
    console.log(
      row(
        [String(seed), form, String(s.firms), pct(s.onChain, s.firms), pct(s.correct, s.firms), pct(s.confident, s.firms), pct(s.confidentCorrect, s.confident), pct(s.review, s.firms), pct(s.silentlyWrong, s.firms), pct(s.silentlyMissed, s.firms), pct(s.noChainUnplaced, s.noChain), pct(s.wrongInReview, s.wrong)],
        widths,
      ),
    );
    if (args.flags.has('by-noise')) {
      for (const [k, b] of [...s.byNoise].sort()) console.log(`      ${k.padEnd(16)} ${String(b.firms).padStart(5)} firms  correct ${pct(b.correct, b.firms).padStart(7)}  review ${pct(b.review, b.firms).padStart(7)}  silently wrong ${pct(b.silentlyWrong, b.firms).padStart(7)}`);
    }
  }
  console.log(
    '\ncorrect: segment (or no chain) right · confident: placed and not flagged · precision: correct among confident · review: needsReview · silently wrong: placed, not flagged, wrong · silently missed: on a chain, unplaced, not flagged · wrong in review: share of all wrong answers that are flagged',
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
