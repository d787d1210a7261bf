import type { Tx } from '@cangshan/neo4j';
import { healthOf, type Context } from '../../context/index.ts';
import { ApiError, ErrorCode, fromDriverError } from '../../errors/index.ts';
import { RECORD_CHANGE } from './writeCypher.ts';

/** What a failed uniqueness constraint means to the caller of one kind of write. */
export interface OnConflict {
  message: string;
  /** The argument to name in the error (`input.id`, `input.enterpriseId`). */
  argument: string;
}

const isConstraintError = (err: unknown): boolean =>
  /ConstraintValidationFailed|already exists/i.test(String((err as { code?: unknown }).code ?? '') + String((err as Error).message ?? ''));

/**
 * Runs a write and its Change record in one transaction, as every API write does; driver failures
 * become ApiErrors, a failed uniqueness constraint CONFLICT with `onConflict`'s words. Under the
 * read path's circuit breaker (context/databaseHealth.ts): while the database is known down a
 * write is refused at once with DATABASE_UNAVAILABLE, and one in flight when it goes down fails at
 * once instead of waiting for the driver's retries to run out.
 */
export async function audited<T>(ctx: Context, action: string, detail: unknown, work: (tx: Tx) => Promise<T>, onConflict: OnConflict): Promise<T> {
  try {
    return await healthOf(ctx.db).guard(() =>
      ctx.db.writeTx(async (tx) => {
        const result = await work(tx);
        await tx.run(RECORD_CHANGE, { actor: ctx.auth.actor, action, detail: JSON.stringify(detail) });
        return result;
      }),
    );
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (isConstraintError(err)) throw new ApiError(onConflict.message, { code: ErrorCode.CONFLICT, argument: onConflict.argument, cause: err });
    throw fromDriverError(err);
  }
}
