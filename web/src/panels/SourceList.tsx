// Sources with their badge: STATED (the article's words, quoted), CURATED (our judgement, with the
// reason), SYNTHETIC (generated). Nothing invented is ever shown as stated.
import type { Source } from '../data/types.ts';
import { useT } from '../i18n/useT.ts';

export function SourceBadge({ kind }: { kind: Source['kind'] }) {
  const t = useT();
  return (
    <span className={`badge src-${kind.toLowerCase()}`} data-testid="source-badge" title={kind}>
      {t(`kind${kind}`)}
    </span>
  );
}

export function SourceList({ sources }: { sources: Source[] }) {
  const t = useT();
  if (sources.length === 0) return <p className="muted">{t('noSources')}</p>;
  return (
    <ul className="sources" data-testid="sources">
      {sources.map((s, i) => (
        <li key={i}>
          <SourceBadge kind={s.kind} />
          {s.quote && <blockquote data-testid="source-quote">“{s.quote}”</blockquote>}
          {s.reason && (
            <p className="reason">
              <span className="muted">{t('reason')}：</span>
              {s.reason}
            </p>
          )}
          {(s.title || s.publisher) && (
            <p className="muted small">
              {[s.publisher, s.title, s.publishedOn].filter(Boolean).join(' · ')}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
