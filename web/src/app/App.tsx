// The explorer: header, graph with legend, side panel, timeline. State is the view state
// (state/viewStore.ts, mirrored in the URL) plus what is loaded; everything else is derived.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { setToken } from '../auth/token.ts';
import { useToken } from '../auth/useToken.ts';
import { CIRCLE_QUERY, PATH_QUERY } from '../data/queries.ts';
import type { SearchHit } from '../data/types.ts';
import { useExplorerData } from '../data/useExplorerData.ts';
import { useGql } from '../data/useGql.ts';
import { exportCsv, exportGraphFile, exportJson, exportPng } from '../export/exportView.ts';
import { CIRCLE_DEPTH, viewQuery, type ViewQuery } from '../export/viewQuery.ts';
import { getCy } from '../graph/cyInstance.ts';
import { GraphView, type Highlight } from '../graph/GraphView.tsx';
import { Legend } from '../graph/Legend.tsx';
import { RELATION_TYPES, segmentColours } from '../graph/palette.ts';
import { computeVisible, rankedNeighbours } from '../graph/visibility.ts';
import { formatYuan } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { SidePanel } from '../panels/SidePanel.tsx';
import type { LayoutName } from '../state/viewState.ts';
import { updateView, useView } from '../state/viewStore.ts';
import { timelineMonths } from '../timeline/months.ts';
import { Timeline } from '../timeline/Timeline.tsx';
import { GraphqlDialog } from './GraphqlDialog.tsx';
import { Header, type ExportKind } from './Header.tsx';
import { StatusBanner } from './StatusBanner.tsx';
import { useRoute } from './useRoute.ts';
import { useLeaders } from '../panels/leaders/useLeaders.ts';

// The registry pages load on first visit: the explorer's first paint does not pay for them.
const RegistryShell = lazy(() => import('../import/RegistryShell.tsx'));
const BriefPage = lazy(() => import('../brief/BriefPage.tsx'));

/** The explorer, a registry page (`#/import`, `#/review`) or the briefing (`#/brief`): app/route.ts. */
export function App() {
  const route = useRoute();
  if (route === 'explorer') return <Explorer />;
  return (
    <Suspense fallback={<div className="status loading" role="status"><span className="spinner" aria-hidden /></div>}>
      {route === 'brief' ? <BriefPage /> : <RegistryShell route={route} />}
    </Suspense>
  );
}

function Explorer() {
  const view = useView();
  const t = useT();
  const { overview, graph, catalogue, parks } = useExplorerData();
  const [dialog, setDialog] = useState<ViewQuery | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const leaders = useLeaders();
  const token = useToken();

  useEffect(() => {
    document.documentElement.lang = view.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
  }, [view.lang, t]);

  const colours = useMemo(() => segmentColours(graph), [graph]);
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const segmentNames = useMemo(() => {
    const m = new Map<string, { name: string; nameEn?: string | null }>();
    for (const c of catalogue?.chains ?? []) for (const s of c.segments) m.set(s.id, s);
    return m;
  }, [catalogue]);

  // Circle of friends: positions from the circle as it stands today, visibility from the circle as
  // of the cursor (so the layout never reshuffles while the timeline plays).
  const firstAnchor = catalogue?.anchors[0]?.id ?? graph.nodes.find((n) => n.isAnchor)?.id ?? null;
  const circleAnchor = view.layout === 'circle' ? (view.anchor ?? (view.selected && byId.get(view.selected)?.isAnchor ? view.selected : firstAnchor)) : null;
  // (With no anchor there is no query, and its variables are not sent.)
  const circleAll = useGql(circleAnchor ? CIRCLE_QUERY : null, { anchorId: circleAnchor ?? '', depth: CIRCLE_DEPTH });
  const circleNow = useGql(circleAnchor && view.asOf ? CIRCLE_QUERY : null, { anchorId: circleAnchor ?? '', depth: CIRCLE_DEPTH, asOf: view.asOf });
  const circleMembers = useMemo(() => (circleAll.data ? new Set(circleAll.data.circle.nodes.map((n) => n.id)) : null), [circleAll.data]);
  const circleScopeNow = useMemo(() => (circleNow.data ? new Set(circleNow.data.circle.nodes.map((n) => n.id)) : null), [circleNow.data]);
  const scope = circleAnchor ? (view.asOf ? (circleScopeNow ?? circleMembers ?? new Set<string>()) : (circleMembers ?? new Set<string>())) : null;

  const baseVisible = useMemo(
    () => computeVisible({ graph, asOf: view.asOf, filters: view.filters, scope, expanded: view.expanded }),
    [graph, view.asOf, view.filters, scope, view.expanded],
  );
  // A recruitment target's evidence is shown even where time or filters would hide it.
  const visible = useMemo(() => {
    if (!view.target || !leaders.evidence) return baseVisible;
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    const nodes = new Set(baseVisible.nodes);
    const edges = new Set(baseVisible.edges);
    for (const id of leaders.evidence.nodes) if (byId.has(id)) nodes.add(id);
    for (const id of leaders.evidence.edges) if (edgeIds.has(id)) edges.add(id);
    return { nodes, edges };
  }, [baseVisible, view.target, leaders.evidence, graph, byId]);

  const pathQ = useGql(view.path ? PATH_QUERY : null, { fromId: view.path?.[0] ?? '', toId: view.path?.[1] ?? '', maxLength: 6 });
  const highlight = useMemo<Highlight | null>(() => {
    if (view.path && pathQ.data?.path) return { kind: 'path', nodes: pathQ.data.path.nodes.map((n) => n.id), edges: pathQ.data.path.edges.map((e) => e.id) };
    if (view.target && leaders.evidence) return { kind: 'evidence', ...leaders.evidence };
    return null;
  }, [view.path, pathQ.data, view.target, leaders.evidence]);

  const months = useMemo(() => timelineMonths(graph.nodes), [graph]);
  const growth = catalogue?.growth ?? [];
  const firms = useMemo(() => [...visible.nodes].filter((id) => { const n = byId.get(id); return n?.kind === 'Enterprise' && n.local !== false; }).length, [visible, byId]);
  // null when no project up to the cursor has a known amount: the counter then shows "—", not a made-up 0.
  const investment = useMemo(() => {
    const known = growth.filter((p) => (view.asOf === null || p.period <= view.asOf) && p.investmentYuan != null);
    return known.length === 0 ? null : known.reduce((s, p) => s + (p.investmentYuan ?? 0), 0);
  }, [growth, view.asOf]);

  const centreOn = useCallback((id: string) => {
    const cy = getCy();
    const n = cy?.getElementById(id);
    if (cy && n && n.nonempty() && !n.hasClass('hidden')) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 400 });
  }, []);
  const select = useCallback((id: string) => updateView({ selected: id, panel: 'profile' }), []);
  const onPick = useCallback((h: SearchHit) => { select(h.id); setTimeout(() => centreOn(h.id), 50); }, [select, centreOn]);
  const onLayout = useCallback((l: LayoutName) => updateView((v) => ({ layout: l, anchor: l === 'circle' ? (v.anchor ?? (v.selected && byId.get(v.selected)?.isAnchor ? v.selected : null)) : v.anchor })), [byId]);

  const flash = (s: string) => { setToast(s); setTimeout(() => setToast(null), 1800); };
  const onExport = (what: ExportKind) => {
    const cy = getCy();
    if (what === 'graphql') setDialog(viewQuery(view, circleAnchor));
    else if (what === 'link') navigator.clipboard?.writeText(location.href).then(() => flash(t('copied')), () => flash(location.href));
    else if (!cy) return;
    else if (what === 'gexf' || what === 'graphml') exportGraphFile(cy, view, what).catch((e: unknown) => flash(String(e)));
    else (what === 'png' ? exportPng : what === 'csv' ? exportCsv : exportJson)(cy, view);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target as HTMLElement | null)?.closest('dialog, .search')) updateView({ panel: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const present = useMemo(() => new Set(graph.edges.map((e) => e.type)), [graph]);
  const legendSegments = useMemo(() => {
    const shown = new Set<string>();
    for (const id of visible.nodes) { const s = byId.get(id)?.segmentId; if (s) shown.add(s); }
    return [...colours].filter(([id]) => shown.has(id)).map(([id, colour]) => ({ id, colour, name: segmentNames.get(id)?.name ?? byId.get([...visible.nodes].find((n) => byId.get(n)?.segmentId === id) ?? '')?.segmentName ?? id, nameEn: segmentNames.get(id)?.nameEn }));
  }, [colours, visible, byId, segmentNames]);
  const visibleHas = (p: (id: string) => boolean) => [...visible.nodes].some(p);

  const loading = overview.loading && graph.nodes.length === 0;
  const empty = !loading && !overview.error && visible.nodes.size === 0;
  return (
    <div className={`app lang-${view.lang}`} data-testid="app" data-ready={!loading && !!overview.data}>
      <Header onPick={onPick} onLayout={onLayout} onExport={onExport} hasLeaders={leaders.available} />
      <main className={view.panel ? 'with-panel' : ''}>
        <section className="stage">
          <GraphView
            graph={graph}
            colours={colours}
            segmentNames={segmentNames}
            visible={visible}
            layout={view.layout}
            circleCentre={circleAnchor}
            circleMembers={circleMembers}
            selected={view.selected}
            highlight={highlight}
            lang={view.lang}
            onSelect={select}
          />
          <Legend
            segments={legendSegments}
            relations={RELATION_TYPES.filter((r) => present.has(r))}
            hasSynthetic={visibleHas((id) => !!byId.get(id)?.synthetic)}
            hasOutside={visibleHas((id) => byId.get(id)?.local === false)}
          />
          <div className="stage-info" data-testid="stage-info">
            {t('visible')}: <span data-testid="visible-count">{visible.nodes.size}</span> {t('nodes')} · {visible.edges.size} {t('edges')}
            {graph.truncated && <span className="warn"> · {graph.nodes.length}/{graph.totalEnterprises}</span>}
            {/* Signed in (the server wants a token for reads): sign out here, out of the header's way. */}
            {token && (
              <>
                {' · '}
                <button type="button" onClick={() => setToken(null)} data-testid="sign-out" style={{ border: 'none', background: 'none', padding: 0, color: 'inherit', font: 'inherit', textDecoration: 'underline', cursor: 'pointer' }}>
                  {t('signOut')}
                </button>
              </>
            )}
          </div>
          <StatusBanner overview={overview} loading={loading} empty={empty} noFirms={empty && graph.nodes.length === 0} />
          {toast && <div className="toast" role="status">{toast}</div>}
        </section>
        {view.panel && (
          <SidePanel
            graph={graph}
            byId={byId}
            catalogue={catalogue}
            parks={parks}
            present={present}
            pathResult={pathQ.data?.path}
            pathLoading={pathQ.loading}
            neighbourCount={view.selected ? rankedNeighbours(graph, view.selected, byId).length : 0}
            onSelect={(id) => { select(id); centreOn(id); }}
            leaders={leaders}
          />
        )}
      </main>
      <Timeline months={months} asOf={view.asOf} growth={growth} firms={firms} investment={investment === null ? '—' : formatYuan(view.lang, investment)} onChange={(asOf) => updateView({ asOf })} />
      {dialog && <GraphqlDialog vq={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}
