// The graph canvas. One Cytoscape instance for the life of the page: data changes patch its
// elements, the timeline and filters toggle a `hidden` class, layouts move nodes to positions
// computed once (computeLayout.ts). React renders only the container.
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { Graph } from '../data/types.ts';
import type { Lang, LayoutName } from '../state/viewState.ts';
import { displayName } from '../i18n/strings.ts';
import { chainLayout, circleLayout, clusterLayout } from './computeLayout.ts';
import { LANE_PREFIX, patchElements, relabel } from './elements.ts';
import { graphStyle } from './graphStyle.ts';
import { setCy } from './cyInstance.ts';
import type { Positions } from './positions.ts';
import type { VisibleSet } from './visibility.ts';

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

export function GraphView(props: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;
  const laidOut = useRef<string>('');
  const prevVisible = useRef<VisibleSet | null>(null);

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
    // The side panel opening or closing resizes the canvas: keep the visible graph in view.
    let lastW = container.current?.clientWidth ?? 0;
    const ro = new ResizeObserver(() => {
      const w = container.current?.clientWidth ?? 0;
      if (w === lastW) return;
      lastW = w;
      cy.resize();
      cy.fit(cy.elements().not('.hidden'), 36);
    });
    if (container.current) ro.observe(container.current);
    cy.on('tap', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      if (!n.isParent()) onSelect.current(n.id());
    });
    cy.on('mouseover', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      if (n.isParent()) return;
      const hood = n.closedNeighborhood();
      cy.batch(() => {
        cy.elements().not(hood).addClass('hover-faded');
        hood.nodes().addClass('neighbour');
        n.addClass('hover');
        hood.edges().addClass('hover');
      });
    });
    cy.on('mouseout', 'node', () => {
      cy.batch(() => cy.elements().removeClass('hover-faded hover neighbour'));
    });
    return () => {
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
    patchElements(cy, graph, colours, lang);
    laidOut.current = '';
    prevVisible.current = null;
  }, [graph, colours]);

  // Language: relabel in place.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    relabel(cy, lang);
    cy.batch(() => {
      for (const [id, s] of segmentNames) cy.getElementById(LANE_PREFIX + id).data('dl', displayName(lang, s.name, s.nameEn));
    });
  }, [lang, segmentNames, graph]);

  // Visibility: toggle only what changed since the last state.
  const { visible } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const prev = prevVisible.current;
    cy.batch(() => {
      if (!prev) {
        cy.nodes().forEach((n) => {
          if (!n.isParent()) n.toggleClass('hidden', !visible.nodes.has(n.id()));
        });
        cy.edges().forEach((e) => {
          e.toggleClass('hidden', !visible.edges.has(e.id()));
        });
      } else {
        for (const id of prev.nodes) if (!visible.nodes.has(id)) cy.getElementById(id).addClass('hidden');
        for (const id of visible.nodes) if (!prev.nodes.has(id)) cy.getElementById(id).removeClass('hidden');
        for (const id of prev.edges) if (!visible.edges.has(id)) cy.getElementById(id).addClass('hidden');
        for (const id of visible.edges) if (!prev.edges.has(id)) cy.getElementById(id).removeClass('hidden');
      }
      cy.nodes(':parent').forEach((p) => {
        p.toggleClass('hidden', !p.children().toArray().some((c) => visible.nodes.has(c.id())));
      });
    });
    prevVisible.current = visible;
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
    let positions: Positions;
    if (layout === 'chain') positions = chainLayout(graph);
    else if (layout === 'circle' && circleCentre && circleMembers) positions = circleLayout(graph, circleCentre, circleMembers);
    else positions = clusterLayout(graph);
    cy.nodes(':parent').toggleClass('lane', layout === 'chain');
    const leaves = cy.nodes().not(':parent');
    const animate = !first && leaves.length <= ANIMATE_MAX_NODES;
    const fitVisible = () => cy.fit(cy.elements().not('.hidden'), 36);
    if (!animate) {
      cy.batch(() => {
        leaves.forEach((n) => {
          const p = positions.get(n.id());
          if (p) n.position(p);
        });
      });
      fitVisible();
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
        cy.animate({ fit: { eles: cy.elements().not('.hidden'), padding: 36 } }, { duration: 350 });
      })
      .run();
  }, [graph, layout, circleCentre, circleMembers]);

  // Selection and highlights.
  const { selected, highlight } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('selected-node path evidence faded');
      if (selected) cy.getElementById(selected).addClass('selected-node');
      if (highlight) {
        const cls = highlight.kind;
        const eles = cy.collection();
        for (const id of highlight.nodes) eles.merge(cy.getElementById(id));
        for (const id of highlight.edges) eles.merge(cy.getElementById(id));
        eles.addClass(cls);
        cy.elements().not(eles).not(':parent').addClass('faded');
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
