/**
 * Runs `start` with `vars` set in this process's environment, then restores it. The API reads
 * GRAPHQL_EXPENSIVE_CONCURRENCY and MEMORY_GUARD_MB from the process's environment when a server
 * starts (api/src/http/concurrency.ts), not from the `env` given to startServer.
 */
export async function withProcessEnv<T>(vars: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await start();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
