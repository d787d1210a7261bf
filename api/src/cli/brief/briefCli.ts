// npm run brief -- --anchor toutiao --as-of 2020-04 --out brief.pdf [--lang en] [--chain <id>]
// The one-page recruitment briefing (招商简报) as a PDF: the web app's #/brief page, served here
// in-process (the API and the built web app on a free loopback port, over the configured
// database: openBriefDatabase.ts) and printed by Chromium (renderBriefPdf.ts). Progress on stderr,
// the written file's path on stdout; exit codes in BRIEF_USAGE.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, REPO_ROOT, type Connection } from '@cangshan/neo4j';
import { startServer, type RunningServer } from '../../http/startServer.ts';
import { BriefDatabaseError, openBriefDatabase } from './openBriefDatabase.ts';
import { ensureWebBuild, WebBuildError } from './ensureWebBuild.ts';
import { BRIEF_USAGE, BriefUsageError, briefRoute, parseBriefArgs, type BriefArgs } from './parseBriefArgs.ts';
import { BriefRenderError, renderBriefPdf } from './renderBriefPdf.ts';
import { checkBriefScope } from './checkBriefScope.ts';

const err = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * The server is private to this run: no token, no rate limit, no request log, no background
 * planning, and a patient query deadline (nobody waits at a screen; a cold database plans the
 * recruitment queries slowly).
 */
const serverEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  HOST: '127.0.0.1',
  PORT: '0',
  API_READ_TOKEN_REQUIRED: 'false',
  RATE_LIMIT_PER_MINUTE: '0',
  GRAPHQL_EXPENSIVE_CONCURRENCY: '0',
  LOG_LEVEL: 'silent',
  WARM_PLANS: 'false',
  QUERY_TIMEOUT_MS: String(Math.max(60_000, Number(process.env.QUERY_TIMEOUT_MS) || 0)),
});

async function makeBrief(args: BriefArgs, open: { conn: Connection | null; server: RunningServer | null }): Promise<number> {
  const t0 = performance.now();
  const own = path.join(REPO_ROOT, 'web', 'dist');
  const dist = process.env.BRIEF_WEB_DIST ? path.resolve(process.env.BRIEF_WEB_DIST) : own;
  ensureWebBuild(dist, err, dist === own);
  open.conn = await openBriefDatabase(err);
  open.server = await startServer({ db: open.conn.db, port: 0, host: '127.0.0.1', webDist: dist, env: serverEnv(), log: (e) => err(`[brief] server error: ${e instanceof Error ? e.message : String(e)}`), say: err });
  const scope = await checkBriefScope(open.server.url, args);
  err(`[brief] ${scope}, as of ${args.asOf} (${args.lang})`);
  const url = new URL(briefRoute(args), open.server.url).href;
  const pdf = await renderBriefPdf(url, err);
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, pdf.bytes);
  if (pdf.pages !== 1) err(`[brief] warning: the PDF has ${pdf.pages} pages, not one: the page's fit-to-page did not hold (please report it with the command line)`);
  err(`[brief] wrote "${pdf.title}" (${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${Math.round(pdf.bytes.length / 1024)} KB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(args.out);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let args: BriefArgs;
  try {
    args = parseBriefArgs(argv, { cwd: process.env.INIT_CWD ?? process.cwd(), now: new Date() });
  } catch (e) {
    if (!(e instanceof BriefUsageError)) throw e;
    err(`✗ ${e.message}\n${BRIEF_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(BRIEF_USAGE);
    return 0;
  }
  const open: { conn: Connection | null; server: RunningServer | null } = { conn: null, server: null };
  const close = async () => {
    await open.server?.close().catch(() => undefined);
    await open.conn?.close().catch(() => undefined);
  };
  // Ctrl-C: the embedded Neo4j this run may have started is stopped too, not left behind.
  const onSignal = (signal: NodeJS.Signals) => {
    err(`[brief] ${signal}: stopping`);
    void close().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await makeBrief(args, open);
  } catch (e) {
    if (e instanceof BriefUsageError) {
      err(`✗ ${e.message}`);
      return 2;
    }
    if (e instanceof BriefDatabaseError || e instanceof WebBuildError || e instanceof BriefRenderError || e instanceof ConfigError) {
      err(`✗ ${e instanceof ConfigError ? `invalid configuration (environment or .env): ${e.message}` : e.message}`);
      return 1;
    }
    err(`✗ the briefing failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  } finally {
    await close();
  }
}

process.exitCode = await main(process.argv.slice(2));
