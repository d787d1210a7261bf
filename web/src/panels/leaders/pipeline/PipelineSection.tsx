// The pipeline in the leaders' panel: how many firms are in each stage, and the button that opens
// the board. Loading, empty and failed states say so.
import { useState } from 'react';
import { describeError } from '../../../data/describeError.ts';
import { STAGES } from './boardColumns.ts';
import { PipelineBoard } from './PipelineBoard.tsx';
import { usePipeline } from './pipelineStore.ts';
import { usePipelineT } from './pipelineStrings.ts';
import './pipeline.css';

export function PipelineSection() {
  const { t, stageName, lang } = usePipelineT();
  const { entries, loading, error, reload } = usePipeline();
  const [open, setOpen] = useState(false);
  return (
    <section className="pl-section" data-testid="pipeline-section">
      <h3>{t('section')}</h3>
      {error && (
        <p className="pl-problem small" role="alert">
          {t('loadFailed')}
          {describeError(lang, error)}{' '}
          <button type="button" onClick={reload}>
            {t('retry')}
          </button>
        </p>
      )}
      {!entries && loading && <p className="muted small">{t('loading')}</p>}
      {entries && entries.length === 0 && <p className="muted small" data-testid="pipeline-section-empty">{t('empty')}</p>}
      {entries && entries.length > 0 && (
        <ul className="pl-summary" data-testid="pipeline-summary">
          {STAGES.map((s) => {
            const n = entries.filter((e) => e.stage === s).length;
            return (
              <li key={s} className={`pl-stage-badge stage-${s.toLowerCase()}${n === 0 ? ' none' : ''}`} data-stage={s}>
                {stageName(s)} <strong>{n}</strong>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" onClick={() => setOpen(true)} data-testid="pipeline-open">
        {t('openBoard')}
      </button>
      {open && <PipelineBoard onClose={() => setOpen(false)} />}
    </section>
  );
}
