// The pipeline board: one column per stage, a card per firm. Opened from the leaders' panel as a
// modal dialog (the side panel is too narrow for six columns); Esc or "Close" shuts it. Cards move
// with their buttons and stage menu, or by dragging them to another column. Exports the pipeline
// as CSV or Excel (made by the API: pipelineExport).
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { SignIn } from '../../../auth/SignIn.tsx';
import { useToken } from '../../../auth/useToken.ts';
import { describeError } from '../../../data/describeError.ts';
import { gql } from '../../../data/graphqlClient.ts';
import type { PipelineExportFormat, PipelineStage } from '../../../data/generated/graphql.ts';
import { columns, STAGES, teamsOf } from './boardColumns.ts';
import { downloadBase64 } from './downloadBase64.ts';
import { PipelineCard } from './PipelineCard.tsx';
import { PIPELINE_EXPORT_QUERY } from './pipelineQueries.ts';
import { usePipeline } from './pipelineStore.ts';
import { usePipelineT } from './pipelineStrings.ts';
import { asRequestError, updatePipelineEntry } from './pipelineWrites.ts';
import './pipeline.css';

export function PipelineBoard({ onClose }: { onClose: () => void }) {
  const { t, stageName, lang } = usePipelineT();
  const { entries, loading, error, reload } = usePipeline();
  const [team, setTeam] = useState<string | null>(null);
  const [authMessage, setAuthMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState<PipelineExportFormat | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const token = useToken();
  useEffect(() => setAuthMessage(null), [token]);
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const byStage = columns(entries ?? [], team);
  const teams = teamsOf(entries ?? []);

  const onDrop = (stage: PipelineStage) => (e: DragEvent) => {
    e.preventDefault();
    const id = e.dataTransfer.getData('text/x-pipeline-entry');
    const entry = entries?.find((x) => x.id === id);
    if (!entry || entry.stage === stage) return;
    updatePipelineEntry(id, { stage }).catch((err: unknown) => {
      const r = asRequestError(err);
      if (r.kind === 'auth') setAuthMessage(r.message);
      else setNotice(`${t('writeFailed')}${describeError(lang, r)}`);
    });
  };

  const exportAs = (format: PipelineExportFormat) => {
    setExporting(format);
    setNotice(null);
    gql(PIPELINE_EXPORT_QUERY, { format, language: lang === 'zh' ? 'ZH' : 'EN', team }, { retries: 1 })
      .then((d) => downloadBase64(d.pipelineExport.base64, d.pipelineExport.fileName, d.pipelineExport.mediaType))
      .catch((err: unknown) => setNotice(`${t('exportFailed')}${describeError(lang, asRequestError(err))}`))
      .finally(() => setExporting(null));
  };

  return (
    <dialog ref={ref} className="pl-dialog" onClose={onClose} aria-labelledby="pl-title" data-testid="pipeline-board">
      <header className="pl-head">
        <h2 id="pl-title">{t('boardTitle')}</h2>
        {entries && <span className="muted small">{t('counts', { n: entries.length })}</span>}
        <label className="pl-filter small">
          {t('filterTeam')}
          <select value={team ?? ''} onChange={(e) => setTeam(e.target.value || null)} data-testid="pipeline-team-filter">
            <option value="">{t('allTeams')}</option>
            {teams.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <span className="pl-spacer" />
        <button type="button" onClick={() => exportAs('CSV')} disabled={exporting !== null} data-testid="pipeline-export-csv">
          {exporting === 'CSV' ? t('exporting') : t('exportCsv')}
        </button>
        <button type="button" onClick={() => exportAs('XLSX')} disabled={exporting !== null} data-testid="pipeline-export-xlsx">
          {exporting === 'XLSX' ? t('exporting') : t('exportXlsx')}
        </button>
        <button type="button" onClick={() => ref.current?.close()} data-testid="pipeline-close">
          {t('close')}
        </button>
      </header>
      <datalist id="pipeline-teams">
        {teams.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      {authMessage !== null && (
        <div className="pl-sign-in">
          <SignIn message={authMessage} hint={t('signInToWrite')} />
        </div>
      )}
      {notice && (
        <p className="pl-problem" role="alert" data-testid="pipeline-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="pl-problem" role="alert" data-testid="pipeline-error">
          {t('loadFailed')}
          {describeError(lang, error)}{' '}
          <button type="button" onClick={reload}>
            {t('retry')}
          </button>
        </p>
      )}
      {!entries && loading && (
        <p className="muted" role="status" data-testid="pipeline-loading">
          {t('loading')}
        </p>
      )}
      {entries && entries.length === 0 && (
        <p className="muted" data-testid="pipeline-empty">
          {t('empty')}
        </p>
      )}
      {entries && entries.length > 0 && <p className="muted small pl-hint">{t('dragHint')}</p>}
      <div className="pl-columns">
        {STAGES.map((stage) => {
          const list = byStage.get(stage) ?? [];
          return (
            <section key={stage} className={`pl-column stage-${stage.toLowerCase()}`} aria-labelledby={`pl-col-${stage}`} data-testid="pipeline-column" data-stage={stage} onDragOver={(e) => e.preventDefault()} onDrop={onDrop(stage)}>
              <h3 id={`pl-col-${stage}`}>
                {stageName(stage)} <span className="pl-count">{list.length}</span>
              </h3>
              {list.length === 0 ? (
                <p className="muted small">{t('columnEmpty')}</p>
              ) : (
                <ol className="pl-cards">
                  {list.map((e) => (
                    <PipelineCard key={e.id} entry={e} onAuth={setAuthMessage} />
                  ))}
                </ol>
              )}
            </section>
          );
        })}
      </div>
    </dialog>
  );
}
