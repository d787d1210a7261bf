// A chain segment's status as a mark, not a colour alone (WCAG 1.4.1): ✕ gap, ◐ weak, ✓ strong,
// named for screen readers, with a legend that says what each means.
import type { StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import type { GapStatus } from './leadersQueries.ts';

export const GAP_MARKS: Record<GapStatus, string> = { GAP: '✕', WEAK: '◐', STRONG: '✓' };

const WORD: Record<GapStatus, StringKey> = { GAP: 'gap', WEAK: 'weak', STRONG: 'strong' };
const MEANING: Record<GapStatus, StringKey> = { GAP: 'gapMeaning', WEAK: 'weakMeaning', STRONG: 'strongMeaning' };

/** The CSS class of a status (`.seg.gap`, `.gap-status.weak` …). */
export function statusClass(s: GapStatus): 'gap' | 'weak' | 'strong' {
  return s === 'GAP' ? 'gap' : s === 'WEAK' ? 'weak' : 'strong';
}

/** The mark alone, named by the status word (a lane's segment, where space is short). */
export function GapMark({ status }: { status: GapStatus }) {
  const t = useT();
  return (
    <span className="gap-mark" role="img" aria-label={t(WORD[status])} title={t(WORD[status])} data-testid="gap-mark">
      {GAP_MARKS[status]}
    </span>
  );
}

/** The mark and the word (targets and the what-if). */
export function GapStatusWord({ status }: { status: GapStatus }) {
  const t = useT();
  return (
    <span className={`gap-status ${statusClass(status)}`}>
      <span aria-hidden>{GAP_MARKS[status]}</span> {t(WORD[status])}
    </span>
  );
}

/** What each mark means, above the lanes. */
export function GapLegend() {
  const t = useT();
  return (
    <ul className="gap-legend" aria-label={t('gapStatusLegend')} data-testid="gap-legend">
      {(['GAP', 'WEAK', 'STRONG'] as const).map((s) => (
        <li key={s}>
          <span className={`gap-mark gap-status ${statusClass(s)}`} aria-hidden>
            {GAP_MARKS[s]}
          </span>{' '}
          {t(MEANING[s])}
        </li>
      ))}
    </ul>
  );
}
