import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveStore, recoverBulkSwap, swapBack, swapIn, type StorePaths } from '../swapDatabase.ts';

// The swap's folders hold a file each, telling old from new; the swap moves folders, never files.
let home = '';
let side: StorePaths;
let backup: StorePaths;

function put(p: StorePaths, what: string): void {
  for (const dir of [p.databases, p.transactions]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'which'), what);
  }
}
const which = (p: StorePaths): [string | null, string | null] =>
  [p.databases, p.transactions].map((d) => (existsSync(path.join(d, 'which')) ? readFileSync(path.join(d, 'which'), 'utf8') : null)) as [string | null, string | null];

beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'bulk-swap-'));
  side = { databases: path.join(home, 'work', 'side', 'databases', 'neo4j'), transactions: path.join(home, 'work', 'side', 'transactions', 'neo4j') };
  backup = { databases: path.join(home, 'work', 'previous', 'databases'), transactions: path.join(home, 'work', 'previous', 'transactions') };
  put(liveStore(home), 'old');
  put(side, 'new');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('swapIn / swapBack / recoverBulkSwap', () => {
  it('puts the new store and logs in place, and swaps them back on request', () => {
    swapIn(home, side, backup);
    expect(which(liveStore(home))).toEqual(['new', 'new']);
    expect(which(backup)).toEqual(['old', 'old']);
    swapBack(home);
    expect(which(liveStore(home))).toEqual(['old', 'old']);
    expect(which(side)).toEqual(['new', 'new']);
    expect(existsSync(path.join(home, 'bulk-swap.json'))).toBe(false);
  });

  it('undoes a swap killed halfway through moving the new folders in', () => {
    swapIn(home, side, backup);
    // As if killed after the store moved in but before the logs did.
    renameSync(liveStore(home).transactions, side.transactions);
    writeFileSync(path.join(home, 'bulk-swap.json'), JSON.stringify({ phase: 'moving-new', side, backup }));
    expect(recoverBulkSwap(home)).toBe('rolled-back');
    expect(which(liveStore(home))).toEqual(['old', 'old']);
  });

  it('undoes a swap killed while moving the old folders out', () => {
    swapIn(home, side, backup);
    swapBack(home);
    // As if killed after the old store left but before its logs did.
    mkdirSync(path.dirname(backup.databases), { recursive: true });
    renameSync(liveStore(home).databases, backup.databases);
    writeFileSync(path.join(home, 'bulk-swap.json'), JSON.stringify({ phase: 'moving-old', side, backup }));
    expect(recoverBulkSwap(home)).toBe('rolled-back');
    expect(which(liveStore(home))).toEqual(['old', 'old']);
    expect(which(side)).toEqual(['new', 'new']);
  });

  it('keeps a swap that had moved everything, and drops the old folders', () => {
    swapIn(home, side, backup);
    expect(recoverBulkSwap(home)).toBe('kept');
    expect(which(liveStore(home))).toEqual(['new', 'new']);
    expect(which(backup)).toEqual([null, null]);
    expect(recoverBulkSwap(home)).toBe('none');
  });
});
