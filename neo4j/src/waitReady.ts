import neo4j from 'neo4j-driver';

export interface WaitOptions {
  timeoutMs: number;
  user?: string;
  password?: string;
  /** Lets the caller stop waiting at once when the server process has died. */
  isDead?: () => boolean;
}

/**
 * Waits until a real `RETURN 1` succeeds. Bolt accepts connections before the database is
 * online, so an open port is not readiness (Neo4j Operations Manual, "Wait for Neo4j to start").
 */
export async function waitForBolt(uri: string, opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  const auth = opts.user ? neo4j.auth.basic(opts.user, opts.password ?? '') : undefined;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    if (opts.isDead?.()) throw new Error('the Neo4j process exited during start-up');
    const driver = neo4j.driver(uri, auth, { connectionTimeout: 2_000, maxConnectionPoolSize: 1 });
    try {
      const res = await driver.executeQuery('RETURN 1 AS one');
      if (res.records[0]?.get('one')?.toNumber?.() === 1) return;
    } catch (err) {
      lastError = err;
    } finally {
      await driver.close();
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer to RETURN 1 within ${opts.timeoutMs} ms: ${String((lastError as Error | null)?.message ?? lastError)}`);
}
