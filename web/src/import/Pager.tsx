// Previous / next over pages of a list, with where one stands.
import { useT } from '../i18n/useT.ts';

export function Pager({ page, pages, onPage, label, testid }: { page: number; pages: number; onPage: (p: number) => void; label: string; testid?: string }) {
  const t = useT();
  return (
    <nav className="pager" aria-label={label} data-testid={testid}>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>‹ {t('prevPage')}</button>
      <span>{t('pageOf', { page: page + 1, pages })}</span>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>{t('nextPage')} ›</button>
    </nav>
  );
}
