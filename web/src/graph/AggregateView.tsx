// The aggregated overview's canvas: one node per group, one edge per pair of groups (aggregate.ts).
// Its own Cytoscape instance while it shows (the page's instance for exports and tests: cyInstance.ts);
// the timeline only rewrites each group's count and each pair's width, positions never move.
// A group opens (drill-down) on click, double-click, Enter on its button in the list beside the
// canvas, or by zooming in past DRILL_ZOOM over it.
import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import type { OverviewGroups } from '../data/types.ts';
import { displayName } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import type { GroupByName, Lang } from '../state/viewState.ts';
import { DRILL_ZOOM, drillFilter, groupKey, groupPositions, groupSize, indexAggregate, monthSlot, STRONG_TIES_PER_GROUP, strongTies, tieAlpha, tieId, tieWidth, valueAt, type AggregateIndex } from './aggregate.ts';
import { aggregateStyle } from './aggregateStyle.ts';
import { setCy } from './cyInstance.ts';
import { colourAt, DEFAULT_RELATION_STYLE, NO_SEGMENT_COLOUR, RELATION_STYLES } from './palette.ts';
import { measureSince } from './timed.ts';

export interface AggregateViewProps {
  data: OverviewGroups;
  groupBy: GroupByName;
  asOf: string | null;
  lang: Lang;
  onDrill: (group: string) => void;
}

/** A group's name in the view's language; the firms with none get the given word. */
function groupName(g: { name?: string | null; nameEn?: string | null }, lang: Lang, none: string): string {
  return g.name ? displayName(lang, g.name, g.nameEn) : none;
}

type Tie = OverviewGroups['ties'][number];

/** What a pair of groups with `w` ties looks like: its width, opacity and hover label. */
const tieLook = (w: number, maxWeight: number) => ({ width: tieWidth(w, maxWeight), alpha: tieAlpha(w, maxWeight), weight: w, dl: String(w) });

/** A pair of groups as a Cytoscape edge, as it looks at the month `slot` reads. */
function tieElement(tie: Tie, index: AggregateIndex, slot: number | null, classes: string[] = []): cytoscape.ElementDefinition {
  const id = tieId(tie.source, tie.target);
  const w = valueAt(index.weights.get(id), slot, tie.weight);
  const top = [...tie.byType].sort((a, b) => b.weight - a.weight)[0]?.type ?? '';
  return {
    group: 'edges',
    data: { id, source: groupKey(tie.source), target: groupKey(tie.target), colour: (RELATION_STYLES[top] ?? DEFAULT_RELATION_STYLE).colour, ...tieLook(w, index.maxWeight) },
    classes: w <= 0 ? [...classes, 'hidden'] : classes,
  };
}

/** Fits the groups into the part of the canvas the bar (top) and the group list (right) leave free. */
function fitBesideOverlays(cy: cytoscape.Core): void {
  cy.fit(undefined, 30);
  const w = cy.width();
  const h = cy.height();
  const free = { left: 20, top: 64, right: Math.min(260, w * 0.25), bottom: 30 };
  const scale = Math.min((w - free.left - free.right) / w, (h - free.top - free.bottom) / h);
  cy.zoom({ level: cy.zoom() * scale, renderedPosition: { x: w / 2, y: h / 2 } });
  cy.panBy({ x: (free.left - free.right) / 2, y: (free.top - free.bottom) / 2 });
}

export function AggregateView({ data, groupBy, asOf, lang, onDrill }: AggregateViewProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const drill = useRef(onDrill);
  drill.current = onDrill;
  const index = useMemo(() => indexAggregate(data), [data]);
  const slot = monthSlot(index.months, asOf);
  const none = t('aggNoGroup');
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const drillable = (key: string) => drillFilter(groupBy, key) !== null || groupBy === 'district';

  // Every pair, or each group's heaviest (strongTies): the rest of a group's pairs show while it is hovered.
  const [allTies, setAllTies] = useState(false);
  const strong = useMemo(() => strongTies(data.ties), [data]);
  const slotRef = useRef(slot);
  slotRef.current = slot;
  const showOwn = useRef<(key: string | null) => void>(() => undefined);

  // Create with every group and the pairs drawn, placed once.
  useEffect(() => {
    const start = performance.now();
    const positions = groupPositions(data);
    const colourOf = new Map(data.groups.map((g, i) => [groupKey(g.id), g.id === null ? NO_SEGMENT_COLOUR : colourAt(i)]));
    const cy = cytoscape({
      container: container.current,
      style: aggregateStyle(),
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      pixelRatio: 'auto',
      // While panning or zooming, one bitmap of the view moves instead of every curved, arrowed edge
      // being drawn again each frame (no GPU here: 133 ms frames at p95 over 850 pairs without it).
      textureOnViewport: true,
      elements: [
        ...data.groups.map((g) => ({
          group: 'nodes' as const,
          data: { id: groupKey(g.id), name: g.name, nameEn: g.nameEn, colour: colourOf.get(groupKey(g.id)), size: 20, dl: '' },
          position: positions.get(groupKey(g.id)) ?? { x: 0, y: 0 },
          classes: drillFilter(groupBy, groupKey(g.id)) === null && groupBy !== 'district' ? ['undrillable'] : [],
        })),
        ...data.ties.filter((tie) => allTies || strong.has(tieId(tie.source, tie.target))).map((tie) => tieElement(tie, index, slotRef.current)),
      ],
      layout: { name: 'preset' },
    });
    cyRef.current = cy;
    setCy(cy);
    fitBesideOverlays(cy);
    const open = (id: string) => {
      if (drillFilter(groupBy, id) !== null || groupBy === 'district') drill.current(id);
    };
    cy.on('tap dbltap', 'node', (ev) => open((ev.target as cytoscape.NodeSingular).id()));
    cy.on('mouseover', 'node, edge', (ev) => (ev.target as cytoscape.SingularElementArgument).addClass('hover'));
    cy.on('mouseout', 'node, edge', (ev) => (ev.target as cytoscape.SingularElementArgument).removeClass('hover'));
    // A hovered (or, from the list, focused) group shows all of its pairs, the lighter ones too.
    showOwn.current = (key) => {
      cy.remove(cy.edges('.extra'));
      if (key === null) return;
      const extra = data.ties.filter((tie) => (groupKey(tie.source) === key || groupKey(tie.target) === key) && cy.getElementById(tieId(tie.source, tie.target)).empty());
      if (extra.length > 0) cy.add(extra.map((tie) => tieElement(tie, index, slotRef.current, ['extra'])));
    };
    cy.on('mouseover', 'node', (ev) => showOwn.current((ev.target as cytoscape.NodeSingular).id()));
    cy.on('mouseout', 'node', () => showOwn.current(null));
    // Zooming in past DRILL_ZOOM opens the group under the middle of the view, once the zoom settles.
    let zoomTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('zoom', () => {
      clearTimeout(zoomTimer);
      zoomTimer = setTimeout(() => {
        if (cy.zoom() < DRILL_ZOOM) return;
        const ext = cy.extent();
        const cx = (ext.x1 + ext.x2) / 2;
        const cyy = (ext.y1 + ext.y2) / 2;
        let best: { id: string; d: number } | null = null;
        cy.nodes().not('.hidden').forEach((n) => {
          const p = n.position();
          const d = Math.hypot(p.x - cx, p.y - cyy);
          if (d <= Math.max(60, Number(n.data('size')) / 2 + 20) && (!best || d < best.d)) best = { id: n.id(), d };
        });
        if (best) open((best as { id: string }).id);
      }, 250);
    });
    const ro = new ResizeObserver(() => cy.resize());
    if (container.current) ro.observe(container.current);
    requestAnimationFrame(() => requestAnimationFrame(() => measureSince('first-draw', start)));
    return () => {
      clearTimeout(zoomTimer);
      ro.disconnect();
      showOwn.current = () => undefined;
      setCy(null);
      cy.destroy();
      cyRef.current = null;
    };
  }, [data, groupBy, allTies, strong, index]);

  // The cursor (and the language): counts, sizes and widths at that month.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      for (const g of data.groups) {
        const key = groupKey(g.id);
        const n = cy.getElementById(key);
        const count = valueAt(index.counts.get(key), slot, g.count);
        const dl = `${groupName(g, lang, none)}\n${count.toLocaleString(locale)}`;
        const size = groupSize(count, index.maxCount);
        if (n.data('dl') !== dl || n.data('size') !== size) n.data({ dl, size, count });
        n.toggleClass('empty', count === 0);
      }
      for (const tie of data.ties) {
        const id = tieId(tie.source, tie.target);
        const e = cy.getElementById(id);
        if (e.empty()) continue;
        const w = valueAt(index.weights.get(id), slot, tie.weight);
        const look = tieLook(w, index.maxWeight);
        if (e.data('width') !== look.width) e.data(look);
        const hide = w <= 0;
        if (hide !== e.hasClass('hidden')) e.toggleClass('hidden', hide);
      }
    });
  }, [data, index, slot, lang, locale, none, allTies]);

  const sorted = useMemo(() => data.groups.map((g) => ({ key: groupKey(g.id), g })), [data]);
  return (
    <>
      <div ref={container} className="graph-canvas" data-testid="aggregate-canvas" aria-label={t('aggCanvas')} role="img" />
      <nav className="group-list" aria-label={t('aggGroups')} data-testid="group-list">
        {strong.size < data.ties.length && (
          <label className="ties-toggle" title={t('aggTiesHint', { k: STRONG_TIES_PER_GROUP })}>
            <input type="checkbox" checked={allTies} onChange={(e) => setAllTies(e.target.checked)} data-testid="all-ties" data-total={data.ties.length} />{' '}
            {t('aggAllTies', { n: data.ties.length.toLocaleString(locale) })}
            {!allTies && <span className="muted" data-testid="ties-shown"> · {t('aggStrongShown', { n: strong.size.toLocaleString(locale) })}</span>}
          </label>
        )}
        <ul>
          {sorted.map(({ key, g }) => {
            const count = valueAt(index.counts.get(key), slot, g.count);
            return (
              <li key={key}>
                <button
                  type="button"
                  disabled={!drillable(key)}
                  onClick={() => onDrill(key)}
                  onFocus={() => {
                    cyRef.current?.getElementById(key).addClass('focus');
                    showOwn.current(key);
                  }}
                  onBlur={() => {
                    cyRef.current?.getElementById(key).removeClass('focus');
                    showOwn.current(null);
                  }}
                  data-testid={`group-${key}`}
                  data-count={count}
                >
                  <span>{groupName(g, lang, none)}</span> <span className="muted">{count.toLocaleString(locale)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
