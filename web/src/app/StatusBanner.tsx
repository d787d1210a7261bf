// Loading, empty and error states over the graph. The API down says so and retries by itself; an
// API that wants a token gets the sign-in form; any other failure is worded by its error code in the
// chosen language, the server's message kept as the detail (data/describeError.ts).
import { SignIn } from '../auth/SignIn.tsx';
import { describeError } from '../data/describeError.ts';
import type { GqlState } from '../data/useGql.ts';
import { useT } from '../i18n/useT.ts';
import { EMPTY_FILTERS } from '../state/viewState.ts';
import { updateView, useView } from '../state/viewStore.ts';

/** `noFirms`: the database has no firm at all (a district started from the chains alone), which no filter explains. */
export function StatusBanner({ overview, loading, empty, noFirms = false }: { overview: GqlState<unknown>; loading: boolean; empty: boolean; noFirms?: boolean }) {
  const t = useT();
  const { lang } = useView();
  if (overview.error?.kind === 'auth') return <SignIn message={overview.error.message} />;
  if (overview.error) {
    return (
      <div className="status error" role="alert" data-testid="status-error">
        {overview.error.kind !== 'network'
          ? describeError(lang, overview.error)
          : overview.error.code === null
            ? t('apiDown', { s: overview.retryIn ?? 0 })
            : `${describeError(lang, overview.error)} · ${t('retryingIn', { s: overview.retryIn ?? 0 })}`}
        <button type="button" onClick={overview.retry} data-testid="retry">
          {t('retryNow')}
        </button>
      </div>
    );
  }
  if (loading) return <div className="status loading" role="status" data-testid="status-loading"><span className="spinner" aria-hidden />{t('loading')}</div>;
  if (noFirms) {
    return (
      <div className="status empty" role="status" data-testid="status-no-firms">
        {t('noFirmsYet')} <a href="#/import">{t('noFirmsImport')}</a>
      </div>
    );
  }
  if (empty) {
    return (
      <div className="status empty" role="status" data-testid="status-empty">
        {t('empty')}
        <button type="button" onClick={() => updateView({ filters: EMPTY_FILTERS, expanded: {} })}>{t('clearFilters')}</button>
      </div>
    );
  }
  return null;
}
