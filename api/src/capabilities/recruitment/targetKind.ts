import { asOfFragment } from '../../cypher/asOf.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';

/**
 * What courting a target means (docs/RECRUITMENT.md, "Kinds of target"):
 * - NEW: a firm new to the district;
 * - EXPANSION: its group is in the district already through a unit — the unit is PART_OF it, it is
 *   PART_OF a local firm, or it and a local unit are PART_OF the same group. Courting it is asking an
 *   investor already here to invest more (以商招商, 增资扩产), through the units in `via`;
 * - WIN_BACK: it was in the district and left by the cursor (moved out, or missing from a complete
 *   registry export).
 * A firm that left and whose group is here is WIN_BACK: having been here is the closer tie.
 */
export const TARGET_KINDS = ['NEW', 'EXPANSION', 'WIN_BACK'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * How a firm left that means it no longer exists to court: deregistered (注销) or revoked (吊销).
 * Such a firm is no candidate at all; a firm that moved out is a WIN_BACK candidate.
 */
export const GONE_HOWS = ['closed', 'revoked'] as const;
/** GONE_HOWS as a Cypher list literal (a fixed list, never user text). */
export const GONE_HOWS_CYPHER = `[${GONE_HOWS.map((h) => `'${h}'`).join(', ')}]`;

/** How many of a target's present units to list in `via`. */
export const VIA_UNITS = 5;

/** Cypher predicate: the Enterprise `c` had left the district by the cursor. */
const leftBy = (c: string): string => `(${c}.leftOn IS NOT NULL AND ${c}.leftOn <= $asOf)`;

/**
 * Cypher expression: the kind of the candidate bound to `c`, for the `kinds` filter before the
 * ranking's LIMIT (two existence checks per candidate; only evaluated when a filter is given).
 */
export function targetKindCypher(c: string): string {
  const rel = asOfFragment.rel;
  const here = asOfFragment.node;
  return `CASE WHEN ${leftBy(c)} THEN 'WIN_BACK'
     WHEN EXISTS { MATCH (${c})-[p:PART_OF]-(u:Enterprise) WHERE ${rel('p')} AND ${here('u')} }
       OR EXISTS { MATCH (${c})-[p1:PART_OF]->(:Enterprise)<-[p2:PART_OF]-(u:Enterprise) WHERE u <> ${c} AND ${rel('p1')} AND ${rel('p2')} AND ${here('u')} }
     THEN 'EXPANSION' ELSE 'NEW' END`;
}

/**
 * A subquery for the few targets returned: binds `kind`, `via` (up to `$viaUnits` present units of
 * the same group, the direct ones first, then by landing) and `viaGroup` (the common group when the
 * tie goes through one, for the words). Same rule as `targetKindCypher`.
 */
export function targetKindSubquery(c: string, carry: string): string {
  const rel = asOfFragment.rel;
  const here = asOfFragment.node;
  return `CALL (${carry}) {
  CALL (${c}) {
    MATCH (${c})-[p:PART_OF]-(u:Enterprise) WHERE ${rel('p')} AND ${here('u')}
    RETURN u, 0 AS hops, null AS grp
    UNION
    MATCH (${c})-[p1:PART_OF]->(g:Enterprise)<-[p2:PART_OF]-(u:Enterprise) WHERE u <> ${c} AND ${rel('p1')} AND ${rel('p2')} AND ${here('u')}
    RETURN u, 1 AS hops, g {.id, .name, .nameEn} AS grp
  }
  WITH u, min(hops) AS hops, collect(grp)[0] AS grp ORDER BY hops, u.landedOn, u.id LIMIT $viaUnits
  WITH collect(${enterpriseProjection('u')}) AS via, collect(CASE WHEN hops = 1 THEN grp END)[0] AS viaGroup
  RETURN CASE WHEN ${leftBy(c)} THEN 'WIN_BACK' WHEN size(via) > 0 THEN 'EXPANSION' ELSE 'NEW' END AS kind, via, viaGroup
}`;
}

type Named = { name: string; nameEn?: string | null };
const en = (x: Named): string => x.nameEn ?? x.name;

const LEFT_WORDS: Record<string, { zh: string; en: string }> = {
  movedOut: { zh: '迁出本区', en: 'moved out' },
  notInFullExport: { zh: '不在最新的完整登记名录中', en: 'missing from the latest complete registry export' },
};

/** The kind in words, zh and en: what courting this firm means. */
export function kindReason(
  kind: TargetKind,
  t: { via: Named[]; viaGroup: Named | null; leftOn: string | null; leftHow: string | null },
): { zh: string; en: string } {
  switch (kind) {
    case 'NEW':
      return { zh: '区外新企业，首次引进', en: 'new to the district' };
    case 'EXPANSION': {
      const units = t.via.slice(0, 3);
      const zhUnits = units.map((u) => u.name).join('、');
      const enUnits = units.map(en).join(', ');
      return t.viaGroup && !units.some((u) => u.name === t.viaGroup?.name)
        ? { zh: `同属 ${t.viaGroup.name}，集团已在区内设有 ${zhUnits}：争取增资扩产`, en: `its group ${en(t.viaGroup)} is already here through ${enUnits}: expand an existing investor` }
        : { zh: `同一集团已在区内设有 ${zhUnits}：争取增资扩产`, en: `its group is already here through ${enUnits}: expand an existing investor` };
    }
    case 'WIN_BACK': {
      const how = LEFT_WORDS[t.leftHow ?? ''] ?? { zh: '离开本区', en: 'left' };
      const when = t.leftOn ?? '';
      return { zh: `曾在区内，${when} ${how.zh}：争取回归`, en: `was in the district, ${how.en} in ${when}: win it back` };
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown target kind ${String(never)}`);
    }
  }
}
