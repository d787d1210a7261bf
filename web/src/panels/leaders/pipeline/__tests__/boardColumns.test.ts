import { describe, expect, it } from 'vitest';
import { columns, neighbours, teamsOf } from '../boardColumns.ts';
import type { PipelineEntry } from '../pipelineQueries.ts';

const entry = (id: string, stage: PipelineEntry['stage'], dueOn: string | null, team: string | null = null): PipelineEntry => ({
  id, stage, team, note: null, dueOn, stageSince: `2026-11-0${id.length}T00:00:00Z`, createdAt: '2026-11-01T00:00:00Z', createdBy: '王芳', updatedAt: '2026-11-01T00:00:00Z', updatedBy: '王芳',
  enterprise: { id, name: id, nameEn: null }, history: [],
});

describe('the board', () => {
  it('puts each entry in its stage, soonest due first, those without a date last', () => {
    const c = columns([entry('a', 'CONTACTED', null), entry('bb', 'CONTACTED', '2026-12'), entry('c', 'SIGNED', '2027-01-05'), entry('d', 'CONTACTED', '2026-12-01')], null);
    expect(c.get('CONTACTED')?.map((e) => e.id)).toEqual(['d', 'bb', 'a']);
    expect(c.get('SIGNED')?.map((e) => e.id)).toEqual(['c']);
    expect(c.get('TO_CONTACT')).toEqual([]);
    expect([...c.keys()]).toEqual(['TO_CONTACT', 'CONTACTED', 'VISITED', 'SIGNED', 'LANDED', 'DROPPED']);
  });

  it('filters by team and lists the teams', () => {
    const es = [entry('a', 'VISITED', null, '招商二组'), entry('b', 'VISITED', null, '招商一组'), entry('c', 'VISITED', null)];
    expect(columns(es, '招商一组').get('VISITED')?.map((e) => e.id)).toEqual(['b']);
    expect(teamsOf(es)).toEqual(['招商一组', '招商二组']);
  });

  it('moves along the way in; a dropped firm can be taken up again', () => {
    expect(neighbours('TO_CONTACT')).toEqual({ prev: null, next: 'CONTACTED' });
    expect(neighbours('SIGNED')).toEqual({ prev: 'VISITED', next: 'LANDED' });
    expect(neighbours('LANDED')).toEqual({ prev: 'SIGNED', next: null });
    expect(neighbours('DROPPED')).toEqual({ prev: null, next: 'TO_CONTACT' });
  });
});
