// Beside a ranked target: its stage when it is on the pipeline, else "Add to pipeline". Adding
// needs an editor's token: without one, or when the server refuses it, the sign-in shows here.
import { useEffect, useState } from 'react';
import { SignIn } from '../../../auth/SignIn.tsx';
import { useToken } from '../../../auth/useToken.ts';
import { describeError } from '../../../data/describeError.ts';
import { usePipeline } from './pipelineStore.ts';
import { usePipelineT } from './pipelineStrings.ts';
import { addToPipeline, asRequestError } from './pipelineWrites.ts';
import './pipeline.css';

export function PipelineTargetMark({ enterpriseId }: { enterpriseId: string }) {
  const { t, stageName, lang } = usePipelineT();
  const { entries } = usePipeline();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [authMessage, setAuthMessage] = useState<string | null>(null);
  const token = useToken();
  // Signed in (again): the form goes; pressing "Add" tries with the new token.
  useEffect(() => setAuthMessage(null), [token]);
  if (!entries) return null;
  const entry = entries.find((e) => e.enterprise.id === enterpriseId);
  if (entry) {
    return (
      <span className={`pl-stage-badge stage-${entry.stage.toLowerCase()}`} data-testid="target-pipeline-stage" data-stage={entry.stage}>
        {t('onPipeline', { stage: stageName(entry.stage) })}
        {entry.team ? ` · ${entry.team}` : ''}
      </span>
    );
  }
  const add = () => {
    setBusy(true);
    setError(null);
    addToPipeline({ enterpriseId })
      .then(() => setAuthMessage(null))
      .catch((e: unknown) => {
        const err = asRequestError(e);
        if (err.kind === 'auth') setAuthMessage(err.message);
        else setError(describeError(lang, err));
      })
      .finally(() => setBusy(false));
  };
  return (
    <span className="pl-target-add">
      <button type="button" className="small" onClick={add} disabled={busy} data-testid="target-pipeline-add">
        {busy ? t('adding') : `＋ ${t('addToPipeline')}`}
      </button>
      {error && (
        <span className="pl-problem small" role="alert">
          {' '}
          {error}
        </span>
      )}
      {authMessage !== null && (
        <div className="pl-sign-in">
          <SignIn message={authMessage} hint={t('signInToWrite')} />
        </div>
      )}
    </span>
  );
}
