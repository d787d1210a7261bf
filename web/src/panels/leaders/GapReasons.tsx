// Why each segment of a lane that is not STRONG has its status, in a line under the lane: the
// count of local firms, or the share of its supply ties that goes outside the district, with the
// figures (the API's reasonZh / reasonEn). STRONG segments say theirs in the lane's tooltip.
import { displayName } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useView } from '../../state/viewStore.ts';
import { GapMark } from './GapStatusMark.tsx';
import type { ChainGaps } from './leadersQueries.ts';

export function GapReasons({ segments }: { segments: ChainGaps['segments'] }) {
  const t = useT();
  const { lang } = useView();
  const needy = segments.filter((s) => s.status !== 'STRONG');
  if (needy.length === 0) return null;
  return (
    <ul className="gap-reasons" aria-label={t('gapWhy')}>
      {needy.map((s) => (
        <li key={s.segment.id} data-testid="gap-reason" data-status={s.status} data-basis={s.basis}>
          <GapMark status={s.status} /> <strong>{displayName(lang, s.segment.name, s.segment.nameEn)}</strong>: {lang === 'zh' ? s.reasonZh : s.reasonEn}
        </li>
      ))}
    </ul>
  );
}
