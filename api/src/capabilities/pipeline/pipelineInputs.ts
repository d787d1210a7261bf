import { z } from 'zod';
import { isoDate } from '../mutations/writeInputs.ts';
import { PIPELINE_STAGES } from './pipelineStages.ts';

/** A due date: an ISO date at any precision ("2026", "2026-05", "2026-05-20"), like every date of the API. */
const dueOn = z.string().trim().pipe(isoDate);

/** Free text, trimmed; blank is the same as none (null). */
const text = (max: number) =>
  z
    .string()
    .max(max * 4) // before trimming: a field of blanks is refused for its size, not stored
    .transform((s) => s.trim())
    .pipe(z.string().max(max))
    .transform((s) => (s === '' ? null : s));

export const TEAM_MAX = 80;
export const NOTE_MAX = 2000;

const stage = z.enum(PIPELINE_STAGES);

export const addInputSchema = z.object({
  enterpriseId: z.string().min(1).max(200),
  stage: stage.nullish().transform((s) => s ?? 'TO_CONTACT'),
  team: text(TEAM_MAX).nullish(),
  note: text(NOTE_MAX).nullish(),
  dueOn: dueOn.nullish(),
});

/** Omitted (undefined) keeps a field, null clears it; the stage cannot be cleared. */
export const updateInputSchema = z
  .object({
    stage: stage.nullable().optional(),
    team: text(TEAM_MAX).nullable().optional(),
    note: text(NOTE_MAX).nullable().optional(),
    dueOn: dueOn.nullable().optional(),
  })
  .refine((p) => p.stage !== null, { message: 'cannot be cleared: every entry has a stage', path: ['stage'] })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'names nothing to change: give stage, team, note or dueOn' });

export type AddInput = z.infer<typeof addInputSchema>;
export type UpdateInput = z.infer<typeof updateInputSchema>;
