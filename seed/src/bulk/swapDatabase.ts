import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The two folders of a database: its store and its transaction logs. */
export interface StorePaths {
  databases: string;
  transactions: string;
}

/** The embedded server's database `neo4j` in its instance folder (neo4jConf.ts: server.directories.data). */
export function liveStore(home: string): StorePaths {
  return { databases: path.join(home, 'data', 'databases', 'neo4j'), transactions: path.join(home, 'data', 'transactions', 'neo4j') };
}

const PATHS = z.object({ databases: z.string(), transactions: z.string() });
const JOURNAL = z.object({ phase: z.enum(['moving-old', 'moving-new', 'swapped']), side: PATHS, backup: PATHS });
type Journal = z.infer<typeof JOURNAL>;

const journalFile = (home: string): string => path.join(home, 'bulk-swap.json');
const KINDS = ['databases', 'transactions'] as const;

function writeJournal(home: string, j: Journal): void {
  const tmp = `${journalFile(home)}.tmp`;
  writeFileSync(tmp, JSON.stringify(j));
  renameSync(tmp, journalFile(home));
}

/** Moves `from` to `to` when `from` exists and `to` does not (each step of a swap, and of its undoing, may be repeated). */
function move(from: string, to: string): void {
  if (!existsSync(from) || existsSync(to)) return;
  mkdirSync(path.dirname(to), { recursive: true });
  renameSync(from, to);
}

/**
 * Puts the imported database (`side`, in the same file system) in place of the server's, with the
 * server stopped: the old store and logs go to `backup`, the new ones into their place, each a
 * rename. A journal (bulk-swap.json in the instance folder) records how far it got, so that a swap
 * cut short — the process killed between two renames — is undone by recoverBulkSwap.
 */
export function swapIn(home: string, side: StorePaths, backup: StorePaths): void {
  const live = liveStore(home);
  writeJournal(home, { phase: 'moving-old', side, backup });
  for (const k of KINDS) move(live[k], backup[k]);
  writeJournal(home, { phase: 'moving-new', side, backup });
  for (const k of KINDS) move(side[k], live[k]);
  writeJournal(home, { phase: 'swapped', side, backup });
}

/** Undoes a swap (the server stopped): the imported database back to `side`, the old one back in place. */
export function swapBack(home: string): void {
  const j = readJournal(home);
  if (!j) return;
  const live = liveStore(home);
  if (j.phase !== 'moving-old') for (const k of KINDS) move(live[k], j.side[k]);
  for (const k of KINDS) move(j.backup[k], live[k]);
  rmSync(journalFile(home), { force: true });
}

/** The swap is kept: the journal goes, and the old database with it. */
export function commitSwap(home: string): void {
  const j = readJournal(home);
  if (!j) return;
  for (const k of KINDS) rmSync(j.backup[k], { recursive: true, force: true });
  rmSync(journalFile(home), { force: true });
}

function readJournal(home: string): Journal | null {
  if (!existsSync(journalFile(home))) return null;
  return JOURNAL.parse(JSON.parse(readFileSync(journalFile(home), 'utf8')));
}

/**
 * What a bulk import killed during its swap left, set right before the server starts again: a
 * swap that had not moved every folder is undone (the old database is back), one that had is kept
 * (the imported database was complete before the swap began; the schema is applied at every start).
 * Returns what it did.
 */
export function recoverBulkSwap(home: string): 'none' | 'rolled-back' | 'kept' {
  const j = readJournal(home);
  if (!j) return 'none';
  if (j.phase === 'swapped') {
    commitSwap(home);
    return 'kept';
  }
  swapBack(home);
  return 'rolled-back';
}
