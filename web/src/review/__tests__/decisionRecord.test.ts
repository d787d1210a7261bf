import { describe, expect, it } from 'vitest';
import { decisionRecord } from '../decisionRecord.ts';

const change = (action: string, detail: string, actor = '区经信局 王规划', at = '2026-11-30T08:00:00.000Z') => ({ action, detail, actor, at });

describe("a placement decision's record in the audit trail", () => {
  it('is the newest confirmPlacement of that firm', () => {
    const trail = [
      change('confirmPlacement', JSON.stringify({ enterpriseId: 'other', segmentId: null })),
      change('confirmPlacement', JSON.stringify({ enterpriseId: 'reg-yuntu', segmentId: 'seg-ai-data' }), 'editor:3f9a1c0b', '2026-11-30T09:00:00.000Z'),
      change('confirmPlacement', JSON.stringify({ enterpriseId: 'reg-yuntu', segmentId: null }), 'someone earlier', '2026-11-29T09:00:00.000Z'),
    ];
    expect(decisionRecord(trail, 'reg-yuntu')).toEqual({ actor: 'editor:3f9a1c0b', at: '2026-11-30T09:00:00.000Z' });
  });
  it('is none when the trail does not have it; other writes and unreadable details are passed over', () => {
    const trail = [change('updateEnterprise', JSON.stringify({ enterpriseId: 'reg-yuntu' })), change('confirmPlacement', '{not json')];
    expect(decisionRecord(trail, 'reg-yuntu')).toBeNull();
  });
});
