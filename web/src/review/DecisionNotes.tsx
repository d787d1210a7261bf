// What was decided on this page, newest first: the firm, the segment it now has (as the server
// answered), and the audit trail's record of who decided it and when.
import { displayName } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';
import type { Decision } from './types.ts';

export function DecisionNotes({ decisions }: { decisions: readonly Decision[] }) {
  const t = useT();
  const { lang } = useView();
  if (decisions.length === 0) return null;
  return (
    <section className="decisions" aria-labelledby="decisions-title">
      <h3 id="decisions-title">{t('revDecided', { n: decisions.length })}</h3>
      <ul aria-live="polite" data-testid="decisions">
        {decisions.map((d) => {
          const { enterprise } = d.answer;
          const segment = enterprise.segment;
          return (
            <li key={`${d.enterpriseId}:${d.at.getTime()}`} data-testid="decision" data-id={d.enterpriseId}>
              <span aria-hidden>✓ </span>
              <strong>{displayName(lang, enterprise.name, enterprise.nameEn)}</strong>
              {' → '}
              {segment ? displayName(lang, segment.name, segment.nameEn) : <em>{t('unplaced')}</em>}
              <span className="muted small block" data-testid="decision-record">
                {d.record ? t('revDecidedBy', { actor: d.record.actor, at: new Date(d.record.at).toLocaleString() }) : t('revDecidedAt', { at: d.at.toLocaleString() })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
