// The pipeline on the briefing: how many firms are in each stage, and the open entries whose next
// step is due soonest, with the team that follows each.
import { displayName } from '../i18n/strings.ts';
import { STAGE_NAMES } from '../panels/leaders/pipeline/pipelineStrings.ts';
import type { Lang } from '../state/viewState.ts';
import type { BriefT } from './briefStrings.ts';
import type { PipelineSummary } from './pipelineMarks.ts';

export function PipelineSection({ summary, lang, t }: { summary: PipelineSummary; lang: Lang; t: BriefT }) {
  return (
    <section className="brief-pipeline" data-testid="brief-pipeline">
      <h2>
        {t('pipeline')} <span className="brief-legend brief-muted">{t('pipelineNote')}</span>
      </h2>
      {summary.total === 0 ? (
        <p className="brief-muted">{t('pipelineEmpty')}</p>
      ) : (
        <>
          <ul className="stages">
            {summary.counts.map((c) => (
              <li key={c.stage} data-stage={c.stage}>
                {STAGE_NAMES[lang][c.stage]} <b>{c.n}</b>
              </li>
            ))}
          </ul>
          {summary.next.length > 0 && (
            <table>
              <tbody>
                {summary.next.map((e) => (
                  <tr key={e.id}>
                    <td>{displayName(lang, e.enterprise.name, e.enterprise.nameEn)}</td>
                    <td>{STAGE_NAMES[lang][e.stage]}</td>
                    <td>{e.team ?? '—'}</td>
                    <td>{e.dueOn ? t('due', { date: e.dueOn }) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
