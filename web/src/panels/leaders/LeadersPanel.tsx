// The leaders' view: chain gaps as lanes (empty segments visible), the ranked
// recruitment targets with their reasons, a click shows a target's evidence in the graph, and a
// what-if: "if this firm lands, these gaps close".
import { useGql } from '../../data/useGql.ts';
import type { GraphNode, IndustryChain } from '../../data/types.ts';
import { displayName } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { updateView, useView } from '../../state/viewStore.ts';
import { GapLegend, GapMark, GapStatusWord, statusClass } from './GapStatusMark.tsx';
import { GapReasons } from './GapReasons.tsx';
import { TargetKindLabel } from './TargetKindLabel.tsx';
import { WHAT_IF_QUERY, type Target } from './leadersQueries.ts';
import { briefHash } from '../../brief/briefParams.ts';
import type { LeadersState } from './useLeaders.ts';
import { PipelineSection } from './pipeline/PipelineSection.tsx';
import { PipelineTargetMark } from './pipeline/PipelineTargetMark.tsx';

const FACTOR_COLOURS: Record<Target['factors'][number]['name'], string> = {
  anchorTies: '#e8590c', localTies: '#1c7ed6', adamicAdar: '#7048e8', gapFill: '#e03131', similarity: '#2f9e44', recency: '#f59f00', focus: '#0c8599', customerTies: '#9c36b5',
};

export interface LeadersPanelProps {
  leaders: LeadersState;
  byId: Map<string, GraphNode>;
  chains: IndustryChain[];
  onSelect: (id: string) => void;
}

function WhatIf({ id }: { id: string }) {
  const t = useT();
  const { lang, anchor, asOf } = useView();
  const q = useGql(WHAT_IF_QUERY, { ids: [id], anchorId: anchor, asOf });
  const w = q.data?.whatIf;
  if (!w) return <p className="muted small">{t('loading')}</p>;
  const closing = w.changes.filter((c) => c.before.status !== c.statusAfter);
  return (
    <div className="what-if" data-testid="what-if">
      <strong>{t('whatIf')}</strong>
      {closing.length === 0 ? (
        <span className="muted"> {t('noGapClosed')}</span>
      ) : (
        <ul>
          {closing.map((c) => (
            <li key={c.before.segment.id}>
              {displayName(lang, c.before.segment.name, c.before.segment.nameEn)}: <GapStatusWord status={c.before.status} /> →{' '}
              <GapStatusWord status={c.statusAfter} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LeadersPanel({ leaders, byId, onSelect }: LeadersPanelProps) {
  const t = useT();
  const view = useView();
  const { lang } = view;
  if (!leaders.available) return <p className="muted">{t('recruitmentMissing')}</p>;
  if (leaders.error) return <p className="error">{t('apiError')}{leaders.error}</p>;
  if (!leaders.gaps || !leaders.targets) return <p className="muted">{t('loading')}</p>;
  const anchors = [...byId.values()].filter((n) => n.isAnchor);
  return (
    <div className="leaders" data-testid="leaders">
      <label className="scope">
        {t('anchorsCircles')}
        <select value={view.anchor ?? ''} onChange={(e) => updateView({ anchor: e.target.value || null, target: null })} data-testid="leaders-scope">
          <option value="">{lang === 'zh' ? '全区' : 'Whole district'}</option>
          {anchors.map((a) => (
            <option key={a.id} value={a.id}>{displayName(lang, a.label, a.labelEn)}</option>
          ))}
        </select>
      </label>
      {/* The one-page briefing of this scope and date, in a new tab: the explorer stays as it is. */}
      <a className="print-brief" href={briefHash({ anchorId: view.anchor, asOf: view.asOf, lang })} target="_blank" rel="noopener" data-testid="print-brief">
        {t('printBrief')}
      </a>
      <h3>{t('gaps')}</h3>
      <GapLegend />
      {leaders.gaps.map((c) => (
        <section key={c.chain.id} className="gap-lane" data-testid="gap-lane">
          <h4>
            {displayName(lang, c.chain.name, c.chain.nameEn)}{' '}
            <span className="muted small">
              <GapMark status="GAP" /> {t('gap')} {c.gaps} · <GapMark status="WEAK" /> {t('weak')} {c.weak} · <GapMark status="STRONG" /> {t('strong')} {c.strong}
            </span>
          </h4>
          <ol className="segments-lane">
            {c.segments.map((s) => (
              <li
                key={s.segment.id}
                className={`seg ${statusClass(s.status)}`}
                title={[lang === 'zh' ? s.reasonZh : s.reasonEn, s.firms.map((f) => displayName(lang, f.name, f.nameEn)).join('、')].filter(Boolean).join('\n')}
                data-status={s.status}
                data-basis={s.basis}
              >
                <GapMark status={s.status} />
                <span className="seg-name">{displayName(lang, s.segment.name, s.segment.nameEn)}</span>
                <span className="seg-count">{s.localCount}</span>
              </li>
            ))}
          </ol>
          <GapReasons segments={c.segments} />
        </section>
      ))}
      <PipelineSection />
      <h3>{t('targets')}</h3>
      <ol className="targets" data-testid="targets">
        {leaders.targets.map((tg) => {
          const active = view.target === tg.enterprise.id;
          return (
            <li key={tg.enterprise.id} className={active ? 'active' : ''} data-testid="target" data-id={tg.enterprise.id}>
              <button type="button" className="target-head" aria-pressed={active} onClick={() => updateView({ target: active ? null : tg.enterprise.id })}>
                <span className="rank">{tg.rank}</span>
                <span className="name">{displayName(lang, tg.enterprise.name, tg.enterprise.nameEn)}</span>
                <span className="score">{tg.score.toFixed(2)}</span>
              </button>
              <PipelineTargetMark enterpriseId={tg.enterprise.id} />
              <TargetKindLabel target={tg} />
              <div className="factor-bar" aria-label={t('score')}>
                {tg.factors.filter((f) => f.share > 0).map((f) => (
                  <span key={f.name} style={{ width: `${f.share * 100}%`, background: FACTOR_COLOURS[f.name] }} title={`${f.name} ${(f.share * 100).toFixed(0)}%`} />
                ))}
              </div>
              <ul className="reasons">
                {tg.reasons.map((r, i) => (
                  <li key={i}>{lang === 'zh' ? r.zh : r.en}</li>
                ))}
              </ul>
              {tg.fillsGap && (
                <span>
                  <GapStatusWord status={tg.fillsGap.status} />: {displayName(lang, tg.fillsGap.segment.name, tg.fillsGap.segment.nameEn)}{' '}
                  <span className="muted small">({lang === 'zh' ? tg.fillsGap.reasonZh : tg.fillsGap.reasonEn})</span>
                </span>
              )}
              {active && (
                <>
                  <WhatIf id={tg.enterprise.id} />
                  <div className="evidence">
                    <strong>{t('evidence')}</strong>
                    <ul>
                      {tg.ties.slice(0, 6).map((tie, i) => (
                        <li key={i} className="small">
                          <code>{tie.edge.id}</code>
                          {tie.quotes[0] && <blockquote>“{tie.quotes[0]}”</blockquote>}
                          {tie.reason && <p className="muted">{tie.reason}</p>}
                        </li>
                      ))}
                    </ul>
                    <button type="button" className="link" onClick={() => onSelect(tg.enterprise.id)}>
                      {t('profile')} →
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
