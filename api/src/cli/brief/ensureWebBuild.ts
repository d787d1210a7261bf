// The briefing is the web app's page, so the PDF needs the built web app (web/dist). Missing, or
// built before the briefing existed: build it (≈ 20 s). Older than the web's sources: say so and
// use it — rebuilding under a running `npm start` or a test would pull the files from under them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@cangshan/neo4j';

export class WebBuildError extends Error {
  override name = 'WebBuildError';
}

/** Newest modification time under `dir` (ms), 0 when it is empty or absent. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/** Vite names a lazy chunk after its module: the briefing's is BriefPage-<hash>.js. */
const hasBriefing = (dist: string): boolean => existsSync(path.join(dist, 'assets')) && readdirSync(path.join(dist, 'assets')).some((f) => /^BriefPage-.*\.js$/.test(f));

/** `canBuild`: false for a build elsewhere (BRIEF_WEB_DIST), which `npm run build` does not write. */
export function ensureWebBuild(dist: string, log: (line: string) => void, canBuild: boolean): void {
  const index = path.join(dist, 'index.html');
  if (existsSync(index) && hasBriefing(dist)) {
    if (newest(path.join(REPO_ROOT, 'web', 'src')) > statSync(index).mtimeMs) {
      const rel = path.relative(REPO_ROOT, dist);
      log(`[brief] note: ${rel.startsWith('..') ? dist : rel} is older than web/src; run \`npm run build -w @cangshan/web\` if you changed the web app`);
    }
    return;
  }
  const why = existsSync(index) ? `the web build in ${dist} predates the briefing page` : `no web build in ${dist}`;
  if (!canBuild) throw new WebBuildError(`${why}: build the web app there, or unset BRIEF_WEB_DIST to use web/dist.`);
  log(`[brief] ${why}: building it (npm run build -w @cangshan/web)`);
  const r = spawnSync('npm', ['run', 'build', '-w', '@cangshan/web'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 || !hasBriefing(dist)) {
    throw new WebBuildError(`building the web app failed (exit ${r.status ?? r.signal}):\n${(r.stderr || r.stdout || '').trim().split('\n').slice(-15).join('\n')}`);
  }
  log('[brief] web app built');
}
