// The one Cytoscape instance of the page, for code outside the graph component that needs it
// (export, tests through `window.__cy`). The GraphView creates it once and never rebuilds it.
import type cytoscape from 'cytoscape';

let current: cytoscape.Core | null = null;

declare global {
  interface Window {
    __cy?: cytoscape.Core;
  }
}

export function setCy(cy: cytoscape.Core | null): void {
  current = cy;
  if (typeof window !== 'undefined') {
    if (cy) window.__cy = cy;
    else delete window.__cy;
  }
}

export function getCy(): cytoscape.Core | null {
  return current;
}
