import neo4j from 'neo4j-driver';
import { Db, toParams, type Params, type Row } from '@cangshan/neo4j';

interface Traced {
  cypher: string;
  params: Params;
  start: number;
  end: number;
}

/**
 * A Db that records every read with when it started and ended, so a request's Cypher can be
 * replayed through the raw driver with the same shape: reads that overlapped (DataLoader batches of
 * one level) run concurrently, later levels after them.
 */
export class TracingDb extends Db {
  private trace: Traced[] | null = null;

  override async read(cypher: string, params: Params = {}, opts: { timeoutMs?: number } = {}): Promise<Row[]> {
    return this.traced(cypher, params, () => super.read(cypher, params, opts));
  }

  // The API's reader streams (Db.readStream): a trace of `read` alone captured no statement, and
  // the raw side then replayed nothing.
  override async readStream(cypher: string, params: Params = {}, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Row[]> {
    return this.traced(cypher, params, () => super.readStream(cypher, params, opts));
  }

  private async traced(cypher: string, params: Params, run: () => Promise<Row[]>): Promise<Row[]> {
    const t: Traced = { cypher, params, start: performance.now(), end: Number.POSITIVE_INFINITY };
    this.trace?.push(t);
    try {
      return await run();
    } finally {
      t.end = performance.now();
    }
  }

  /** Runs `work` and returns the reads it made, grouped into waves of overlapping reads. */
  async capture(work: () => Promise<unknown>): Promise<Wave[]> {
    this.trace = [];
    try {
      await work();
      return waves(this.trace);
    } finally {
      this.trace = null;
    }
  }
}

export type Wave = { cypher: string; params: Params }[];

function waves(trace: Traced[]): Wave[] {
  const out: Wave[] = [];
  let waveEnd = Number.NEGATIVE_INFINITY;
  for (const t of [...trace].sort((a, b) => a.start - b.start)) {
    if (t.start >= waveEnd || out.length === 0) {
      out.push([]);
      waveEnd = t.end;
    } else waveEnd = Math.max(waveEnd, t.end);
    out[out.length - 1]?.push({ cypher: t.cypher, params: t.params });
  }
  return out;
}

/**
 * The baseline "same Cypher through the raw driver": each wave's statements concurrently with
 * `driver.executeQuery` in read mode, records turned into objects — no GraphQL, no HTTP, no
 * conversion of values beyond what the driver does.
 */
export async function replayRaw(db: Db, plan: Wave[]): Promise<number> {
  let rows = 0;
  for (const wave of plan) {
    const res = await Promise.all(
      wave.map((q) => db.driver.executeQuery(q.cypher, toParams(q.params) as Params, { routing: neo4j.routing.READ, database: db.database })),
    );
    for (const r of res) rows += r.records.map((x) => x.toObject()).length;
  }
  return rows;
}
