// The import's progress bar, from READING through WRITING to DONE (with what was written) or
// FAILED (why, and the problems that refused it). The state is written out beside the bar.
import { hrefOf } from '../app/route.ts';
import { describeError } from '../data/describeError.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';
import { CountsGrid } from './CountsGrid.tsx';
import { EditorSignIn } from './EditorSignIn.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { useImportJob } from './useImportJob.ts';

const STATE_LABEL: Record<string, StringKey> = { READING: 'jobReading', WRITING: 'jobWriting', DONE: 'jobDone', FAILED: 'jobFailed' };
const STATE_SIGN: Record<string, string> = { READING: '…', WRITING: '…', DONE: '✓', FAILED: '✕' };

export function ImportProgress({ jobId, onAgain }: { jobId: string; onAgain: () => void }) {
  const t = useT();
  const { lang } = useView();
  const { job, missing, error } = useImportJob(jobId);
  if (error?.kind === 'auth') return <EditorSignIn message={error.message} />;
  const state = job?.state ?? 'READING';
  const finished = state === 'DONE' || state === 'FAILED';
  const pct = job && job.total > 0 ? Math.min(100, Math.round((100 * job.done) / job.total)) : null;
  return (
    <section className={`import-job state-${state.toLowerCase()}`} aria-labelledby="job-title" data-testid="import-job" data-state={state}>
      <h3 id="job-title">{t('jobTitle')}</h3>
      <div className="job-line" role="status" aria-live="polite">
        <strong data-testid="job-state">
          {STATE_SIGN[state]} {t(STATE_LABEL[state] ?? 'jobReading')}
        </strong>
        {job && (
          <span className="muted">
            {state !== 'DONE' && ` · ${job.phase}`}
            {job.total > 0 && ` · ${job.done.toLocaleString()} / ${job.total.toLocaleString()}`}
            {pct !== null && ` (${pct}%)`}
          </span>
        )}
      </div>
      <progress
        className="job-bar"
        max={job && job.total > 0 ? job.total : undefined}
        value={job && job.total > 0 ? (state === 'DONE' ? job.total : job.done) : undefined}
        aria-label={t('jobTitle')}
        data-testid="job-bar"
      />
      {missing && <p className="problem-text" role="alert">✕ {t('jobMissing')}</p>}
      {error && error.kind === 'network' && <p className="note-text" role="status">⟳ {t('jobReconnecting')}</p>}
      {error && error.kind === 'graphql' && <p className="problem-text" role="alert">✕ {describeError(lang, error)}</p>}
      {job?.state === 'DONE' && job.counts && (
        <>
          <p className="ok-text">✓ {t('jobDoneNote', { at: job.finishedAt ? new Date(job.finishedAt).toLocaleString() : '' })}</p>
          <CountsGrid counts={job.counts} testid="done-counts" />
          {job.counts.toReview > 0 && (
            <p>
              <a href={hrefOf('review')} data-testid="to-review">{t('jobToReview', { n: job.counts.toReview })} →</a>
            </p>
          )}
        </>
      )}
      {job?.state === 'FAILED' && (
        <>
          <p className="problem-text" role="alert" data-testid="job-error">✕ {job.error ?? t('jobFailed')}</p>
          {job.problems.length > 0 && <ProblemsTable problems={job.problems} total={job.problems.length} testid="job-problems" />}
        </>
      )}
      {(finished || missing) && (
        <button type="button" onClick={onAgain} data-testid="import-again">{t('jobAgain')}</button>
      )}
    </section>
  );
}
