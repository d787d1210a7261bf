// The placement review queue: the firms whose chain placement the rules were unsure of, lowest
// confidence first (placementReview), a page at a time. A decision (confirmPlacement) takes the
// firm out of the list and leaves a note saying what was decided, by whom and when.
import { useEffect, useState } from 'react';
import { useToken } from '../auth/useToken.ts';
import { describeError } from '../data/describeError.ts';
import { useGql } from '../data/useGql.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';
import { EditorSignIn } from '../import/EditorSignIn.tsx';
import { Pager } from '../import/Pager.tsx';
import { DecisionNotes } from './DecisionNotes.tsx';
import { PLACEMENT_REVIEW, REVIEW_CHAINS } from './reviewDocuments.ts';
import { ReviewItem } from './ReviewItem.tsx';
import type { Decision } from './types.ts';

export const REVIEW_PAGE = 20;

export function ReviewPage() {
  const t = useT();
  const { lang } = useView();
  const token = useToken();
  const [offset, setOffset] = useState(0);
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [authError, setAuthError] = useState<string | null>(null);
  const queue = useGql(token ? PLACEMENT_REVIEW : null, { first: REVIEW_PAGE, offset });
  const chains = useGql(token ? REVIEW_CHAINS : null);

  useEffect(() => setAuthError(null), [token]);

  const decided = new Set(decisions.map((d) => d.enterpriseId));
  const page = queue.data?.placementReview;
  const items = page?.items.filter((i) => !decided.has(i.enterprise.id)) ?? [];
  // Decided here but still in the last answer: the next answer will not count them either.
  const total = page ? page.totalCount - (page.items.length - items.length) : 0;

  // The queue shrank under the current page (decisions here or elsewhere): step back.
  useEffect(() => {
    if (page && offset > 0 && offset >= page.totalCount) setOffset(Math.max(0, offset - REVIEW_PAGE));
  }, [page, offset]);

  const onDecided = (d: Decision) => {
    setDecisions((all) => [d, ...all]);
    queue.retry();
  };

  const authMessage = authError ?? (queue.error?.kind === 'auth' ? queue.error.message : null) ?? (chains.error?.kind === 'auth' ? chains.error.message : null);
  if (!token || authMessage !== null) {
    return (
      <div className="registry-page" data-testid="review-page">
        <h2>{t('revTitle')}</h2>
        <p className="lead">{t('revLead')}</p>
        <EditorSignIn message={authMessage ?? ''} />
      </div>
    );
  }

  const otherError = queue.error ?? chains.error;
  return (
    <div className="registry-page" data-testid="review-page">
      <h2>
        {t('revTitle')}
        {page && <span className="muted title-count" data-testid="review-total"> · {t('revTotal', { n: total.toLocaleString() })}</span>}
      </h2>
      <p className="lead">{t('revLead')}</p>
      <DecisionNotes decisions={decisions} />
      {otherError && (
        <div className="problem-text" role="alert" data-testid="review-error">
          ✕ {otherError.kind === 'network' && otherError.code === null ? t('apiDown', { s: queue.retryIn ?? chains.retryIn ?? 0 }) : describeError(lang, otherError)}{' '}
          <button type="button" onClick={() => { queue.retry(); chains.retry(); }}>{t('retryNow')}</button>
        </div>
      )}
      {!page && !otherError && (
        <p className="status-line" role="status" data-testid="review-loading"><span className="spinner inline" aria-hidden /> {t('loading')}</p>
      )}
      {page && items.length === 0 && total === 0 && <p className="ok-text empty-note" data-testid="review-empty">✓ {t('revEmpty')}</p>}
      {page && items.length > 0 && (
        <ol className="review-list" start={offset + 1} aria-busy={queue.loading}>
          {items.map((item) => (
            <ReviewItem key={item.enterprise.id} item={item} chains={chains.data?.chains ?? []} onDecided={onDecided} onAuth={setAuthError} />
          ))}
        </ol>
      )}
      {page && total > REVIEW_PAGE && (
        <Pager page={Math.floor(offset / REVIEW_PAGE)} pages={Math.ceil(total / REVIEW_PAGE)} onPage={(p) => setOffset(p * REVIEW_PAGE)} label={t('revTitle')} testid="review-pager" />
      )}
    </div>
  );
}
