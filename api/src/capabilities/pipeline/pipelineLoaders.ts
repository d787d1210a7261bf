import DataLoader from 'dataloader';
import type { Row } from '@cangshan/neo4j';
import type { Context } from '../../context/index.ts';
import { ENTRIES_BY_ENTERPRISE, HISTORY } from './pipelineCypher.ts';
import { toEntry, type PipelineChangeRow, type PipelineEntryOut } from './toEntry.ts';

interface PipelineLoaders {
  /** Every change of an entry, newest first. */
  history: DataLoader<string, PipelineChangeRow[]>;
  /** A firm's entry, or null. */
  byEnterprise: DataLoader<string, PipelineEntryOut | null>;
}

/** Per request, like Context.loaders (kept beside the context, not in it: context/ knows no capability). */
const perRequest = new WeakMap<Context, PipelineLoaders>();

/** The pipeline's batch loaders for this request: one query per field and level, however many entries or targets ask. */
export function pipelineLoaders(ctx: Context): PipelineLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    l = {
      history: new DataLoader(async (ids) => {
        const rows = await ctx.read(HISTORY, { ids: [...ids] });
        const byId = new Map(rows.map((r) => [r.id as string, ((r.changes as Row[] | null) ?? []) as unknown as PipelineChangeRow[]]));
        return ids.map((id) => byId.get(id) ?? []);
      }),
      byEnterprise: new DataLoader(async (ids) => {
        const rows = await ctx.read(ENTRIES_BY_ENTERPRISE, { ids: [...ids] });
        const byId = new Map(rows.map((r) => [(r.entry as Row).enterpriseId as string, toEntry(r)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    };
    perRequest.set(ctx, l);
  }
  return l;
}
