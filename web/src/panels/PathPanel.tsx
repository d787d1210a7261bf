// "How are these two connected": pick two firms, see the shortest connection highlighted in the
// graph and spelled out here.
import type { Graph } from '../data/types.ts';
import { displayName } from '../i18n/strings.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { useView } from '../state/viewStore.ts';

export interface PathPanelProps {
  from: string | null;
  to: string | null;
  names: Map<string, { label: string; labelEn?: string | null }>;
  result: Graph | null | undefined;
  loading: boolean;
  onFrom: (id: string) => void;
  onTo: (id: string) => void;
  onSelect: (id: string) => void;
}

/** Orders the path's edges from `from` to `to` (the API returns a path as a set). */
function walk(g: Graph, from: string): { node: string; edge?: { type: string; forward: boolean } }[] {
  const steps: { node: string; edge?: { type: string; forward: boolean } }[] = [{ node: from }];
  const used = new Set<string>();
  let at = from;
  for (let i = 0; i < g.edges.length; i++) {
    const e = g.edges.find((x) => !used.has(x.id) && (x.source === at || x.target === at));
    if (!e) break;
    used.add(e.id);
    const forward = e.source === at;
    at = forward ? e.target : e.source;
    steps.push({ node: at, edge: { type: e.type, forward } });
  }
  return steps;
}

export function PathPanel(p: PathPanelProps) {
  const t = useT();
  const { lang } = useView();
  const name = (id: string) => {
    const n = p.names.get(id);
    return n ? displayName(lang, n.label, n.labelEn) : id;
  };
  return (
    <div className="path-panel" data-testid="path-panel">
      <label>
        {t('pathFrom')}: <strong>{p.from ? name(p.from) : '—'}</strong>
      </label>
      <SearchBox onPick={(h) => p.onFrom(h.id)} testId="path-from" placeholder={t('pathFrom')} firmsOnly />
      <label>
        {t('pathTo')}: <strong>{p.to ? name(p.to) : '—'}</strong>
      </label>
      <SearchBox onPick={(h) => p.onTo(h.id)} testId="path-to" placeholder={t('pathPickHint')} firmsOnly />
      {p.loading && <p className="muted">{t('loading')}</p>}
      {p.from && p.to && !p.loading && p.result === null && <p data-testid="path-none">{t('pathNone', { n: 6 })}</p>}
      {p.from && p.result && (
        <div data-testid="path-result">
          <h4>{t('pathHops', { n: p.result.edges.length })}</h4>
          <ol className="path-steps">
            {walk(p.result, p.from).map((s, i) => (
              <li key={i}>
                {s.edge && (
                  <span className="muted small">
                    {s.edge.forward ? '→' : '←'} {t(`rel${s.edge.type}` as StringKey)}{' '}
                  </span>
                )}
                <button type="button" className="link" onClick={() => p.onSelect(s.node)}>
                  {name(s.node)}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
