import { randomUUID } from 'node:crypto';
import type { RegistryCounts, RegistryProblem } from '@cangshan/seed';

/** RegistryImportState of registry.graphql. */
export type JobState = 'READING' | 'WRITING' | 'DONE' | 'FAILED';

/** RegistryImportJob of registry.graphql, as the table holds it. */
export interface RegistryJob {
  id: string;
  state: JobState;
  done: number;
  total: number;
  phase: string;
  counts: RegistryCounts | null;
  error: string | null;
  problems: RegistryProblem[];
  startedAt: string;
  finishedAt: string | null;
}

/** How long a finished job can still be asked about. */
export const JOB_KEPT_MS = 60 * 60_000;
/** Finished jobs beyond this many go first, whatever their age (a busy server's memory). */
const MAX_FINISHED = 200;

export type JobUpdate = Partial<Omit<RegistryJob, 'id' | 'startedAt'>>;

/**
 * The server's import jobs, in memory: a job is asked about by the web app's progress bar for a
 * few minutes, and a restart forgets it (registryImportJob then answers null, as the contract
 * says). Jobs run one after another: each plans against what the one before wrote.
 */
export class RegistryJobs {
  private readonly jobs = new Map<string, RegistryJob>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Creates a job and runs `work` once the jobs before it are over, after the caller has
   * returned. `work` reports through `update`; what it throws fails the job with that message.
   */
  start(work: (update: (u: JobUpdate) => void) => Promise<void>, phase: string): RegistryJob {
    this.prune();
    const job: RegistryJob = { id: randomUUID(), state: 'READING', done: 0, total: 0, phase, counts: null, error: null, problems: [], startedAt: new Date(this.now()).toISOString(), finishedAt: null };
    this.jobs.set(job.id, job);
    const update = (u: JobUpdate): void => {
      Object.assign(job, u);
      if ((u.state === 'DONE' || u.state === 'FAILED') && job.finishedAt === null) job.finishedAt = new Date(this.now()).toISOString();
    };
    const run = async (): Promise<void> => {
      try {
        await work(update);
        if (job.state !== 'FAILED') update({ state: 'DONE', done: job.total, phase: 'done' });
      } catch (err) {
        update({ state: 'FAILED', phase: 'failed: nothing was written', error: err instanceof Error ? err.message : String(err) });
      }
    };
    this.queue = this.queue.then(() => new Promise<void>((resolve) => setImmediate(() => void run().then(resolve))));
    return { ...job };
  }

  get(id: string): RegistryJob | null {
    this.prune();
    const job = this.jobs.get(id);
    return job ? { ...job } : null;
  }

  private prune(): void {
    const t = this.now();
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    for (const j of finished) if (t - Date.parse(j.finishedAt as string) > JOB_KEPT_MS) this.jobs.delete(j.id);
    const left = finished.filter((j) => this.jobs.has(j.id));
    for (const j of left.slice(0, Math.max(0, left.length - MAX_FINISHED))) this.jobs.delete(j.id);
  }
}

/** The server's jobs (one table for the process: the API runs one server per process, tests several against one database). */
export const registryJobs = new RegistryJobs();
