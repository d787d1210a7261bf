// Chain gaps on the briefing: one lane per chain, its segments upstream first, each marked ✕ gap,
// ◐ weak or ✓ strong with its count of local firms — the mark, not the colour alone, carries the
// status, so a black-and-white print keeps it.
import { displayName } from '../i18n/strings.ts';
import type { Lang } from '../state/viewState.ts';
import type { BriefChain } from './briefQueries.ts';
import type { BriefT } from './briefStrings.ts';

export const GAP_MARKS = { GAP: '✕', WEAK: '◐', STRONG: '✓' } as const;

export function GapLanes({ chains, lang, t }: { chains: BriefChain[]; lang: Lang; t: BriefT }) {
  if (chains.length === 0) return <p className="brief-muted">{t('noChains')}</p>;
  return (
    <div className="brief-lanes">
      {chains.map((c) => (
        <div key={c.chain.id} className="brief-lane" data-testid="brief-lane" data-chain={c.chain.id}>
          <div className="lane-head">
            <strong>{displayName(lang, c.chain.name, c.chain.nameEn)}</strong>
            <span className="brief-muted">{t('chainCounts', { gaps: c.gaps, weak: c.weak, strong: c.strong })}</span>
          </div>
          <ol className="lane-segs">
            {c.segments.map((s) => (
              <li key={s.segment.id} className={`lane-seg ${s.status.toLowerCase()}`} data-status={s.status}>
                <span className="mark" aria-label={t(s.status)}>{GAP_MARKS[s.status]}</span>
                {displayName(lang, s.segment.name, s.segment.nameEn)}
                {s.localCount > 0 && <span className="n">{s.localCount}</span>}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
