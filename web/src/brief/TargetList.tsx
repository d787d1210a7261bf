// The top recruitment targets on the briefing: rank, name and score, the reasons in plain words,
// the gap it would fill and what landing would make of it, its ties as a small picture, and where
// it stands in the pipeline when the district keeps one.
import { displayName, translate } from '../i18n/strings.ts';
import { STAGE_NAMES } from '../panels/leaders/pipeline/pipelineStrings.ts';
import type { Lang } from '../state/viewState.ts';
import type { BriefTarget } from './briefQueries.ts';
import type { BriefT } from './briefStrings.ts';
import { EvidenceSketch } from './EvidenceSketch.tsx';
import { FootnoteRef } from './FootnoteRef.tsx';
import { GAP_MARKS } from './GapLanes.tsx';
import type { PipelineMark } from './pipelineMarks.ts';

// A firm new to the district is the default and goes unmarked; the other kinds change whom to call.
// The words are the leaders panel's (TargetKindLabel), so the briefing and the screen agree.
const KIND_LABEL = { NEW: 'kindNew', EXPANSION: 'kindExpansion', WIN_BACK: 'kindWinBack' } as const;

export interface TargetListProps {
  targets: BriefTarget[];
  lang: Lang;
  t: BriefT;
  refs: Map<string, number[]>;
  /** Each firm's pipeline stage, when the API has a pipeline. */
  pipeline: Map<string, PipelineMark> | null;
}

export function TargetList({ targets, lang, t, refs, pipeline }: TargetListProps) {
  if (targets.length === 0) return <p className="brief-muted">{t('noTargets')}</p>;
  return (
    <ol className="brief-targets">
      {targets.map((tg) => {
        const name = displayName(lang, tg.enterprise.name, tg.enterprise.nameEn);
        const stage = pipeline?.get(tg.enterprise.id);
        return (
          <li key={tg.enterprise.id} className="brief-target" data-testid="brief-target" data-id={tg.enterprise.id}>
            <div className="target-text">
              <div className="target-head">
                <span className="rank">{tg.rank}</span>
                <strong>{name}</strong>
                <FootnoteRef nums={refs.get(`target:${tg.enterprise.id}`)} />
                <span className="brief-muted">
                  {t('score')} {tg.score.toFixed(2)}
                </span>
                {tg.kind !== 'NEW' && (
                  <span className={`kind kind-${tg.kind.toLowerCase()}`} data-testid="brief-target-kind" data-kind={tg.kind} title={lang === 'zh' ? tg.kindReasonZh : tg.kindReasonEn}>
                    {translate(lang, KIND_LABEL[tg.kind])}
                  </span>
                )}
                {stage && (
                  <span className={`stage stage-${stage.stage.toLowerCase()}`} data-testid="brief-target-stage">
                    {STAGE_NAMES[lang][stage.stage]}
                    {stage.team ? ` · ${stage.team}` : ''}
                  </span>
                )}
              </div>
              {tg.reasons.length > 0 && (
                <p className="reasons" data-testid="brief-reasons">
                  {tg.reasons.map((r) => (lang === 'zh' ? r.zh : r.en)).join(lang === 'zh' ? '；' : '; ')}
                  {lang === 'zh' ? '。' : '.'}
                </p>
              )}
              {tg.fillsGap && (
                <p className="fills">
                  {t('fills')}: {GAP_MARKS[tg.fillsGap.status]} {displayName(lang, tg.fillsGap.segment.name, tg.fillsGap.segment.nameEn)} ({t(tg.fillsGap.status)})
                  {tg.statusIfLanded && tg.statusIfLanded !== tg.fillsGap.status && (
                    <>
                      {' '}→ {t('ifLanded')} {GAP_MARKS[tg.statusIfLanded]} {t(tg.statusIfLanded)}
                    </>
                  )}
                </p>
              )}
            </div>
            <figure className="target-evidence">
              {tg.evidence.edges.length > 0 ? (
                <EvidenceSketch target={tg} lang={lang} label={`${t('evidence')}: ${name}`} />
              ) : (
                <span className="brief-muted no-tie">{t('noTie')}</span>
              )}
              <FootnoteRef nums={refs.get(`tie:${tg.enterprise.id}`)} />
            </figure>
          </li>
        );
      })}
    </ol>
  );
}
