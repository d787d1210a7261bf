// The side panel: one of profile, filters, dashboard, path, leaders (view state `panel`).
import { useEffect, useRef } from 'react';
import type { Catalogue, Park } from '../data/useExplorerData.ts';
import type { Graph, GraphNode } from '../data/types.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import type { PanelName } from '../state/viewState.ts';
import { updateView, useView } from '../state/viewStore.ts';
import { DashboardPanel } from './DashboardPanel.tsx';
import { FiltersPanel } from './FiltersPanel.tsx';
import { LeadersPanel } from './leaders/LeadersPanel.tsx';
import type { LeadersState } from './leaders/useLeaders.ts';
import { PathPanel } from './PathPanel.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';

export interface SidePanelProps {
  graph: Graph;
  byId: Map<string, GraphNode>;
  catalogue: Catalogue | null;
  parks: Park[];
  present: Set<string>;
  pathResult: Graph | null | undefined;
  pathLoading: boolean;
  neighbourCount: number;
  onSelect: (id: string) => void;
  leaders: LeadersState;
}

const TITLES: Record<PanelName, StringKey> = { profile: 'profile', filters: 'filters', dashboard: 'dashboard', path: 'pathTitle', leaders: 'leaders' };

export function SidePanel(p: SidePanelProps) {
  const t = useT();
  const view = useView();
  const ref = useRef<HTMLElement>(null);
  const panel = view.panel;
  useEffect(() => {
    ref.current?.focus();
  }, [panel, view.selected]);
  if (!panel) return null;
  const pathFrom = view.path?.[0] ?? view.selected;
  return (
    <aside className="side-panel" ref={ref} tabIndex={-1} aria-label={t(TITLES[panel])} data-testid="side-panel" data-panel={panel}>
      <div className="panel-head">
        <h2>{t(TITLES[panel])}</h2>
        <button type="button" className="close" onClick={() => updateView({ panel: null })} aria-label={t('close')} data-testid="panel-close">
          ×
        </button>
      </div>
      <div className="panel-body">
        {panel === 'profile' && view.selected && (
          <ProfilePanel
            key={view.selected}
            id={view.selected}
            expandedCap={view.expanded[view.selected] ?? null}
            neighbourCount={p.neighbourCount}
            onSelect={p.onSelect}
            onExpand={(cap) =>
              updateView((v) => {
                const expanded = { ...v.expanded };
                if (cap === null) delete expanded[view.selected!];
                else expanded[view.selected!] = cap;
                return { expanded };
              })
            }
            onCircle={(id) => updateView({ layout: 'circle', anchor: id })}
            onConnect={(id) => updateView({ panel: 'path', path: null, selected: id })}
          />
        )}
        {panel === 'filters' && (
          <FiltersPanel filters={view.filters} chains={p.catalogue?.chains ?? []} parks={p.parks} presentRelations={p.present} onChange={(filters) => updateView({ filters })} />
        )}
        {panel === 'dashboard' && <DashboardPanel onSelect={p.onSelect} />}
        {panel === 'path' && (
          <PathPanel
            from={pathFrom}
            to={view.path?.[1] ?? null}
            names={p.byId}
            result={p.pathResult}
            loading={p.pathLoading}
            onFrom={(id) => updateView((v) => ({ selected: id, path: v.path ? [id, v.path[1]] : null }))}
            onTo={(id) => pathFrom && updateView({ path: [pathFrom, id] })}
            onSelect={p.onSelect}
          />
        )}
        {panel === 'leaders' && <LeadersPanel leaders={p.leaders} byId={p.byId} chains={p.catalogue?.chains ?? []} onSelect={p.onSelect} />}
      </div>
    </aside>
  );
}
