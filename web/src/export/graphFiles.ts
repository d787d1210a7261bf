// The visible subgraph as GEXF (graphology-gexf) and GraphML (the model's writer) for Gephi. Loaded
// on demand by exportView.ts, so graphology stays out of the explorer's first download. The
// attributes match `npm run export -- --format gexf|graphml`: `label` is the display name,
// `nodeLabel` the model's label, an edge's `type` its relation type; GEXF also carries the on-screen
// position and colour of each node, so Gephi opens the file looking like the view.
import { MultiDirectedGraph } from 'graphology';
import { write as gexfWrite } from 'graphology-gexf/browser';
import { scalarAttributes, writeGraphml, type ScalarAttribute } from '@cangshan/model';
import type { VisibleSubgraph } from './exportView.ts';

type Attrs = Record<string, ScalarAttribute>;

/** Where and in what colour each node is drawn (from the live Cytoscape instance). */
export type NodeLooks = Map<string, { x: number; y: number; color?: string }>;

export function subgraphGraph(g: VisibleSubgraph): MultiDirectedGraph<Attrs, Attrs> {
  const graph = new MultiDirectedGraph<Attrs, Attrs>();
  for (const n of g.nodes) {
    const { id, kind, ...rest } = n;
    graph.addNode(id, { ...scalarAttributes(rest), nodeLabel: kind });
  }
  for (const e of g.edges) {
    const { id, source, target, ...rest } = e;
    if (graph.hasNode(source) && graph.hasNode(target) && !graph.hasEdge(id)) graph.addEdgeWithKey(id, source, target, scalarAttributes(rest));
  }
  return graph;
}

export function subgraphGexf(g: VisibleSubgraph, looks: NodeLooks): string {
  const graph = subgraphGraph(g);
  return gexfWrite(graph, {
    formatNode: (key, attrs) => {
      const { label, ...rest } = attrs;
      const look = looks.get(key);
      return { label: String(label ?? key), attributes: rest, viz: look ? { x: look.x, y: -look.y, color: look.color } : undefined };
    },
    formatEdge: (_key, attrs) => {
      const { label, ...rest } = attrs;
      return { label: String(label ?? ''), attributes: rest };
    },
  });
}

export function subgraphGraphml(g: VisibleSubgraph): string {
  return writeGraphml(subgraphGraph(g).export() as Parameters<typeof writeGraphml>[0]);
}
