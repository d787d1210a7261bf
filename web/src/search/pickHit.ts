// What choosing a `find` hit does, with what the explorer has: its graph shows firms, so a firm is
// selected (its profile opens and the graph centres on it), a project through its owning firm, and
// a park, chain or segment becomes the filter of that name (the filters panel opens to show it).
// What the graph cannot show (a project with neither firm nor park, a city) gets a note instead.
import type { StringKey } from '../i18n/strings.ts';
import type { Filters } from '../state/viewState.ts';
import type { FindHit } from './findQuery.ts';

/** A firm as the firms-only `search` gives it: what the search box's `onPick` takes. */
export type FirmHit = NonNullable<FindHit['enterprise']>;

export type PickAction =
  | { kind: 'firm'; firm: FirmHit }
  | { kind: 'filter'; filters: Pick<Filters, 'chain' | 'segment' | 'park'> }
  | { kind: 'note'; note: StringKey };

/** One chain, segment or park: the hit's own, the other two cleared, so the view shows just it. */
const only = (f: Partial<Pick<Filters, 'chain' | 'segment' | 'park'>>): PickAction => ({ kind: 'filter', filters: { chain: null, segment: null, park: null, ...f } });

export function pickHit(hit: FindHit): PickAction {
  switch (hit.kind) {
    case 'ENTERPRISE':
      return hit.enterprise ? { kind: 'firm', firm: hit.enterprise } : { kind: 'note', note: 'findNoView' };
    case 'PROJECT': {
      const owner = hit.project?.enterprises[0];
      if (owner) return { kind: 'firm', firm: owner };
      const park = hit.project?.park;
      if (park?.kind === 'park') return only({ park: park.id });
      return { kind: 'note', note: 'findProjectNoFirm' };
    }
    case 'PLACE':
      if (hit.place?.kind === 'park') return only({ park: hit.id });
      // The district is the whole graph: no park filter.
      if (hit.place?.kind === 'district') return only({});
      return { kind: 'note', note: 'findPlaceNoView' };
    case 'CHAIN':
      return only({ chain: hit.id });
    case 'SEGMENT':
      return only({ chain: hit.segment?.chain?.id ?? null, segment: hit.id });
    default: {
      const never: never = hit.kind;
      throw new Error(`find returned a hit of unknown kind ${String(never)}`);
    }
  }
}

const PLACE_KIND_KEYS: Record<string, StringKey> = {
  park: 'hitPark',
  district: 'hitDistrict',
  city: 'hitCity',
  province: 'hitProvince',
  region: 'hitRegion',
};

/** The label shown beside a hit: its kind, a place by the kind of place it is. */
export function hitKindKey(hit: FindHit): StringKey {
  switch (hit.kind) {
    case 'ENTERPRISE':
      return 'hitEnterprise';
    case 'PROJECT':
      return 'hitProject';
    case 'PLACE':
      return PLACE_KIND_KEYS[hit.place?.kind ?? ''] ?? 'hitPlace';
    case 'CHAIN':
      return 'hitChain';
    case 'SEGMENT':
      return 'hitSegment';
    default: {
      const never: never = hit.kind;
      throw new Error(`find returned a hit of unknown kind ${String(never)}`);
    }
  }
}
