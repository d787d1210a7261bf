import type { Context } from '../../context/index.ts';
import { idArg, intArg } from '../args.ts';
import { badInput } from '../../errors/index.ts';
import type { AsOf } from '../../scalars/index.ts';
import type { TargetKind } from './targetKind.ts';
import { TIMELINE_MAX_FIRMS } from './segmentTimelineBuild.ts';
import { timelinesOf } from './segmentTimelines.ts';
import { chainGaps, recruitmentCursor, recruitmentTargets, whatIf } from './recruitmentService.ts';

interface ScopeArgsIn {
  chainId?: string | null;
  anchorId?: string | null;
  asOf?: AsOf;
}

const scopeOf = (args: ScopeArgsIn) => ({
  asOf: recruitmentCursor(args.asOf),
  chainId: args.chainId == null ? null : idArg('chainId', args.chainId),
  anchorId: args.anchorId == null ? null : idArg('anchorId', args.anchorId),
});

export const recruitmentResolverMap = {
  Query: {
    chainGaps: (_: unknown, args: ScopeArgsIn & { firmsPerSegment: number }, ctx: Context) =>
      chainGaps(
        ctx.readCached,
        { ...scopeOf(args), firmsPerSegment: intArg('firmsPerSegment', args.firmsPerSegment, 1, TIMELINE_MAX_FIRMS, 'MAX_FIRMS_PER_SEGMENT') },
        timelinesOf(ctx.db),
      ),
    recruitmentTargets: (_: unknown, args: ScopeArgsIn & { limit: number; kinds?: TargetKind[] | null }, ctx: Context) =>
      recruitmentTargets(ctx.readCached, { ...scopeOf(args), limit: intArg('limit', args.limit, 1, 100, 'MAX_TARGETS'), kinds: args.kinds ?? null }, timelinesOf(ctx.db)),
    whatIf: (_: unknown, args: ScopeArgsIn & { enterpriseIds: string[] }, ctx: Context) => {
      if (args.enterpriseIds.length === 0 || args.enterpriseIds.length > 50) {
        throw badInput('enterpriseIds', '`enterpriseIds` must list 1 to 50 enterprise ids.');
      }
      return whatIf(ctx.read, { ...scopeOf(args), enterpriseIds: args.enterpriseIds.map((id) => idArg('enterpriseIds', id)) });
    },
  },
};
