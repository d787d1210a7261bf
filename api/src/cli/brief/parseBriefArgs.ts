// The arguments of `npm run brief`, checked before anything starts: a wrong month or language
// never costs a database start. Pure: argv in, options or a usage error out.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const BRIEF_USAGE = `Usage: npm run brief -- [--anchor <id>] [--chain <id>] [--as-of <YYYY-MM>] [--out <file.pdf>] [--lang zh|en]
  Renders the one-page recruitment briefing (招商简报) of an anchor's circle, a chain, or the whole
  district (neither) to an A4 PDF: the same page as the web app's #/brief, printed by Chromium.
  --anchor <id>       an anchor's circle of friends (toutiao, fii …; list them in GraphiQL: anchors { id name })
  --chain <id>        one industry chain (chain-ai …; chains { id name })
  --as-of <YYYY-MM>   the month the briefing is taken at (default: this month)
  --out <file.pdf>    where to write it (default: briefing-<scope>-<month>.pdf in the current folder)
  --lang zh|en        Chinese (default) or English
  --targets <1-8>     how many recruitment targets (default 5)
  --help, -h          this text
Database: NEO4J_URI (or .env), else the embedded Neo4j in NEO4J_DATA_DIR (default .data/neo4j) —
started for the run, or, while \`npm start\` holds it, reached through its Bolt port.
Web app: web/dist, built first when missing (BRIEF_WEB_DIST: a build elsewhere).
Browser: /usr/bin/chromium (CHROMIUM_PATH overrides). Progress goes to stderr; the PDF's path to stdout.
Exit codes: 0 written, 1 failed (database, web build, browser), 2 usage (bad argument, unknown anchor or chain).`;

export class BriefUsageError extends Error {
  override name = 'BriefUsageError';
}

export interface BriefArgs {
  anchor: string | null;
  chain: string | null;
  asOf: string;
  lang: 'zh' | 'en';
  targets: number;
  /** Absolute path of the PDF. */
  out: string;
  help: boolean;
}

const ID = z.string().regex(/^[\w.:-]{1,120}$/, 'must be an id like toutiao or chain-ai (letters, digits, _ . : -)');
const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, like 2020-04');
const LANG = z.enum(['zh', 'en'], { error: 'must be zh or en' });
const TARGETS = z.coerce.number().int().min(1).max(8, 'must be from 1 to 8');

function check<T>(schema: z.ZodType<T>, flag: string, value: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new BriefUsageError(`--${flag} ${JSON.stringify(value)}: ${r.error.issues[0]?.message ?? 'invalid'}.`);
  return r.data;
}

/**
 * `cwd`: where a relative --out is resolved — the folder the user typed the command in (npm runs
 * scripts from the repository root and passes the user's folder as INIT_CWD). `now`: this month.
 */
export function parseBriefArgs(argv: string[], { cwd, now }: { cwd: string; now: Date }): BriefArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        anchor: { type: 'string' },
        chain: { type: 'string' },
        'as-of': { type: 'string' },
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        targets: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new BriefUsageError((e as Error).message, { cause: e });
  }
  const anchor = values.anchor === undefined ? null : check(ID, 'anchor', values.anchor);
  const chain = values.chain === undefined ? null : check(ID, 'chain', values.chain);
  const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const asOf = values['as-of'] === undefined ? thisMonth : check(MONTH, 'as-of', values['as-of']);
  const lang = values.lang === undefined ? 'zh' : check(LANG, 'lang', values.lang);
  const targets = values.targets === undefined ? 5 : check(TARGETS, 'targets', values.targets);
  const scope = [anchor, chain].filter((x): x is string => x !== null).join('-') || 'district';
  const out = path.resolve(cwd, values.out ?? `briefing-${scope}-${asOf}${lang === 'en' ? '-en' : ''}.pdf`);
  if (!out.toLowerCase().endsWith('.pdf')) throw new BriefUsageError(`--out ${JSON.stringify(values.out)}: the briefing is a PDF; name the file *.pdf.`);
  return { anchor, chain, asOf, lang, targets, out, help: values.help === true };
}

/** The web app's route for these arguments (web/src/brief/briefParams.ts reads it). */
export function briefRoute(a: Pick<BriefArgs, 'anchor' | 'chain' | 'asOf' | 'lang' | 'targets'>): string {
  const q = new URLSearchParams();
  if (a.anchor) q.set('anchor', a.anchor);
  if (a.chain) q.set('chain', a.chain);
  q.set('asOf', a.asOf);
  q.set('lang', a.lang);
  if (a.targets !== 5) q.set('targets', String(a.targets));
  return `#/brief?${q.toString()}`;
}
