// What courting a target means, as a labelled mark beside its name: a firm new to the district, a
// group already here through a unit (以商招商: named, so a leader knows whom to call), or a firm
// that left (win it back). The words come from the API, in both languages.
import type { StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useView } from '../../state/viewStore.ts';
import type { Target, TargetKind } from './leadersQueries.ts';

const LABEL: Record<TargetKind, StringKey> = { NEW: 'kindNew', EXPANSION: 'kindExpansion', WIN_BACK: 'kindWinBack' };

export function TargetKindLabel({ target }: { target: Pick<Target, 'kind' | 'kindReasonZh' | 'kindReasonEn'> }) {
  const t = useT();
  const { lang } = useView();
  return (
    <p className={`target-kind kind-${target.kind.toLowerCase()}`} data-testid="target-kind" data-kind={target.kind}>
      <span className="kind-chip">{t(LABEL[target.kind])}</span> {lang === 'zh' ? target.kindReasonZh : target.kindReasonEn}
    </p>
  );
}
