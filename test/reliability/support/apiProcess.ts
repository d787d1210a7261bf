import { freePort } from '@cangshan/neo4j';
import { spawnTsx, type Child } from './child.ts';
import { REL_ENV } from './apiEnv.ts';

export interface ApiProcess {
  child: Child;
  url: string;
  port: number;
}

/**
 * The real server entry point (`tsx api/src/main.ts`, what `npm start` runs) as a child process, so
 * tests can measure its memory and send it signals. With `neo4jUri` it uses that database and
 * starts none; otherwise it starts its own embedded Neo4j with `env`'s NEO4J_DATA_DIR / NEO4J_BOLT_PORT.
 */
export async function startApiProcess(opts: { neo4jUri?: string; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawnTsx('api/src/main.ts', [], {
    ...REL_ENV,
    PORT: String(port),
    ...(opts.neo4jUri ? { NEO4J_URI: opts.neo4jUri } : {}),
    ...opts.env,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 120_000);
  for (;;) {
    try {
      const r = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) throw new Error(`api/src/main.ts exited early:\n${child.output().slice(-3000)}`);
    if (Date.now() > deadline) {
      child.proc.kill('SIGKILL');
      throw new Error(`api/src/main.ts not ready within ${opts.readyTimeoutMs ?? 120_000} ms:\n${child.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { child, url, port };
}
