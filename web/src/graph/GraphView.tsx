// The graph canvas. One Cytoscape instance for the life of the page: data changes patch its
// elements, the timeline and filters toggle a `hidden` class, layouts move nodes to positions
// computed once (computeLayout.ts). React renders only the container.
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { Graph } from '../data/types.ts';
import type { Lang, LayoutName } from '../state/viewState.ts';
import { displayName } from '../i18n/strings.ts';
import { chainLayout, circleLayout, clusterLayout } from './computeLayout.ts';
import { LANE_PREFIX, patchElements, placeLanes, relabel } from './elements.ts';
import { graphStyle, type EdgeDetail } from './graphStyle.ts';
import { setCy } from './cyInstance.ts';
import type { Positions } from './positions.ts';
import { drawnOf, type VisibleSet } from './visibility.ts';
import { patchCytoscape } from './cytoscapePatches.ts';
import { measureSince, timed } from './timed.ts';

patchCytoscape();

export interface Highlight {
  kind: 'path' | 'evidence';
  nodes: string[];
  edges: string[];
}

export interface GraphViewProps {
  graph: Graph;
  colours: Map<string, string>;
  segmentNames: Map<string, { name: string; nameEn?: string | null }>;
  visible: VisibleSet;
  layout: LayoutName;
  circleCentre: string | null;
  circleMembers: Set<string> | null;
  selected: string | null;
  highlight: Highlight | null;
  lang: Lang;
  onSelect: (id: string) => void;
}

const ANIMATE_MAX_NODES = 2500;
/**
 * Above this many loaded relations, edges are drawn plain while zoomed out below DETAIL_ZOOM
 * (graphStyle.ts `overview`). Such a graph opens fitted at about 0.15–0.3 (2,000 firms: 0.15;
 * 1,000: 0.20), where an arrow is a pixel or two and no plain firm's label is drawn (11 px × zoom
 * is under its 7 px minimum), yet the curves, arrows and labels were all routed and measured for the
 * first frame: 2,000 firms with 2,379 relations opened in 3.4 s, 2.7 s drawn plain (browser bench, 100k).
 */
export const PLAIN_EDGES = 600;
/** Above this many loaded relations, edges stay straight (no parallel-edge fan) even zoomed in. */
export const LARGE_EDGES = 4000;
/** Zoom from which a graph drawn plain gets its arrows, dashes and labels back. */
export const DETAIL_ZOOM = 0.45;
/** Above this many elements, hovering a firm no longer fades every other element (a restyle of all). */
const HOVER_FADE_MAX = 6000;

function edgeDetail(edges: number, zoom: number | null): EdgeDetail {
  if (edges <= PLAIN_EDGES) return 'full';
  // Opening (no zoom yet), such a graph is fitted zoomed out.
  if (zoom === null || zoom < DETAIL_ZOOM) return 'overview';
  return edges <= LARGE_EDGES ? 'full' : 'straight';
}

/**
 * Cytoscape's canvas renderer caches the whole graph as a texture per zoom level for fast
 * panning, but only the first request builds it at once; later ones are queued and built a few
 * elements per frame, drawing everything directly until done (seconds of 0.5–2 s frames at 5k
 * firms). Marking the request after the first fit as a first one builds it during the first paint,
 * which draws every element once anyway. Internal field of cytoscape 3.x: a no-op if absent.
 */
function buildViewportTextureOnNextFrame(cy: cytoscape.Core): void {
  // Every element's bounding box computed now, before the paint: a box first computed while the
  // texture is built marks its element changed, and that change discards the texture a frame later.
  cy.elements().boundingBox();
  const r = (cy as unknown as { _private?: { renderer?: { data?: { lyrTxrCache?: { firstGet?: boolean } } } } })._private?.renderer;
  const ltc = r?.data?.lyrTxrCache;
  if (ltc && typeof ltc.firstGet === 'boolean') ltc.firstGet = true;
}

export function GraphView(props: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;
  const laidOut = useRef<string>('');
  const detail = useRef<EdgeDetail>('full');
  const edgeCount = useRef(0);
  /** What was drawn at the last visibility update, and which of it was leaving. */
  const prevVisible = useRef<{ nodes: Set<string>; edges: Set<string>; leaving: Set<string> } | null>(null);
  /** The positions the lane boxes are drawn around (the chain layout's), null when no lanes show. */
  const lanesAt = useRef<Positions | null>(null);
  const visibleNow = useRef<VisibleSet>(props.visible);
  visibleNow.current = props.visible;

  // Create once.
  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      textureOnViewport: false,
      hideEdgesOnViewport: false,
      pixelRatio: 'auto',
    });
    cyRef.current = cy;
    setCy(cy);
    // Edge detail follows the zoom on large graphs, switched once the zoom settles.
    let zoomTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('zoom', () => {
      clearTimeout(zoomTimer);
      zoomTimer = setTimeout(() => {
        const want = edgeDetail(edgeCount.current, cy.zoom());
        if (want !== detail.current) {
          detail.current = want;
          cy.style(graphStyle(want));
        }
      }, 200);
    });
    // The side panel opening or closing resizes the canvas: keep the visible graph in view.
    let lastW = container.current?.clientWidth ?? 0;
    const ro = new ResizeObserver(() => {
      const w = container.current?.clientWidth ?? 0;
      if (w === lastW) return;
      lastW = w;
      cy.resize();
      cy.fit(cy.nodes().not('.hidden'), 36);
    });
    if (container.current) ro.observe(container.current);
    cy.on('tap', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      if (!n.hasClass('lane')) onSelect.current(n.id());
    });
    cy.on('mouseover', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      if (n.hasClass('lane')) return;
      const hood = n.closedNeighborhood();
      cy.batch(() => {
        if (cy.elements().length <= HOVER_FADE_MAX) cy.elements().not(hood).addClass('hover-faded');
        hood.nodes().addClass('neighbour');
        n.addClass('hover');
        hood.edges().addClass('hover');
      });
    });
    cy.on('mouseout', 'node', () => {
      cy.batch(() => cy.elements('.hover-faded, .hover, .neighbour').removeClass('hover-faded hover neighbour'));
    });
    return () => {
      clearTimeout(zoomTimer);
      ro.disconnect();
      setCy(null);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  const { graph, colours, lang, segmentNames } = props;

  // Patch elements when the loaded graph changes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // A large graph opens zoomed out: style its edges for that before adding them (styles once).
    edgeCount.current = graph.edges.length;
    const want = edgeDetail(graph.edges.length, null);
    if (want !== detail.current) {
      detail.current = want;
      cy.style(graphStyle(want));
    }
    timed('elements', () => patchElements(cy, graph, colours, lang));
    laidOut.current = '';
    lanesAt.current = null;
    prevVisible.current = null;
  }, [graph, colours]);

  // Language: relabel in place.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    relabel(cy, lang);
    cy.batch(() => {
      for (const [id, s] of segmentNames) {
        const lane = cy.getElementById(LANE_PREFIX + id);
        const dl = displayName(lang, s.name, s.nameEn);
        if (lane.nonempty() && lane.data('dl') !== dl) lane.data('dl', dl);
      }
    });
  }, [lang, segmentNames, graph]);

  // Visibility: toggle only what changed since the last state. What is leaving (a firm that left
  // in the cursor's period) is drawn too, with the class `leaving` (faded, dashed).
  const { visible } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const prev = prevVisible.current;
    const drawn = drawnOf(visible);
    const leaving = visible.leaving ?? { nodes: new Set<string>(), edges: new Set<string>() };
    timed('visibility', () => cy.batch(() => {
      if (!prev) {
        // Touch only what must change: a class write restyles the element.
        cy.nodes().forEach((n) => {
          if (n.hasClass('lane')) return;
          const hide = !drawn.nodes.has(n.id());
          if (hide !== n.hasClass('hidden')) n.toggleClass('hidden', hide);
        });
        cy.edges().forEach((e) => {
          const hide = !drawn.edges.has(e.id());
          if (hide !== e.hasClass('hidden')) e.toggleClass('hidden', hide);
        });
      } else {
        for (const id of prev.nodes) if (!drawn.nodes.has(id)) cy.getElementById(id).addClass('hidden');
        for (const id of drawn.nodes) if (!prev.nodes.has(id)) cy.getElementById(id).removeClass('hidden');
        for (const id of prev.edges) if (!drawn.edges.has(id)) cy.getElementById(id).addClass('hidden');
        for (const id of drawn.edges) if (!prev.edges.has(id)) cy.getElementById(id).removeClass('hidden');
      }
      // Few elements leave in a period: the class is set on them and taken off the previous ones
      // (after a new graph, off any element that still has it).
      const wasLeaving = prev ? [...prev.leaving].map((id) => cy.getElementById(id)) : cy.elements('.leaving').toArray();
      for (const el of wasLeaving) if (!leaving.nodes.has(el.id()) && !leaving.edges.has(el.id())) el.removeClass('leaving');
      for (const id of [...leaving.nodes, ...leaving.edges]) {
        const el = cy.getElementById(id);
        if (!el.hasClass('leaving')) el.addClass('leaving');
      }
    }));
    if (lanesAt.current) placeLanes(cy, graph, lanesAt.current, drawn.nodes);
    prevVisible.current = { ...drawn, leaving: new Set([...leaving.nodes, ...leaving.edges]) };
  }, [visible, graph]);

  // Layout: positions computed once per (graph, layout) and kept; the move is animated.
  const { layout, circleCentre, circleMembers } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || graph.nodes.length === 0) return;
    const key = `${layout}|${layout === 'circle' ? `${circleCentre}|${circleMembers?.size}` : ''}`;
    if (laidOut.current === key) return;
    const first = laidOut.current === '';
    laidOut.current = key;
    const positions: Positions = timed('layout', () => {
      if (layout === 'chain') return chainLayout(graph);
      if (layout === 'circle' && circleCentre && circleMembers) return circleLayout(graph, circleCentre, circleMembers);
      return clusterLayout(graph);
    });
    const leaves = cy.nodes().not('.lane');
    const animate = !first && leaves.length <= ANIMATE_MAX_NODES;
    // Fit to the visible nodes: edges lie between them, and their boxes cost curve geometry.
    const fitVisible = () => cy.fit(cy.nodes().not('.hidden'), 36);
    // Lanes go away at once when leaving the chain layout, and come in where the firms land.
    lanesAt.current = layout === 'chain' ? positions : null;
    placeLanes(cy, graph, lanesAt.current, drawnOf(visibleNow.current).nodes);
    if (!animate) {
      timed('place', () =>
        cy.batch(() => {
          leaves.forEach((n) => {
            const p = positions.get(n.id());
            if (p) n.position(p);
          });
        }),
      );
      timed('fit', fitVisible);
      if (first) {
        timed('boxes', () => buildViewportTextureOnNextFrame(cy));
        // The first draw, which builds the viewport texture: from here to the next frame.
        const start = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => measureSince('first-draw', start)));
      }
      return;
    }
    leaves
      .layout({
        name: 'preset',
        positions: (n: cytoscape.NodeSingular) => positions.get(n.id()) ?? n.position(),
        animate: true,
        animationDuration: 650,
        animationEasing: 'ease-in-out-cubic',
        fit: false,
      } as cytoscape.LayoutOptions)
      .one('layoutstop', () => {
        cy.animate({ fit: { eles: cy.nodes().not('.hidden'), padding: 36 } }, { duration: 350 });
      })
      .run();
  }, [graph, layout, circleCentre, circleMembers]);

  // Selection and highlights.
  const { selected, highlight } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.selected-node, .path, .evidence, .faded').removeClass('selected-node path evidence faded');
      if (selected) cy.getElementById(selected).addClass('selected-node');
      if (highlight) {
        const cls = highlight.kind;
        const eles = cy.collection();
        for (const id of highlight.nodes) eles.merge(cy.getElementById(id));
        for (const id of highlight.edges) eles.merge(cy.getElementById(id));
        eles.addClass(cls);
        cy.elements().not(eles).not('.lane').addClass('faded');
      }
    });
    if (highlight && highlight.nodes.length) {
      const eles = cy.collection();
      for (const id of highlight.nodes) eles.merge(cy.getElementById(id));
      cy.animate({ fit: { eles, padding: 80 } }, { duration: 400 });
    }
  }, [selected, highlight, graph]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" aria-label="graph" role="img" />;
}
