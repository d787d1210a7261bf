// The header: title, search, layout switch, panels, the registry pages' link, export, language.
import { useState } from 'react';
import type { SearchHit } from '../data/types.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { LAYOUTS, type LayoutName, type PanelName } from '../state/viewState.ts';
import { updateView, useView } from '../state/viewStore.ts';
import { hrefOf } from './route.ts';

export interface HeaderProps {
  onPick: (hit: SearchHit) => void;
  onLayout: (l: LayoutName) => void;
  onExport: (what: ExportKind) => void;
  hasLeaders: boolean;
}

export type ExportKind = 'png' | 'csv' | 'json' | 'gexf' | 'graphml' | 'graphql' | 'link';

const LAYOUT_KEYS: Record<LayoutName, StringKey> = { cluster: 'layoutCluster', chain: 'layoutChain', circle: 'layoutCircle' };

export function Header({ onPick, onLayout, onExport, hasLeaders }: HeaderProps) {
  const t = useT();
  const view = useView();
  const [menu, setMenu] = useState(false);
  const togglePanel = (p: PanelName) => updateView((v) => ({ panel: v.panel === p ? null : p }));
  const panels: [PanelName, StringKey][] = [
    ['filters', 'filters'],
    ['dashboard', 'dashboard'],
    ['path', 'pathTitle'],
    ...(hasLeaders ? ([['leaders', 'leaders']] as [PanelName, StringKey][]) : []),
  ];
  return (
    <header className="app-header">
      <div className="brand">
        <div className="logo" aria-hidden>仓</div>
        <div>
          <h1>{t('title')}</h1>
          <p>{t('subtitle')}</p>
        </div>
      </div>
      <SearchBox onPick={onPick} globalShortcut />
      <div className="seg-control" role="group" aria-label={t('layout')}>
        {LAYOUTS.map((l) => (
          <button key={l} type="button" aria-pressed={view.layout === l} className={view.layout === l ? 'on' : ''} onClick={() => onLayout(l)} data-testid={`layout-${l}`}>
            {t(LAYOUT_KEYS[l])}
          </button>
        ))}
      </div>
      <nav className="panel-buttons">
        {panels.map(([p, key]) => (
          <button key={p} type="button" aria-pressed={view.panel === p} className={view.panel === p ? 'on' : ''} onClick={() => togglePanel(p)} data-testid={`panel-${p}`}>
            {t(key)}
          </button>
        ))}
        {/* The registry pages (app/route.ts): a link, so it opens in a new tab too. */}
        <a className="header-link" href={hrefOf('import')} title={t('navRegistryTitle')} data-testid="nav-registry">
          {t('navRegistry')}
        </a>
        <div className="menu-wrap">
          <button type="button" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu(!menu)} data-testid="export-menu">
            {t('export')}{'\u00a0'}▾
          </button>
          {menu && (
            <ul role="menu" className="menu" onClick={() => setMenu(false)}>
              <li role="none"><button role="menuitem" type="button" onClick={() => onExport('png')} data-testid="export-png">{t('exportPng')}</button></li>
              <li role="none"><button role="menuitem" type="button" onClick={() => onExport('csv')} data-testid="export-csv">{t('exportCsv')}</button></li>
              <li role="none"><button role="menuitem" type="button" onClick={() => onExport('json')} data-testid="export-json">{t('exportJson')}</button></li>
              <li role="none"><button role="menuitem" type="button" onClick={() => onExport('gexf')} data-testid="export-gexf">{t('exportGexf')}</button></li>
              <li role="none"><button role="menuitem" type="button" onClick={() => onExport('graphml')} data-testid="export-graphml">{t('exportGraphml')}</button></li>
              <li role="none"><button role="menuitem" type="button" onClick={() => onExport('graphql')} data-testid="export-graphql">{t('copyGraphql')}</button></li>
              <li role="none"><button role="menuitem" type="button" onClick={() => onExport('link')} data-testid="export-link">{t('copyLink')}</button></li>
            </ul>
          )}
        </div>
      </nav>
      <button type="button" className="lang" onClick={() => updateView((v) => ({ lang: v.lang === 'zh' ? 'en' : 'zh' }))} data-testid="lang-toggle" lang={view.lang === 'zh' ? 'en' : 'zh'}>
        {t('lang')}
      </button>
    </header>
  );
}
