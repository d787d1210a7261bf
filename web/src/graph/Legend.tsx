// The legend: segment colours (only those on screen), relation styles, and the marks for anchors,
// synthetic data and firms outside the district.
import { displayName } from '../i18n/strings.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';
import { RELATION_STYLES } from './palette.ts';

export interface LegendProps {
  segments: { id: string; name: string; nameEn?: string | null; colour: string }[];
  relations: string[];
  hasSynthetic: boolean;
  hasOutside: boolean;
}

export function Legend({ segments, relations, hasSynthetic, hasOutside }: LegendProps) {
  const t = useT();
  const { lang } = useView();
  return (
    <aside className="legend" data-testid="legend" aria-label={t('legend')}>
      {/* h2: the page's h1 is the header's title; a lower level here would skip levels. */}
      <h2>{t('legend')}</h2>
      <ul>
        <li>
          <span className="dot big" />
          {t('legendAnchor')}
        </li>
        {hasSynthetic && (
          <li>
            <span className="dot dashed" />
            {t('legendSynthetic')}
          </li>
        )}
        {hasOutside && (
          <li>
            <span className="dot pale" />
            {t('legendOutside')}
          </li>
        )}
      </ul>
      <ul className="segments">
        {segments.map((s) => (
          <li key={s.id}>
            <span className="dot" style={{ background: s.colour }} />
            {displayName(lang, s.name, s.nameEn)}
          </li>
        ))}
      </ul>
      <ul>
        {relations.map((r) => {
          const s = RELATION_STYLES[r];
          if (!s) return null;
          return (
            <li key={r}>
              <svg width="30" height="10" aria-hidden>
                <line x1="1" y1="5" x2="24" y2="5" stroke={s.colour} strokeWidth={s.width} strokeDasharray={s.line === 'dashed' ? '5 3' : s.line === 'dotted' ? '1.5 2.5' : undefined} />
                {s.arrow !== 'none' && <polygon points="23,1 29,5 23,9" fill={s.colour} />}
              </svg>
              {t(`rel${r}` as StringKey)}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
