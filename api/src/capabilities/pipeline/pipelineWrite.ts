import type { Tx } from '@cangshan/neo4j';
import { healthOf, type Context } from '../../context/index.ts';
import { ApiError, ErrorCode, fromDriverError } from '../../errors/index.ts';
import { RECORD_CHANGE } from '../mutations/writeCypher.ts';

const isConstraintError = (err: unknown): boolean =>
  /ConstraintValidationFailed|already exists/i.test(String((err as { code?: unknown }).code ?? '') + String((err as Error).message ?? ''));

/**
 * A pipeline write and its audit `Change` in one transaction, as every API write (mutationResolvers'
 * `audited`): behind the database's circuit breaker, driver failures as ApiErrors. A unique
 * constraint that fails here is a second entry for one firm, written by a concurrent request
 * between our check and our write: CONFLICT, as the check would have said.
 */
export async function pipelineWrite<T>(ctx: Context, action: string, detail: unknown, work: (tx: Tx) => Promise<T>): Promise<T> {
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
    if (isConstraintError(err)) {
      throw new ApiError('This firm was put on the pipeline meanwhile by another request. Read the pipeline again and update its entry.', { code: ErrorCode.CONFLICT, argument: 'input.enterpriseId', cause: err });
    }
    throw fromDriverError(err);
  }
}
