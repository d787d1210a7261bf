// The frame of the registry pages (`#/import`, `#/review`): the app's header bar with the two pages
// as tabs, the way back to the explorer and the language switch, over a page that scrolls. Loaded
// lazily by app/App.tsx: the explorer does not carry it.
import { useEffect } from 'react';
import { hrefOf, type Route } from '../app/route.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { ReviewPage } from '../review/ReviewPage.tsx';
import { updateView, useView } from '../state/viewStore.ts';
import { ImportPage } from './ImportPage.tsx';
import './registry.css';

const TABS: [Route, StringKey][] = [
  ['import', 'navImport'],
  ['review', 'navReview'],
];

export default function RegistryShell({ route }: { route: Exclude<Route, 'explorer'> }) {
  const t = useT();
  const view = useView();
  const title = t(route === 'import' ? 'impTitle' : 'revTitle');
  useEffect(() => {
    document.documentElement.lang = view.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${title} · ${t('title')}`;
  }, [view.lang, title, t]);
  return (
    <div className={`registry-app lang-${view.lang}`} data-testid="registry-app">
      <header className="app-header">
        <a className="brand" href={hrefOf('explorer')} title={t('navExplorer')}>
          <div className="logo" aria-hidden>仓</div>
          <div>
            <h1>{t('title')}</h1>
            <p>{t('registrySubtitle')}</p>
          </div>
        </a>
        <nav className="registry-tabs" aria-label={t('registryNav')}>
          {TABS.map(([r, key]) => (
            <a key={r} href={hrefOf(r)} aria-current={route === r ? 'page' : undefined} className={route === r ? 'on' : ''} data-testid={`tab-${r}`}>
              {t(key)}
            </a>
          ))}
        </nav>
        <a className="header-link back" href={hrefOf('explorer')} data-testid="nav-explorer">← {t('navExplorer')}</a>
        <button type="button" className="lang" onClick={() => updateView((v) => ({ lang: v.lang === 'zh' ? 'en' : 'zh' }))} data-testid="lang-toggle" lang={view.lang === 'zh' ? 'en' : 'zh'}>
          {t('lang')}
        </button>
      </header>
      <main className="registry-main">{route === 'import' ? <ImportPage /> : <ReviewPage />}</main>
    </div>
  );
}
