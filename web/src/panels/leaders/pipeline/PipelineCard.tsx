// One firm on the board: its name, team, due date and last change; arrow buttons and a stage menu
// move it (keyboard: Tab to them, Enter), "Edit" changes team, due date and note, and its history
// unfolds below. Writes need an editor's token: a refusal asks for one (`onAuth`).
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../data/describeError.ts';
import type { PipelineStage } from '../../../data/generated/graphql.ts';
import { displayName } from '../../../i18n/strings.ts';
import { minute, neighbours, STAGES } from './boardColumns.ts';
import type { PipelineChange, PipelineEntry } from './pipelineQueries.ts';
import { usePipelineT } from './pipelineStrings.ts';
import { asRequestError, updatePipelineEntry } from './pipelineWrites.ts';

interface Props {
  entry: PipelineEntry;
  /** The server wants a (stronger) token: the board shows its sign-in. */
  onAuth: (message: string) => void;
}

export function PipelineCard({ entry, onAuth }: Props) {
  const { t, stageName, lang } = usePipelineT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const name = displayName(lang, entry.enterprise.name, entry.enterprise.nameEn);
  const { prev, next } = neighbours(entry.stage);
  const last = entry.history[0];

  const write = async (input: Parameters<typeof updatePipelineEntry>[1]): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await updatePipelineEntry(entry.id, input);
      return true;
    } catch (e) {
      const err = asRequestError(e);
      if (err.kind === 'auth') onAuth(err.message);
      else setError(describeError(lang, err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const moveTo = (stage: PipelineStage) => void (stage !== entry.stage && write({ stage }));
  /** What a change did to the stage: `已考察 → 已签约`, `加入 待接触`, or the stage alone when it stayed. */
  const move = (c: PipelineChange): string =>
    c.fromStage == null ? `${t('created')} ${stageName(c.stage)}` : c.fromStage !== c.stage ? `${stageName(c.fromStage)} → ${stageName(c.stage)}` : stageName(c.stage);

  return (
    <li
      className={`pl-card${busy ? ' busy' : ''}`}
      data-testid="pipeline-card"
      data-id={entry.enterprise.id}
      data-stage={entry.stage}
      draggable={!busy}
      onDragStart={(e) => e.dataTransfer.setData('text/x-pipeline-entry', entry.id)}
      aria-busy={busy}
    >
      <strong className="pl-firm">{name}</strong>
      <dl className="pl-facts">
        <dt>{t('team')}</dt>
        <dd data-testid="pipeline-team">{entry.team ?? <span className="muted">{t('teamNone')}</span>}</dd>
        <dt>{t('due')}</dt>
        <dd data-testid="pipeline-due">{entry.dueOn ?? <span className="muted">{t('dueNone')}</span>}</dd>
        {last && (
          <>
            <dt>{t('lastChange')}</dt>
            <dd className="small" data-testid="pipeline-last-change">
              {minute(last.at)} {last.by}：{move(last)}
            </dd>
          </>
        )}
      </dl>
      {entry.note && <p className="pl-note small">{entry.note}</p>}
      <div className="pl-move">
        <button type="button" disabled={busy || !prev} onClick={() => prev && moveTo(prev)} aria-label={prev ? t('movePrev', { stage: stageName(prev) }) : undefined} title={prev ? t('movePrev', { stage: stageName(prev) }) : undefined} data-testid="pipeline-prev">
          ◀
        </button>
        <select value={entry.stage} disabled={busy} onChange={(e) => moveTo(e.target.value as PipelineStage)} aria-label={`${t('moveTo')}: ${name}`} data-testid="pipeline-stage-select">
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {stageName(s)}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy || !next} onClick={() => next && moveTo(next)} aria-label={next ? t('moveNext', { stage: stageName(next) }) : undefined} title={next ? t('moveNext', { stage: stageName(next) }) : undefined} data-testid="pipeline-next">
          ▶
        </button>
        <button type="button" className="link" onClick={() => setEditing(!editing)} aria-expanded={editing} data-testid="pipeline-edit">
          {t('edit')}
        </button>
      </div>
      {editing && <EditForm entry={entry} busy={busy} onSave={async (input) => (await write(input)) && setEditing(false)} onCancel={() => setEditing(false)} />}
      {error && (
        <p className="pl-problem small" role="alert" data-testid="pipeline-card-error">
          {t('writeFailed')}
          {error}
        </p>
      )}
      <details className="pl-history" data-testid="pipeline-history">
        <summary>{t('history', { n: entry.history.length })}</summary>
        <ol>
          {entry.history.map((c, i) => (
            <li key={`${c.at}-${i}`} className="small">
              <span className="muted">{minute(c.at)}</span> {c.by}：{move(c)}
              {c.automatic && <em className="pl-auto"> · {t('automatic')}</em>}
              {c.fromStage === c.stage && (
                <span className="muted">
                  {' '}
                  · {[c.team, c.dueOn, c.note].filter(Boolean).join(' · ')}
                </span>
              )}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

function EditForm({ entry, busy, onSave, onCancel }: { entry: PipelineEntry; busy: boolean; onSave: (input: { team?: string | null; note?: string | null; dueOn?: string | null }) => void; onCancel: () => void }) {
  const { t } = usePipelineT();
  const [team, setTeam] = useState(entry.team ?? '');
  const [dueOn, setDueOn] = useState(entry.dueOn ?? '');
  const [note, setNote] = useState(entry.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only what changed: an unchanged field is no change in the history.
    const changed = (now: string, was: string | null | undefined) => (now.trim() === (was ?? '') ? undefined : now.trim() || null);
    const input = { team: changed(team, entry.team), dueOn: changed(dueOn, entry.dueOn), note: changed(note, entry.note) };
    if (Object.values(input).every((v) => v === undefined)) onCancel();
    else onSave(input);
  };
  return (
    <form className="pl-edit" onSubmit={submit} data-testid="pipeline-edit-form">
      <label>
        {t('team')}
        <input value={team} onChange={(e) => setTeam(e.target.value)} maxLength={80} list="pipeline-teams" data-testid="pipeline-edit-team" />
      </label>
      <label>
        {t('due')}
        <input value={dueOn} onChange={(e) => setDueOn(e.target.value)} maxLength={10} placeholder={t('dueHint')} data-testid="pipeline-edit-due" />
      </label>
      <label>
        {t('note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} data-testid="pipeline-edit-note" />
      </label>
      <div className="pl-edit-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="pipeline-edit-save">
          {busy ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
