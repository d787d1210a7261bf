// Who decided a placement and when: the Change record confirmPlacement writes to the audit trail
// (`action: confirmPlacement`, `detail`: the arguments as JSON), the newest for the firm.
import type { RecentChangesQuery } from '../data/generated/graphql.ts';

export interface DecisionRecord {
  actor: string;
  at: string;
}

type Change = RecentChangesQuery['changes'][number];

export function decisionRecord(changes: readonly Change[], enterpriseId: string): DecisionRecord | null {
  for (const c of changes) {
    if (c.action !== 'confirmPlacement') continue;
    let detail: unknown;
    try {
      detail = JSON.parse(c.detail);
    } catch {
      continue; // not ours to read: the trail keeps what each write recorded
    }
    if (detail !== null && typeof detail === 'object' && (detail as { enterpriseId?: unknown }).enterpriseId === enterpriseId) return { actor: c.actor, at: c.at };
  }
  return null;
}
