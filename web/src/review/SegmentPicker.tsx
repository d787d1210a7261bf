// A chain segment, chosen from the district's chains (the ReviewChains query), grouped by chain in
// their order, upstream first; "" = on no segment.
import type { ReviewChainsQuery } from '../data/generated/graphql.ts';
import { displayName } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';

export type Chains = ReviewChainsQuery['chains'];

const byOrder = (a: { order?: number | null }, b: { order?: number | null }) => (a.order ?? 0) - (b.order ?? 0);

export function SegmentPicker({ id, chains, value, onChange, disabled }: { id: string; chains: Chains; value: string; onChange: (segmentId: string) => void; disabled?: boolean }) {
  const t = useT();
  const { lang } = useView();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} data-testid="segment-picker">
      <option value="">— {t('revNoSegment')} —</option>
      {[...chains].sort(byOrder).map((c) => (
        <optgroup key={c.id} label={displayName(lang, c.name, c.nameEn)}>
          {[...c.segments].sort(byOrder).map((s) => (
            <option key={s.id} value={s.id}>
              {displayName(lang, s.name, s.nameEn)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
