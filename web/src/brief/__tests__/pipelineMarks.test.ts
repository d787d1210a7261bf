import { describe, expect, it } from 'vitest';
import type { BriefPipelineEntry } from '../briefQueries.ts';
import { summarisePipeline } from '../pipelineMarks.ts';

const entry = (id: string, name: string, stage: BriefPipelineEntry['stage'], dueOn: string | null, team: string | null = '招商一组'): BriefPipelineEntry => ({
  id: `p-${id}`, stage, team, dueOn, stageSince: '2026-05-02T08:00:00Z', updatedAt: '2026-05-02T08:00:00Z', enterprise: { id, name, nameEn: null },
});

describe('the pipeline on the briefing', () => {
  const entries = [
    entry('baidu', '百度', 'CONTACTED', '2026-06'),
    entry('didi', '滴滴出行', 'VISITED', '2026-05-20'),
    entry('bytedance', '字节跳动', 'SIGNED', null, null),
    entry('foxconn', '鸿海精密', 'DROPPED', '2026-05-01'),
    entry('kingsoft', '金山', 'LANDED', null),
  ];

  it('counts every stage in order, zeros included', () => {
    expect(summarisePipeline(entries, 3).counts).toEqual([
      { stage: 'TO_CONTACT', n: 0 },
      { stage: 'CONTACTED', n: 1 },
      { stage: 'VISITED', n: 1 },
      { stage: 'SIGNED', n: 1 },
      { stage: 'LANDED', n: 1 },
      { stage: 'DROPPED', n: 1 },
    ]);
  });

  it('lists the open entries soonest due first, undated last, and marks each firm', () => {
    const s = summarisePipeline(entries, 3);
    expect(s.next.map((e) => e.enterprise.id)).toEqual(['didi', 'baidu', 'bytedance']);
    expect(s.byFirm.get('bytedance')).toEqual({ stage: 'SIGNED', team: null, dueOn: null });
    expect(summarisePipeline(entries, 1).next).toHaveLength(1);
    expect(s.total).toBe(5);
  });
});
