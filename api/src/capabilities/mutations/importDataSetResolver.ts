import { importDataSet, ImportValidationError, formatProblem, type DataSet } from '@cangshan/seed';
import type { Context } from '../../context/index.ts';
import { ApiError, badInput, ErrorCode, fromDriverError } from '../../errors/index.ts';
import { followLandingStatement, systemActor } from '../pipeline/followLanding.ts';
import { requireRole } from './requireRole.ts';
import { RECORD_CHANGE } from './writeCypher.ts';

function isDataSet(v: unknown): v is DataSet {
  return typeof v === 'object' && v !== null && Array.isArray((v as DataSet).nodes) && Array.isArray((v as DataSet).relations);
}

/**
 * `importDataSet`: seed's importer (validates everything first, then writes all or nothing).
 * The Change record follows in its own transaction once the import committed: the importer owns
 * its transactions (and stages very large imports), so it cannot share one with us.
 */
export async function importDataSetResolver(_: unknown, args: { dataSet: unknown }, ctx: Context) {
  requireRole(ctx, 'admin', 'importDataSet');
  if (!isDataSet(args.dataSet)) throw badInput('dataSet', '`dataSet` must be an object `{ nodes: [...], relations: [...] }` in the import format (see docs/DATA-FORMAT.md).');
  try {
    // Pipeline entries of firms the import lands move to LANDED, committed with the import.
    const report = await importDataSet(ctx.db, args.dataSet, { finalStatements: [followLandingStatement(systemActor('importDataSet', ctx.auth.actor))] });
    await ctx.db.write(RECORD_CHANGE, {
      actor: ctx.auth.actor,
      action: 'importDataSet',
      detail: JSON.stringify({ nodes: report.rows.nodes, relations: report.rows.relations, created: report.created, updated: report.updated }),
    });
    return { nodes: report.rows.nodes, relations: report.rows.relations, ms: report.ms };
  } catch (err) {
    if (err instanceof ImportValidationError) {
      throw new ApiError(`The data set has ${err.problems.length} problem(s); nothing was written. ${err.problems.slice(0, 10).map(formatProblem).join('; ')}`, {
        code: ErrorCode.BAD_USER_INPUT,
        argument: 'dataSet',
        extra: { problems: err.problems.slice(0, 100) },
      });
    }
    throw fromDriverError(err);
  }
}
