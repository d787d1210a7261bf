// The explorer: header, graph with legend, side panel, timeline. State is the view state
// (state/viewStore.ts, mirrored in the URL) plus what is loaded; everything else is derived.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { setToken } from '../auth/token.ts';
import { useToken } from '../auth/useToken.ts';
import { gql } from '../data/graphqlClient.ts';
import { CIRCLE_QUERY, FIRM_GROUP_QUERY, PATH_QUERY } from '../data/queries.ts';
import type { SearchHit } from '../data/types.ts';
import { useExplorerData } from '../data/useExplorerData.ts';
import { useGql } from '../data/useGql.ts';
import { exportCsv, exportGraphFile, exportJson, exportPng } from '../export/exportView.ts';
import { CIRCLE_DEPTH, viewQuery, type ViewQuery } from '../export/viewQuery.ts';
import { groupKey, indexAggregate, monthSlot, valueAt } from '../graph/aggregate.ts';
import { AggregateView } from '../graph/AggregateView.tsx';
import { getCy } from '../graph/cyInstance.ts';
import { GraphView, type Highlight } from '../graph/GraphView.tsx';
import { Legend } from '../graph/Legend.tsx';
import { RELATION_TYPES, segmentColours } from '../graph/palette.ts';
import { computeVisible, rankedNeighbours } from '../graph/visibility.ts';
import { formatYuan } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { SidePanel } from '../panels/SidePanel.tsx';
import type { LayoutName } from '../state/viewState.ts';
import { getView, updateView, useView } from '../state/viewStore.ts';
import { timelineMonths } from '../timeline/months.ts';
import { Timeline } from '../timeline/Timeline.tsx';
import { AggregateBar } from './AggregateBar.tsx';
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
  const { overview, graph, catalogue, parks, plan, size, groups } = useExplorerData(view);
  // A district larger than the browser draws firm by firm: its groups, or the drilled group's firms.
  const showGroups = plan.aggregated && plan.drilled === null;
  const aggIndex = useMemo(() => (groups ? indexAggregate(groups) : null), [groups]);
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

  const months = useMemo(() => (showGroups ? (groups?.months ?? []) : timelineMonths(graph.nodes)), [graph, showGroups, groups]);
  const growth = catalogue?.growth ?? [];
  const firms = useMemo(() => {
    if (showGroups) {
      if (!groups || !aggIndex) return 0;
      const slot = monthSlot(aggIndex.months, view.asOf);
      // No cursor: the API's count, each firm once (a firm in two segments is in both groups).
      if (slot === null) return groups.enterprises;
      return groups.groups.reduce((sum, g) => sum + valueAt(aggIndex.counts.get(groupKey(g.id)), slot, g.count), 0);
    }
    return [...visible.nodes].filter((id) => { const n = byId.get(id); return n?.kind === 'Enterprise' && n.local !== false; }).length;
  }, [visible, byId, showGroups, groups, aggIndex, view.asOf]);
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
  // Aggregated, a firm opens inside its group: the group is looked up, drilled into, and the firm selected.
  const openInGroup = useCallback(async (id: string) => {
    const v = getView();
    const d = await gql(FIRM_GROUP_QUERY, { id });
    const groupBy = v.groupBy === 'district' ? 'park' : v.groupBy;
    const group = groupBy === 'park' ? d.enterprise?.park?.id : d.enterprise?.segment?.id;
    updateView({ groupBy, group: groupKey(group), selected: id, panel: 'profile' });
  }, []);
  const onPick = useCallback((h: SearchHit) => {
    if (plan.aggregated) {
      openInGroup(h.id).catch((e: unknown) => setToast(String(e)));
      return;
    }
    select(h.id);
    setTimeout(() => centreOn(h.id), 50);
  }, [select, centreOn, plan.aggregated, openInGroup]);
  // A link naming a firm but no group (or a firm picked in a panel) while aggregated: open its group.
  useEffect(() => {
    if (plan.aggregated && showGroups && view.selected && view.group === null) openInGroup(view.selected).catch(() => undefined);
  }, [plan.aggregated, showGroups, view.selected, view.group, openInGroup]);
  // Drilled into a group, the selected firm is centred once its firms are drawn.
  useEffect(() => {
    if (plan.drilled && view.selected && graph.nodes.length > 0) setTimeout(() => centreOn(view.selected ?? ''), 60);
  }, [plan.drilled, graph, view.selected, centreOn]);
  const onDrill = useCallback((key: string) => {
    if (getView().groupBy === 'district') {
      // No firm filter names a district: its parks open instead.
      updateView({ groupBy: 'park', group: null });
      setToast(t('aggDistrictHint'));
      setTimeout(() => setToast(null), 2200);
      return;
    }
    updateView({ group: key });
  }, [t]);
  const onLayout = useCallback((l: LayoutName) => updateView((v) => ({ layout: l, anchor: l === 'circle' ? (v.anchor ?? (v.selected && byId.get(v.selected)?.isAnchor ? v.selected : null)) : v.anchor })), [byId]);

  const flash = (s: string) => { setToast(s); setTimeout(() => setToast(null), 1800); };
  const onExport = (what: ExportKind) => {
    const cy = getCy();
    if (what === 'graphql') setDialog(viewQuery(view, circleAnchor, plan.aggregated));
    else if (what === 'link') navigator.clipboard?.writeText(location.href).then(() => flash(t('copied')), () => flash(location.href));
    else if (!cy) return;
    else if (what === 'gexf' || what === 'graphml') exportGraphFile(cy, view, what).catch((e: unknown) => flash(String(e)));
    else (what === 'png' ? exportPng : what === 'csv' ? exportCsv : exportJson)(cy, view);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || (e.target as HTMLElement | null)?.closest('dialog, .search')) return;
      // Esc closes the panel first, then leaves a group drilled into.
      const v = getView();
      if (v.panel) updateView({ panel: null });
      else if (v.group) updateView({ group: null, selected: null, path: null, expanded: {} });
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

  const loading = showGroups ? !groups : overview.loading && graph.nodes.length === 0;
  const empty = !loading && !overview.error && !showGroups && visible.nodes.size === 0;
  const ready = !loading && (showGroups ? !!groups : !!overview.data);
  return (
    <div className={`app lang-${view.lang}`} data-testid="app" data-ready={ready} data-mode={plan.aggregated ? (showGroups ? 'groups' : 'group') : 'firms'}>
      <Header onPick={onPick} onLayout={onLayout} onExport={onExport} hasLeaders={leaders.available} />
      <main className={view.panel ? 'with-panel' : ''}>
        <section className="stage">
          {/* Until the size is known neither canvas: a district drawn by group never builds the firm view's. */}
          {size === null ? null : showGroups ? (groups && <AggregateView data={groups} groupBy={view.groupBy} asOf={view.asOf} lang={view.lang} onDrill={onDrill} />) : (<>
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
          </>)}
          {plan.aggregated && size !== null && (
            <AggregateBar
              size={size}
              groups={groups}
              drilled={plan.drilled}
              shown={plan.drilled && overview.data ? { nodes: graph.nodes.length, total: graph.totalEnterprises, truncated: graph.truncated } : null}
            />
          )}
          <div className="stage-info" data-testid="stage-info">
            {showGroups && groups ? (
              <>{groups.groups.length} {t('aggGroupsWord')} · <span data-testid="visible-count">{firms}</span> {t('firms')} · {groups.ties.length} {t('aggTiesWord')}</>
            ) : (
              <>{t('visible')}: <span data-testid="visible-count">{visible.nodes.size}</span> {t('nodes')} · {visible.edges.size} {t('edges')}</>
            )}
            {graph.truncated && !plan.drilled && <span className="warn"> · {graph.nodes.length}/{graph.totalEnterprises}</span>}
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
