import {
  applyRegistryImport,
  confirmPlacement,
  planRegistryImport,
  PlacementTargetMissing,
  RegistryImportRefused,
  RegistryPlanError,
  type RegistryPlan,
  type RegistryProblem,
  type UnderstoodExport,
} from '@cangshan/seed';
import type { Context } from '../../context/index.ts';
import { ApiError, badInput, ErrorCode, fromDriverError, notFound } from '../../errors/index.ts';
import { idArg, intArg } from '../args.ts';
import { requireRole } from '../mutations/requireRole.ts';
import { followLandingStatement, systemActor } from '../pipeline/followLanding.ts';
import { buildPlacementItemQuery, buildPlacementReviewQuery } from './placementReviewQuery.ts';
import { registryFile, understandFile, type RegistryFile } from './registryFile.ts';
import { registryJobs, type RegistryJob } from './registryJobs.ts';
import { firstOf, previewOf, type PreviewRow } from './registryPreview.ts';

type First = { first?: number | null };

/** Plans an upload against the database; a district that cannot be decided is the caller's to name. */
async function plan(ctx: Context, f: RegistryFile): Promise<RegistryPlan> {
  const understood = await understandFile(f);
  try {
    return await planRegistryImport(ctx.db, understood, {
      ...(f.districtId === undefined ? {} : { districtId: f.districtId }),
      full: f.full,
      holdInvalid: f.holdInvalid,
    });
  } catch (err) {
    if (err instanceof RegistryPlanError) throw badInput('file.districtId', err.message, err);
    throw fromDriverError(err);
  }
}

/** The errors that refuse an import, for a FAILED job. */
const errorsOf = (problems: readonly RegistryProblem[]): RegistryProblem[] => problems.filter((p) => p.level === 'error');

/**
 * Runs an import as a job: reads and checks against the database (READING), refuses when the
 * export has errors and the caller did not hold them (FAILED, with the problems), else writes all
 * or nothing with progress (WRITING, then DONE with the counts).
 */
function startJob(ctx: Context, f: RegistryFile, understood: UnderstoodExport): RegistryJob {
  const { db } = ctx;
  const actor = ctx.auth.actor;
  const rows = understood.counts.rows;
  return registryJobs.start(async (update) => {
    update({ phase: 'checking against the database', total: rows });
    const p = await planRegistryImport(db, understood, { ...(f.districtId === undefined ? {} : { districtId: f.districtId }), full: f.full, holdInvalid: f.holdInvalid });
    update({ done: rows });
    if (!p.importable) {
      const e = new RegistryImportRefused(p.file, p.problems);
      update({ state: 'FAILED', phase: 'refused: nothing was written', error: e.message, problems: errorsOf(p.problems), counts: p.counts });
      return;
    }
    update({ state: 'WRITING', phase: 'writing (one transaction)', done: 0, total: p.writes.nodes.length + p.writes.updates.length + p.writes.relations.length, counts: p.counts, problems: [] });
    await applyRegistryImport(db, p, {
      actor,
      onProgress: ({ done, total }) => update({ done, total }),
      // Pipeline entries of firms the export lands move to LANDED, committed with the import.
      finalStatements: [followLandingStatement(systemActor('registry import', actor))],
    });
  }, 'waiting for the imports before it');
}

export const registryResolvers = {
  Query: {
    registryImportJob: (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx, 'editor', 'registryImportJob');
      return registryJobs.get(idArg('id', args.id));
    },
    placementReview: async (_: unknown, args: { first?: number | null; offset?: number | null }, ctx: Context) => {
      requireRole(ctx, 'editor', 'placementReview');
      const first = intArg('first', args.first ?? 50, 1, 500, 'MAX_REVIEW_PAGE');
      const offset = args.offset ?? 0;
      if (!Number.isSafeInteger(offset) || offset < 0) throw badInput('offset', `\`offset\` must be an integer ≥ 0 (got ${offset}).`);
      const q = buildPlacementReviewQuery(first, offset);
      const [row] = await ctx.read(q.cypher, q.params);
      return { totalCount: row?.totalCount ?? 0, items: row?.items ?? [] };
    },
  },
  Mutation: {
    previewRegistryImport: async (_: unknown, args: { file: unknown }, ctx: Context) => {
      requireRole(ctx, 'editor', 'previewRegistryImport');
      return previewOf(await plan(ctx, registryFile(args.file)));
    },
    startRegistryImport: async (_: unknown, args: { file: unknown }, ctx: Context) => {
      requireRole(ctx, 'editor', 'startRegistryImport');
      const f = registryFile(args.file);
      // A file that cannot be read at all is the caller's error now, not a job that fails later.
      return startJob(ctx, f, await understandFile(f));
    },
    confirmPlacement: async (_: unknown, args: { enterpriseId: string; segmentId?: string | null }, ctx: Context) => {
      requireRole(ctx, 'editor', 'confirmPlacement');
      const enterpriseId = idArg('enterpriseId', args.enterpriseId);
      const segmentId = args.segmentId == null ? null : idArg('segmentId', args.segmentId);
      try {
        await confirmPlacement(ctx.db, { enterpriseId, segmentId, actor: ctx.auth.actor });
      } catch (err) {
        if (err instanceof PlacementTargetMissing) throw notFound(err.argument, `${err.message} Nothing was written.`);
        throw fromDriverError(err);
      }
      const q = buildPlacementItemQuery(enterpriseId);
      const [row] = await ctx.read(q.cypher, q.params);
      if (!row) throw new ApiError(`Enterprise ${enterpriseId} was deleted right after its placement was confirmed.`, { code: ErrorCode.NOT_FOUND, argument: 'enterpriseId' });
      return row.item;
    },
  },
  RegistryPreview: {
    problems: (p: PreviewRow, a: First) => firstOf(p.plan.problems, a.first, 200),
    newFirms: (p: PreviewRow, a: First) => firstOf(p.plan.newFirms, a.first, 50),
    matched: (p: PreviewRow, a: First) => firstOf(p.plan.matched, a.first, 50),
    changedFirms: (p: PreviewRow, a: First) => firstOf(p.plan.changedFirms, a.first, 50),
    departures: (p: PreviewRow, a: First) => firstOf(p.plan.departures, a.first, 50),
    notInExport: (p: PreviewRow, a: First) => firstOf(p.plan.notInExport, a.first, 50),
    held: (p: PreviewRow, a: First) => firstOf(p.plan.held, a.first, 50),
  },
  RegistryImportJob: {
    problems: (j: RegistryJob, a: First) => firstOf(j.problems, a.first, 200),
  },
};
