// The one-page briefing (招商简报) a leader takes into a meeting: `#/brief?anchor=toutiao&asOf=2020-04`
// (`chain=` one chain, neither the district; `lang=en` English). On screen an A4 sheet with a print
// button; printed or rendered to PDF (`npm run brief`), exactly one A4 page. `data-brief-state` on
// the root says loading / error / empty / ready, and `data-ready` turns true once the layout is
// final (data in, fonts loaded, fitted to the page): what the PDF command waits for.
import { useEffect, useMemo, useRef } from 'react';
import { hrefOf } from '../app/route.ts';
import { SignIn } from '../auth/SignIn.tsx';
import { parseBriefParams, type BriefParams } from './briefParams.ts';
import { BriefSheet, briefTitle } from './BriefSheet.tsx';
import { briefTranslator, type BriefT } from './briefStrings.ts';
import { useBriefData, type BriefState } from './useBriefData.ts';
import { useFitToPage } from './useFitToPage.ts';
import { useHash } from './useHash.ts';
import { PipelineSection } from './PipelineSection.tsx';
import './brief.css';

/** Today as the reader's calendar has it, YYYY-MM-DD. */
function dayOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export default function BriefPage() {
  const hash = useHash();
  const now = useMemo(() => new Date(), []);
  const { params, problems } = useMemo(() => parseBriefParams(hash, now), [hash, now]);
  const t = useMemo(() => briefTranslator(params.lang), [params.lang]);
  const brief = useBriefData(params, problems, t);
  const sheet = useRef<HTMLDivElement>(null);
  const { fit, fitted } = useFitToPage(sheet, `${hash}|${brief.state}`);

  const title = brief.state === 'ready' || brief.state === 'empty' ? briefTitle(params.lang, t, brief.anchor, brief.data, params.chainId).title : t('docTitle');
  useEffect(() => {
    document.documentElement.lang = params.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${title} · ${params.asOf}`;
  }, [params.lang, params.asOf, title]);

  const settled = brief.state !== 'loading';
  return (
    <div className={`brief-app lang-${params.lang}`} data-testid="brief" data-brief-state={brief.state} data-ready={settled && fitted}>
      <nav className="brief-toolbar" aria-label={t('docTitle')}>
        <a href={hrefOf('explorer')} className="brief-back">
          ← {t('back')}
        </a>
        <button type="button" className="brief-print" onClick={() => window.print()} disabled={brief.state !== 'ready'} data-testid="brief-print">
          {t('print')}
        </button>
      </nav>
      <div className="brief-sheet">
        <div className="brief-fit" ref={sheet} data-fit={fit} data-testid="brief-fit">
          <div style={{ zoom: fit }}>
            <BriefBody brief={brief} params={params} t={t} generatedOn={dayOf(now)} />
          </div>
        </div>
      </div>
    </div>
  );
}

/** What the sheet holds in each state. */
function BriefBody({ brief, params, t, generatedOn }: { brief: BriefState; params: BriefParams; t: BriefT; generatedOn: string }) {
  if (brief.state === 'loading') {
    return (
      <p className="brief-status" role="status" data-testid="brief-loading">
        <span className="spinner" aria-hidden /> {t('loading')}
      </p>
    );
  }
  if (brief.state === 'error') {
    if (brief.request?.kind === 'auth') return <SignIn message={brief.request.message} />;
    return (
      <div className="brief-status error" role="alert" data-testid="brief-error">
        <strong>{t('errorTitle')}</strong>
        <p>{brief.message}</p>
        {brief.retry && (
          <button type="button" onClick={brief.retry}>
            {t('retry')}
          </button>
        )}
      </div>
    );
  }
  const { summary, failure } = brief.pipeline;
  return (
    <>
      {brief.state === 'empty' && (
        <p className="brief-status" role="status" data-testid="brief-empty">
          {t('emptyScope', { asOf: params.asOf })}
        </p>
      )}
      <BriefSheet
        params={params}
        data={brief.data}
        anchor={brief.anchor}
        t={t}
        generatedOn={generatedOn}
        pipeline={summary?.byFirm ?? null}
        pipelineSection={
          summary ? (
            <PipelineSection summary={summary} lang={params.lang} t={t} />
          ) : (
            <p className="brief-muted brief-pipeline-missing" data-testid="brief-pipeline-missing">
              {t('pipeline')}: {failure}
            </p>
          )
        }
      />
    </>
  );
}
