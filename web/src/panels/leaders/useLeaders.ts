// Whether the API has the recruitment fields (probed once by introspection, so the web view works
// against an API without them), and the leaders' data when the panel or a target needs it.
import { useMemo } from 'react';
import { useGql } from '../../data/useGql.ts';
import { useView } from '../../state/viewStore.ts';
import { LEADERS_QUERY, PROBE_QUERY, type ChainGaps, type Target } from './leadersQueries.ts';

export interface LeadersState {
  available: boolean;
  gaps: ChainGaps[] | null;
  targets: Target[] | null;
  loading: boolean;
  error: string | null;
  /** The highlighted target's evidence, for the graph. */
  evidence: { nodes: string[]; edges: string[] } | null;
}

export function useLeaders(): LeadersState {
  const view = useView();
  const probe = useGql(PROBE_QUERY);
  const available = !!probe.data?.__type?.fields?.some((f) => f.name === 'recruitmentTargets');
  const wanted = available && (view.panel === 'leaders' || view.target !== null);
  const q = useGql(wanted ? LEADERS_QUERY : null, { anchorId: view.anchor, asOf: view.asOf, limit: 15 });
  const targets = q.data?.recruitmentTargets ?? null;
  const evidence = useMemo(() => {
    const t = targets?.find((x) => x.enterprise.id === view.target);
    if (!t) return null;
    return { nodes: [t.enterprise.id, ...t.evidence.nodes.map((n) => n.id)], edges: t.evidence.edges.map((e) => e.id) };
  }, [targets, view.target]);
  return { available, gaps: q.data?.chainGaps ?? null, targets, loading: q.loading, error: q.error?.message ?? null, evidence };
}
