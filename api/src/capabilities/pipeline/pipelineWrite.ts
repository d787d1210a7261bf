import type { Tx } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { audited } from '../mutations/audited.ts';

/**
 * A pipeline write and its audit `Change` in one transaction, as every API write (audited.ts). A
 * unique constraint that fails here is a second entry for one firm, written by a concurrent request
 * between our check and our write: CONFLICT, as the check would have said.
 */
export function pipelineWrite<T>(ctx: Context, action: string, detail: unknown, work: (tx: Tx) => Promise<T>): Promise<T> {
  return audited(ctx, action, detail, work, {
    message: 'This firm was put on the pipeline meanwhile by another request. Read the pipeline again and update its entry.',
    argument: 'input.enterpriseId',
  });
}
