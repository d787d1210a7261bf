// The registry import page: the planner drops the district's registry export, sees how each column
// was understood, the problems and what would change (previewRegistryImport: nothing is written),
// then presses "Import" (startRegistryImport) and follows the progress (registryImportJob). Every
// call needs an editor's token: without one, or when the server refuses it, the sign-in asks.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useToken } from '../auth/useToken.ts';
import { describeError } from '../data/describeError.ts';
import { gql, GraphqlRequestError } from '../data/graphqlClient.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';
import { ColumnsTable } from './ColumnsTable.tsx';
import { CountsGrid } from './CountsGrid.tsx';
import { EditorSignIn } from './EditorSignIn.tsx';
import { FileDrop } from './FileDrop.tsx';
import { FirmLists } from './FirmLists.tsx';
import { fileInput, importBlocker, previewKey } from './importPlan.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { OptionsForm } from './OptionsForm.tsx';
import { parseColumnMapping } from './parseColumnMapping.ts';
import { PreviewSummary } from './PreviewSummary.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { isAccepted, readFileBase64 } from './readFileBase64.ts';
import { PREVIEW_REGISTRY_IMPORT, START_REGISTRY_IMPORT } from './registryDocuments.ts';
import { DEFAULT_OPTIONS, type ImportOptions, type PickedFile, type RegistryPreview } from './types.ts';

/** The preview request in flight or failed; the last answer stays on screen meanwhile (`Checked`). */
type PreviewState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: GraphqlRequestError };
interface Checked {
  key: string;
  preview: RegistryPreview;
}

const asRequestError = (e: unknown) => (e instanceof GraphqlRequestError ? e : new GraphqlRequestError(String(e), 'network', { cause: e }));

export function ImportPage() {
  const t = useT();
  const { lang } = useView();
  const token = useToken();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [preview, setPreview] = useState<PreviewState>({ status: 'idle' });
  const [checked, setChecked] = useState<Checked | null>(null);
  const [authError, setAuthError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<GraphqlRequestError | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const picks = useRef(0);
  const latest = useRef(0); // the newest preview request; older answers are dropped

  const mapping = parseColumnMapping(options.mappingText);
  const key = file ? previewKey(file, options) : null;

  const runPreview = useCallback((f: PickedFile, o: ImportOptions) => {
    const input = fileInput(f, o);
    if (!input) return; // the mapping says what is wrong
    const k = previewKey(f, o);
    const id = ++latest.current;
    setPreview({ status: 'loading' });
    gql(PREVIEW_REGISTRY_IMPORT, { file: input }, { retries: 1 })
      .then((d) => {
        if (id !== latest.current) return;
        setPreview({ status: 'idle' });
        setChecked({ key: k, preview: d.previewRegistryImport });
      })
      .catch((e: unknown) => {
        if (id !== latest.current) return;
        const err = asRequestError(e);
        if (err.kind === 'auth') {
          setAuthError(err.message);
          setPreview({ status: 'idle' });
        } else setPreview({ status: 'error', error: err });
      });
  }, []);

  // Signed in again after a refusal: check the file with the new token.
  const lastToken = useRef(token);
  useEffect(() => {
    if (token === lastToken.current) return;
    lastToken.current = token;
    setAuthError(null);
    if (token && file && !jobId) runPreview(file, options);
  }, [token, file, options, jobId, runPreview]);

  const onFile = (f: File) => {
    setFileError(null);
    if (!isAccepted(f.name)) {
      setFileError(t('impBadType', { name: f.name }));
      return;
    }
    setReading(true);
    readFileBase64(f)
      .then((base64) => {
        const picked: PickedFile = { name: f.name, size: f.size, base64, pick: ++picks.current };
        setFile(picked);
        setChecked(null);
        setJobId(null);
        setStartError(null);
        if (token) runPreview(picked, options);
      })
      .catch((e: unknown) => setFileError(t('impReadFailed', { name: f.name, why: e instanceof Error ? e.message : String(e) })))
      .finally(() => setReading(false));
  };

  const onOptions = (o: ImportOptions, now: boolean) => {
    setOptions(o);
    if (now && file && token) runPreview(file, o);
  };

  const start = () => {
    const input = file && fileInput(file, options);
    if (!input) return;
    setStarting(true);
    setStartError(null);
    // No retry: a second start after a lost answer would import twice.
    gql(START_REGISTRY_IMPORT, { file: input }, { retries: 0 })
      .then((d) => setJobId(d.startRegistryImport.id))
      .catch((e: unknown) => {
        const err = asRequestError(e);
        if (err.kind === 'auth') setAuthError(err.message);
        else setStartError(err);
      })
      .finally(() => setStarting(false));
  };

  const again = () => {
    setJobId(null);
    setFile(null);
    setChecked(null);
    setPreview({ status: 'idle' });
    setOptions(DEFAULT_OPTIONS);
  };

  const shown = checked?.preview ?? null;
  const stale = checked !== null && checked.key !== key;
  const blocker = importBlocker({ file, preview: shown, previewing: preview.status === 'loading', stale, mappingOk: mapping.ok, holdInvalid: options.holdInvalid, starting });
  const needSignIn = !token || authError !== null;

  return (
    <div className="registry-page" data-testid="import-page">
      <h2>{t('impTitle')}</h2>
      <p className="lead">{t('impLead')}</p>
      {needSignIn && <EditorSignIn message={authError ?? ''} />}
      {jobId ? (
        <ImportProgress jobId={jobId} onAgain={again} />
      ) : (
        <>
          <div className="import-input">
            <FileDrop file={file} reading={reading} error={fileError} onFile={onFile} />
            <OptionsForm
              options={options}
              mapping={mapping}
              onChange={onOptions}
              onCheck={() => file && runPreview(file, options)}
              canCheck={!!file && !!token && mapping.ok && preview.status !== 'loading'}
              stale={stale}
            />
          </div>
          {preview.status === 'loading' && (
            <p className="status-line" role="status" data-testid="preview-loading">
              <span className="spinner inline" aria-hidden /> {t('impChecking')}
            </p>
          )}
          {preview.status === 'error' && (
            <p className="problem-text" role="alert" data-testid="preview-error">
              ✕ {t('impPreviewFailed')}{describeError(lang, preview.error)}
            </p>
          )}
          {!file && !reading && !needSignIn && <p className="muted empty-note" data-testid="import-empty">{t('impEmpty')}</p>}
          {shown && (
            <div className={`preview${stale ? ' stale' : ''}`} data-testid="preview" aria-busy={preview.status === 'loading'}>
              <PreviewSummary preview={shown} file={file} />
              <CountsGrid counts={shown.counts} testid="counts" />
              <ColumnsTable columns={shown.columns} problems={shown.problems} />
              <ProblemsTable problems={shown.problems} total={shown.counts.errors + shown.counts.warnings} />
              <FirmLists preview={shown} />
              {/* Sticky at the bottom of the page: the button and why it is disabled stay in sight while the planner reads. */}
              <div className="import-action">
                <button type="button" className="primary big" disabled={blocker !== null} aria-describedby="import-why" onClick={start} data-testid="import-button">
                  {starting ? t('impStarting') : t('impImport')}
                </button>
                <p id="import-why" className={blocker ? 'note-text' : 'ok-text'} data-testid="import-why">
                  {blocker ? `⚠ ${t(blocker.key, blocker.vars)}` : `✓ ${t('impReady', { n: shown.counts.firms, held: shown.counts.held })}`}
                </p>
                {startError && <p className="problem-text" role="alert" data-testid="start-error">✕ {describeError(lang, startError)}</p>}
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
