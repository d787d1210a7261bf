import { randomUUID } from 'node:crypto';
import { endOfPeriod } from '@cangshan/model';
import type { Context } from '../../context/index.ts';
import { ApiError, badInput, ErrorCode, notFound } from '../../errors/index.ts';
import { idArg, intArg } from '../args.ts';
import { parseInput } from '../mutations/writeInputs.ts';
import { requireRole } from '../mutations/requireRole.ts';
import { todayIso } from './followLanding.ts';
import { pipelineFile, type ExportFormat, type ExportLanguage } from './pipelineExport.ts';
import { ADD_ENTRY, buildPipelineQuery, ENTRIES_BY_ID, ENTRY_FOR_UPDATE, FIRM_FOR_ADD, UPDATE_ENTRY } from './pipelineCypher.ts';
import { addInputSchema, TEAM_MAX, updateInputSchema } from './pipelineInputs.ts';
import { pipelineLoaders } from './pipelineLoaders.ts';
import { pipelineWrite } from './pipelineWrite.ts';
import { LANDED, type PipelineStage } from './pipelineStages.ts';
import { stageDates, toEntry, type PipelineEntryOut } from './toEntry.ts';

/** The largest `pipeline(first)`: a district follows tens to hundreds of firms at once. */
export const MAX_PIPELINE = 1000;
/** The largest `history(last)`. */
export const MAX_HISTORY = 200;

interface ListArgs {
  stage?: PipelineStage | null;
  team?: string | null;
  first?: number | null;
}

/** The list arguments as the query takes them; a team filter longer than any team is the caller's mistake. */
function listArgs(args: ListArgs): { stage: PipelineStage | null; team: string | null; first: number } {
  if (args.team != null && args.team.length > TEAM_MAX) throw badInput('team', `\`team\` is at most ${TEAM_MAX} characters, as every team's name.`);
  return { stage: args.stage ?? null, team: args.team?.trim() || null, first: intArg('first', args.first ?? MAX_PIPELINE, 1, MAX_PIPELINE, 'MAX_PIPELINE') };
}

async function readList(ctx: Context, args: ListArgs): Promise<PipelineEntryOut[]> {
  const q = buildPipelineQuery(listArgs(args));
  return (await ctx.read(q.cypher, q.params)).map(toEntry);
}

async function readEntry(ctx: Context, id: string): Promise<PipelineEntryOut | null> {
  const [row] = await ctx.read(ENTRIES_BY_ID, { ids: [id] });
  return row ? toEntry(row) : null;
}

const inDistrictError = (argument: string, name: string, landedOn: unknown): ApiError =>
  badInput(argument, `${name} is in the district already (landed ${String(landedOn)}): its entry stays LANDED. Correct the firm's landedOn (updateEnterprise) if the landing is wrong.`);

export const pipelineResolvers = {
  Query: {
    pipeline: (_: unknown, args: ListArgs, ctx: Context) => readList(ctx, args),
    pipelineEntry: (_: unknown, args: { id: string }, ctx: Context) => readEntry(ctx, idArg('id', args.id)),
    pipelineExport: async (_: unknown, args: ListArgs & { format?: ExportFormat | null; language?: ExportLanguage | null }, ctx: Context) => {
      const entries = await readList(ctx, args);
      const histories = await pipelineLoaders(ctx).history.loadMany(entries.map((e) => e.id));
      const last = new Map(entries.flatMap((e, i) => {
        const h = histories[i];
        return Array.isArray(h) && h[0] ? [[e.id, h[0]] as const] : [];
      }));
      return pipelineFile(entries, last, { format: args.format ?? 'XLSX', language: args.language ?? 'ZH', today: todayIso() });
    },
  },
  Mutation: {
    addToPipeline: async (_: unknown, args: { input: unknown }, ctx: Context) => {
      requireRole(ctx, 'editor', 'addToPipeline');
      const input = parseInput(addInputSchema, args.input, 'input');
      const today = todayIso();
      return pipelineWrite(ctx, 'addToPipeline', input, async (tx) => {
        const [firm] = await tx.run(FIRM_FOR_ADD, { enterpriseId: input.enterpriseId, today });
        if (!firm) throw notFound('input.enterpriseId', `No enterprise has id ${JSON.stringify(input.enterpriseId)}; nothing was written.`);
        if (firm.entryId) {
          throw new ApiError(`${input.enterpriseId} is on the pipeline already (entry ${String(firm.entryId)}); change its entry with updatePipelineEntry.`, {
            code: ErrorCode.CONFLICT,
            argument: 'input.enterpriseId',
            extra: { entryId: firm.entryId },
          });
        }
        if (firm.inDistrict === true) {
          throw badInput('input.enterpriseId', `${input.enterpriseId} is in the district already (landed ${String(firm.landedOn)}): the pipeline follows firms still to be recruited.`);
        }
        const [row] = await tx.run(ADD_ENTRY, { id: `pl-${randomUUID()}`, enterpriseId: input.enterpriseId, stage: input.stage, team: input.team ?? null, note: input.note ?? null, dueOn: input.dueOn ?? null, dueBy: endOfPeriod(input.dueOn), actor: ctx.auth.actor, fromStage: null });
        if (!row) throw notFound('input.enterpriseId', `No enterprise has id ${JSON.stringify(input.enterpriseId)}; nothing was written.`);
        return toEntry(row);
      });
    },
    updatePipelineEntry: async (_: unknown, args: { id: string; input: unknown }, ctx: Context) => {
      requireRole(ctx, 'editor', 'updatePipelineEntry');
      const id = idArg('id', args.id);
      const patch = parseInput(updateInputSchema, args.input, 'input');
      const today = todayIso();
      return pipelineWrite(ctx, 'updatePipelineEntry', { id, ...patch }, async (tx) => {
        const [cur] = await tx.run(ENTRY_FOR_UPDATE, { id, today });
        if (!cur || !cur.firmExists) throw notFound('id', `No pipeline entry has id ${JSON.stringify(id)}.`);
        const entry = cur.entry as Record<string, unknown>;
        const fromStage = entry.stage as PipelineStage;
        const stage = patch.stage ?? fromStage;
        if (cur.inDistrict === true && stage !== LANDED) throw inDistrictError('input.stage', String(entry.enterpriseId), cur.landedOn);
        const dueBy = patch.dueOn === undefined ? undefined : endOfPeriod(patch.dueOn);
        const props = Object.fromEntries(Object.entries({ stage: patch.stage, team: patch.team, note: patch.note, dueOn: patch.dueOn, dueBy }).filter(([, v]) => v !== undefined));
        const [row] = await tx.run(UPDATE_ENTRY, { id, props, actor: ctx.auth.actor, stageChanged: stage !== fromStage, fromStage });
        if (!row) throw notFound('id', `No pipeline entry has id ${JSON.stringify(id)}.`);
        return toEntry(row);
      });
    },
  },
  PipelineEntry: {
    history: async (entry: PipelineEntryOut, args: { last?: number | null }, ctx: Context) => {
      const last = intArg('last', args.last ?? 50, 1, MAX_HISTORY, 'MAX_HISTORY');
      return (await pipelineLoaders(ctx).history.load(entry.id)).slice(0, last);
    },
    stageDates: async (entry: PipelineEntryOut, _: unknown, ctx: Context) => stageDates(await pipelineLoaders(ctx).history.load(entry.id)),
  },
  RecruitmentTarget: {
    pipeline: (target: { enterprise: { id: string } }, _: unknown, ctx: Context) => pipelineLoaders(ctx).byEnterprise.load(target.enterprise.id),
  },
};
