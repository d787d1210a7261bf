// A target's evidence as a small picture: the target on the left, the scope's firms it is tied to
// in columns to the right by how many steps away they are (a two-step tie passes the firm in
// between), anchors ringed, each tie named. Static SVG: it prints crisply and needs no Cytoscape.
import type { Lang } from '../state/viewState.ts';
import type { BriefTarget } from './briefQueries.ts';

const W = 190;
const H = 58;
const MAX_PER_COLUMN = 3;

const TIE_WORDS: Record<string, [string, string]> = {
  ATTRACTED: ['引进', 'attracted'],
  SUPPLIES: ['供应', 'supplies'],
  PART_OF: ['隶属', 'part of'],
  PARTNER_OF: ['合作', 'partner'],
};

function short(lang: Lang, label: string, labelEn?: string | null): string {
  const s = lang === 'en' && labelEn ? labelEn : label;
  const max = lang === 'en' && labelEn ? 14 : 7;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Column of each node: 0 the target, then the number of ties from it (breadth-first over the evidence). */
function columns(target: string, edges: { source: string; target: string }[]): Map<string, number> {
  const col = new Map([[target, 0]]);
  let frontier = [target];
  for (let depth = 1; frontier.length && depth <= 2; depth++) {
    const next: string[] = [];
    for (const e of edges) {
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
        if (frontier.includes(a) && !col.has(b)) {
          col.set(b, depth);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  return col;
}

export function EvidenceSketch({ target, lang, label }: { target: BriefTarget; lang: Lang; label: string }) {
  const id = target.enterprise.id;
  const nodes = new Map(target.evidence.nodes.map((n) => [n.id, n]));
  const col = columns(id, target.evidence.edges);
  const perCol: string[][] = [[id], [], []];
  for (const [n, c] of col) if (c > 0 && perCol[c]!.length < MAX_PER_COLUMN) perCol[c]!.push(n);
  const used = perCol.filter((c) => c.length > 0).length;
  const pos = new Map<string, { x: number; y: number }>();
  // Labels sit right of their dot (the target's below it), so a column is a dot and ~7 characters wide.
  const xs = used === 3 ? [8, 68, 128] : [8, 96];
  perCol.forEach((ids, c) => ids.forEach((n, i) => pos.set(n, { x: xs[c] ?? 8, y: c === 0 ? H / 2 - 6 : ((i + 1) * H) / (ids.length + 1) })));
  const edges = target.evidence.edges.filter((e) => pos.has(e.source) && pos.has(e.target));
  return (
    <svg className="brief-evidence" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="brief-evidence">
      {edges.map((e) => {
        const a = pos.get(e.source)!;
        const b = pos.get(e.target)!;
        const word = TIE_WORDS[e.type]?.[lang === 'zh' ? 0 : 1] ?? e.type;
        return (
          <g key={e.id}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#868e96" strokeWidth={1} />
            <text x={(a.x + b.x) / 2} y={(a.y + b.y) / 2 - 2} className="tie" textAnchor="middle">{word}</text>
          </g>
        );
      })}
      {[...pos].map(([n, p]) => {
        const node = nodes.get(n);
        const isTarget = n === id;
        return (
          <g key={n}>
            <circle cx={p.x} cy={p.y} r={isTarget ? 5 : 4} fill={isTarget ? '#c2410c' : '#fff'} stroke={node?.isAnchor ? '#e8590c' : '#495057'} strokeWidth={node?.isAnchor ? 2 : 1} />
            <text x={isTarget ? p.x - 5 : p.x + 7} y={isTarget ? p.y + 15 : p.y + 3} className="node">
              {short(lang, node?.label ?? target.enterprise.name, node?.labelEn ?? target.enterprise.nameEn)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
