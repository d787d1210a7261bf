// Golden Cypher of the pipeline (no database): the list's shape and the one statement every write
// path runs when a firm lands; and the SDL's PipelineStage against the model's list.
import { describe, expect, it } from 'vitest';
import { GraphQLEnumType } from 'graphql';
import { PIPELINE_STAGES } from '@cangshan/model';
import { buildApiSchema } from '../../../schema/buildApiSchema.ts';
import { followLandingStatement } from '../followLanding.ts';
import { buildPipelineQuery } from '../pipelineCypher.ts';

describe('pipeline Cypher', () => {
  it('lists entries by stage order, soonest due date, then when added; filters are parameters', () => {
    const q = buildPipelineQuery({ stage: 'SIGNED', team: '招商一组', first: 50 });
    expect(q.params).toEqual({ stage: 'SIGNED', team: '招商一组', first: 50 });
    expect(q.cypher.split('\n').slice(0, 5)).toMatchInlineSnapshot(`
      [
        "MATCH (p:PipelineEntry)",
        "WHERE ($stage IS NULL OR p.stage = $stage) AND ($team IS NULL OR p.team = $team)",
        "MATCH (e:Enterprise {id: p.enterpriseId})",
        "WITH p, e ORDER BY CASE p.stage WHEN 'TO_CONTACT' THEN 0 WHEN 'CONTACTED' THEN 1 WHEN 'VISITED' THEN 2 WHEN 'SIGNED' THEN 3 WHEN 'LANDED' THEN 4 WHEN 'DROPPED' THEN 5 ELSE 6 END, p.dueBy IS NULL, p.dueBy, p.createdAt, p.id",
        "LIMIT $first",
      ]
    `);
  });

  it('moves every entry whose firm is in the district today to LANDED, with an automatic change', () => {
    const s = followLandingStatement('system: importDataSet (lead)', '2026-11-30');
    expect(s.params).toEqual({ by: 'system: importDataSet (lead)', today: '2026-11-30' });
    expect(s.cypher).toMatchInlineSnapshot(`
      "MATCH (p:PipelineEntry) WHERE p.stage <> 'LANDED'
      MATCH (e:Enterprise {id: p.enterpriseId})
      WHERE ($today IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $today AND (e.leftOn IS NULL OR e.leftOn > $today)))
      SET p._lock = true REMOVE p._lock
      WITH p WHERE p.stage <> 'LANDED'
      WITH p, p.stage AS fromStage, toString(datetime()) AS now
      SET p.stage = 'LANDED', p.stageSince = now, p.updatedAt = now, p.updatedBy = $by, p.changeCount = coalesce(p.changeCount, 0) + 1
      CREATE (:PipelineChange {entryId: p.id, seq: p.changeCount, at: now, by: $by, stage: p.stage, fromStage: fromStage, team: p.team, note: p.note, dueOn: p.dueOn, automatic: true})
      RETURN count(p) AS moved"
    `);
  });

  it('has the model’s stages in the SDL, in order', () => {
    const e = buildApiSchema().getType('PipelineStage');
    expect(e).toBeInstanceOf(GraphQLEnumType);
    expect((e as GraphQLEnumType).getValues().map((v) => v.name)).toEqual([...PIPELINE_STAGES]);
  });
});
