// The read path's circuit breaker against a real Neo4j (the test run's) and a port where nothing
// listens: a slow read alone never opens it; a refused probe does, and then reads in flight and new
// ones fail with DATABASE_UNAVAILABLE without waiting; the first answer closes it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, freePort } from '@cangshan/neo4j';
import { testDb } from '@cangshan/neo4j/testing';
import { ApiError } from '../../errors/index.ts';
import { DatabaseHealth } from '../databaseHealth.ts';

/** A read that never answers, as one against a server that hangs. */
const never = (): Promise<never> => new Promise<never>(() => undefined);
const codeOf = (err: unknown): unknown => (err instanceof ApiError ? err.code : err);

describe('the circuit breaker of the read path', () => {
  let db: Db;
  let dead: Db;
  beforeAll(async () => {
    db = testDb();
    dead = Db.open(`bolt://127.0.0.1:${await freePort()}`);
  });
  afterAll(async () => {
    await db.close();
    await dead.close();
  });

  it('stays closed for a slow read when the server answers its probe', async () => {
    const health = new DatabaseHealth(db);
    const slow = await health.guard(() => new Promise<string>((r) => setTimeout(() => r('done'), 400)), { suspectAfterMs: 20 });
    expect(slow).toBe('done');
    expect(health.down).toBe(false);
  });

  it('opens when the probe is refused: the read waiting fails, the next is refused before it starts', async () => {
    const health = new DatabaseHealth(dead);
    await expect(health.guard(never, { suspectAfterMs: 20 }).catch(codeOf)).resolves.toBe('DATABASE_UNAVAILABLE');
    expect(health.down).toBe(true);
    let started = false;
    const refused = await health
      .guard(async () => {
        started = true;
        return 1;
      })
      .catch(codeOf);
    expect(refused).toBe('DATABASE_UNAVAILABLE');
    expect(started).toBe(false);
  });

  it('fails reads in flight when it opens, and closes at the first answer', async () => {
    const health = new DatabaseHealth(db);
    const changes: boolean[] = [];
    health.onChange((c) => changes.push(c.down));
    const inFlight = health.guard(never, { suspectAfterMs: 60_000 }).catch(codeOf);
    health.markDown('told so');
    expect(await inFlight).toBe('DATABASE_UNAVAILABLE');
    // The server answers: the retry probe closes the circuit, and reads go through again.
    while (health.down) await new Promise((r) => setTimeout(r, 50));
    expect(changes).toEqual([true, false]);
    expect(await health.guard(() => db.read('RETURN 1 AS one'))).toEqual([{ one: 1 }]);
  });
});
