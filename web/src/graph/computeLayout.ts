// Positions for each layout, computed once per loaded graph and kept, for speed: the
// cluster view is fcose refined from the deterministic seed, run headless off the visible canvas
// and only for sizes where it is affordable; beyond that the seed itself is the cluster view.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Graph } from '../data/types.ts';
import { chainPositions, clusterPositions, concentricPositions, type Positions } from './positions.ts';

cytoscape.use(fcose);

/** Above this many nodes fcose is skipped (draft quality costs ~1.7 s for 5k here: too slow for a 2 s first paint). */
export const FCOSE_MAX_NODES = 1500;
/** Up to this size fcose runs at default quality (0.55 s for 200 nodes measured here), draft above. */
export const FCOSE_DEFAULT_QUALITY_MAX = 300;

const clusterCache = new WeakMap<Graph, Positions>();
const chainCache = new WeakMap<Graph, Positions>();

export function nodeSize(n: { isAnchor?: boolean | null; degree?: number | null }): number {
  return n.isAnchor ? 54 : 16 + Math.min(20, Math.sqrt(n.degree ?? 0) * 4);
}

function fcoseRefine(graph: Graph, seed: Positions): Positions {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const headless = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    elements: [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: nodeSize(n) + 30 }, position: seed.get(n.id) ?? { x: 0, y: 0 } })),
      ...graph.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
        .map((e) => ({ group: 'edges' as const, data: { id: `e:${e.id}`, source: e.source, target: e.target } })),
    ],
  });
  headless
    .layout({
      name: 'fcose',
      quality: graph.nodes.length <= FCOSE_DEFAULT_QUALITY_MAX ? 'default' : 'draft',
      randomize: false,
      animate: false,
      fit: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 90,
      nodeSeparation: 80,
      packComponents: true,
      tile: true,
    } as cytoscape.LayoutOptions)
    .run();
  const out: Positions = new Map();
  headless.nodes().forEach((n) => {
    const p = n.position();
    out.set(n.id(), { x: p.x, y: p.y });
  });
  headless.destroy();
  return out;
}

export function clusterLayout(graph: Graph): Positions {
  let p = clusterCache.get(graph);
  if (!p) {
    const seed = clusterPositions(graph);
    // fcose refinement is opt-in (?fcose=1): headless fcose here stalled on the article graph
    // (many tiny components), so the deterministic segment clusters are the default cluster view.
    const wantFcose = typeof location !== 'undefined' && new URLSearchParams(location.search).get('fcose') === '1';
    p = wantFcose && graph.nodes.length <= FCOSE_MAX_NODES && graph.nodes.length > 1 ? fcoseRefine(graph, seed) : seed;
    clusterCache.set(graph, p);
  }
  return p;
}

export function chainLayout(graph: Graph): Positions {
  let p = chainCache.get(graph);
  if (!p) {
    p = chainPositions(graph);
    chainCache.set(graph, p);
  }
  return p;
}

export function circleLayout(graph: Graph, centre: string, members: Set<string>): Positions {
  return concentricPositions(graph, centre, members);
}
