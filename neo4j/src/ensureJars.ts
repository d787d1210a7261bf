import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The folder of `neo4j/pom.xml`; jars land in `runtime/lib` beside it (git-ignored). */
export const NEO4J_PKG_DIR = path.resolve(here, '..');
export const NEO4J_LIB_DIR = path.join(NEO4J_PKG_DIR, 'runtime', 'lib');

export class RuntimeMissingError extends Error {
  override name = 'RuntimeMissingError';
}

function hasCommand(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

export function javaMajorVersion(javaBin = 'java'): number | null {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr ?? '');
  if (!m?.[1]) return null;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

/** True when every jar the server needs is present. */
export function jarsPresent(): boolean {
  return existsSync(NEO4J_LIB_DIR) && readdirSync(NEO4J_LIB_DIR).some((f) => /^neo4j-server-5\.26\.\d+\.jar$/.test(f));
}

/**
 * Resolves Neo4j Community 5.26's jars from Maven Central with `mvn dependency:copy-dependencies`
 * (maven-dependency-plugin 3.x pinned in pom.xml: Maven 3.8's default plugin is too old).
 * Runs once; later starts find the jars and return at once.
 */
export async function ensureJars(log: (line: string) => void = (l) => console.log(l)): Promise<void> {
  const java = javaMajorVersion();
  if (java === null) {
    throw new RuntimeMissingError(
      'Java was not found. The embedded Neo4j 5.26 needs Java 17 or newer on PATH (Debian: apt-get install openjdk-17-jre-headless), ' +
        'or set NEO4J_URI to use a Neo4j you run yourself.',
    );
  }
  if (java < 17) {
    throw new RuntimeMissingError(`Java ${java} found, but Neo4j 5.26 needs Java 17 or newer. Install a JDK 17+ or set NEO4J_URI.`);
  }
  if (jarsPresent()) return;
  if (!hasCommand('mvn', ['-v'])) {
    throw new RuntimeMissingError(
      'Maven (mvn) was not found. The first start fetches the Neo4j jars from Maven Central with it ' +
        '(Debian: apt-get install maven), or set NEO4J_URI to use a Neo4j you run yourself.',
    );
  }
  log('[neo4j] first start: fetching Neo4j Community 5.26 jars from Maven Central (about 120 MB, once) …');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      'mvn',
      ['-B', '-ntp', 'dependency:copy-dependencies', `-DoutputDirectory=${NEO4J_LIB_DIR}`, '-DincludeScope=runtime'],
      { cwd: NEO4J_PKG_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let copied = 0;
    let tail = '';
    const onData = (buf: Buffer): void => {
      const text = buf.toString();
      tail = (tail + text).slice(-4000);
      const n = (text.match(/Copying /g) ?? []).length;
      if (n > 0) {
        copied += n;
        if (copied % 25 < n) log(`[neo4j] … ${copied} jars copied`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && jarsPresent()) {
        log(`[neo4j] jars ready (${readdirSync(NEO4J_LIB_DIR).length} files in ${NEO4J_LIB_DIR})`);
        resolve();
      } else {
        reject(new RuntimeMissingError(`Maven could not resolve the Neo4j jars (exit ${code}). Last output:\n${tail}`));
      }
    });
  });
}
