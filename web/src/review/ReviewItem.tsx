// One firm whose chain placement the rules were unsure of: what they suggest and why, what the
// export says the firm does, and the planner's decision — the suggested or another segment
// ("Confirm"), or none ("Leave unplaced").
import { useState } from 'react';
import { describeError } from '../data/describeError.ts';
import { gql, GraphqlRequestError } from '../data/graphqlClient.ts';
import { displayName } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';
import { decisionRecord } from './decisionRecord.ts';
import { CONFIRM_PLACEMENT, RECENT_CHANGES } from './reviewDocuments.ts';
import { SegmentPicker, type Chains } from './SegmentPicker.tsx';
import type { ConfirmAnswer, Decision, ReviewItemData } from './types.ts';

/** Longer business scopes are cut here, the whole text one click away. */
const SCOPE_EXCERPT = 120;

export function ReviewItem({ item, chains, onDecided, onAuth }: { item: ReviewItemData; chains: Chains; onDecided: (d: Decision) => void; onAuth: (message: string) => void }) {
  const t = useT();
  const { lang } = useView();
  const suggested = item.suggestedSegment;
  const [choice, setChoice] = useState(suggested?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firm = item.enterprise;
  const pickerId = `seg-${firm.id}`;

  const decide = async (segmentId: string | null) => {
    setBusy(true);
    setError(null);
    let answer: ConfirmAnswer;
    try {
      answer = (await gql(CONFIRM_PLACEMENT, { enterpriseId: firm.id, segmentId }, { retries: 0 })).confirmPlacement;
    } catch (e) {
      setBusy(false);
      if (e instanceof GraphqlRequestError && e.kind === 'auth') onAuth(e.message);
      else setError(describeError(lang, e instanceof GraphqlRequestError ? e : new GraphqlRequestError(String(e), 'network', { cause: e })));
      return;
    }
    // Who and when: the decision's own record in the audit trail (a failure here loses only the note's name).
    const record = await gql(RECENT_CHANGES, { last: 20 }, { retries: 1 }).then((c) => decisionRecord(c.changes, firm.id), () => null);
    onDecided({ enterpriseId: firm.id, asked: segmentId, answer, record, at: new Date() });
  };

  const scope = item.businessScope ?? '';
  const confidence = item.confidence;
  return (
    <li className="review-item" data-testid="review-item" data-id={firm.id} aria-busy={busy}>
      <div className="review-head">
        <h3>{displayName(lang, firm.name, firm.nameEn)}</h3>
        <code className="muted">{firm.id}</code>
      </div>
      <dl className="facts review-facts">
        <dt>{t('revSuggested')}</dt>
        <dd data-testid="review-suggested">
          {suggested ? (
            <>
              {suggested.chain && <span className="muted">{displayName(lang, suggested.chain.name, suggested.chain.nameEn)} › </span>}
              <strong>{displayName(lang, suggested.name, suggested.nameEn)}</strong>
            </>
          ) : (
            <span className="muted">{t('revNoSuggestion')}</span>
          )}
        </dd>
        <dt>{t('revConfidence')}</dt>
        <dd>
          {confidence == null ? '—' : (
            <>
              <meter min={0} max={1} low={0.3} high={0.5} optimum={1} value={confidence} aria-label={t('revConfidence')} /> <span data-testid="review-confidence">{confidence.toFixed(2)}</span>
            </>
          )}
        </dd>
        <dt>{t('revRule')}</dt>
        <dd className="reason-text">{item.reason ?? '—'}</dd>
        <dt>{t('revIndustry')}</dt>
        <dd>{item.industry ?? '—'}</dd>
        <dt>{t('revScope')}</dt>
        <dd className="scope-text">
          {scope.length <= SCOPE_EXCERPT ? (scope || '—') : (
            <details>
              <summary>{scope.slice(0, SCOPE_EXCERPT)}…</summary>
              {scope}
            </details>
          )}
        </dd>
      </dl>
      <div className="review-actions">
        <label htmlFor={pickerId}>{t('revSegment')}</label>
        <SegmentPicker id={pickerId} chains={chains} value={choice} onChange={setChoice} disabled={busy} />
        {/* With no segment chosen, "Leave unplaced" is the decision: Confirm waits for a segment. */}
        <button type="button" className="primary" disabled={busy || !choice} onClick={() => void decide(choice)} data-testid="review-confirm">
          ✓ {choice === suggested?.id ? t('revConfirmSuggested') : t('revConfirm')}
        </button>
        <button type="button" disabled={busy} onClick={() => void decide(null)} data-testid="review-unplaced">
          {t('revLeaveUnplaced')}
        </button>
      </div>
      {error && <p className="problem-text" role="alert">✕ {error}</p>}
    </li>
  );
}
