// The problems of a file: errors first, each with file, row, column, value and why. The API sends
// the first 200; they are shown a page at a time, with the total the counts give.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { sortProblems } from './importPlan.ts';
import { Pager } from './Pager.tsx';
import type { RegistryProblem } from './types.ts';

const PAGE = 50;

export function ProblemsTable({ problems, total, testid = 'problems' }: { problems: readonly RegistryProblem[]; total: number; testid?: string }) {
  const t = useT();
  const [page, setPage] = useState(0);
  const sorted = sortProblems(problems);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  useEffect(() => setPage(0), [problems]);
  const shown = sorted.slice(page * PAGE, page * PAGE + PAGE);
  const errors = problems.filter((p) => p.level === 'error').length;
  return (
    <section className="import-section" aria-labelledby={`${testid}-title`}>
      <h3 id={`${testid}-title`}>
        {t('impProblems')} <span className="muted">({total.toLocaleString()})</span>
      </h3>
      {problems.length === 0 ? (
        <p className="ok-text" data-testid={`${testid}-none`}>✓ {t('impNoProblems')}</p>
      ) : (
        <>
          <p className="muted small">
            {t('impProblemsShown', { from: page * PAGE + 1, to: page * PAGE + shown.length, total: total.toLocaleString() })}
            {total > problems.length && ` ${t('impProblemsCut', { n: problems.length })}`}
            {errors > 0 && ` · ${t('impProblemsErrorsFirst')}`}
          </p>
          <div className="table-wrap">
            <table className="data-table" data-testid={testid}>
              <thead>
                <tr>
                  <th scope="col">{t('impLevel')}</th>
                  <th scope="col">{t('impKind')}</th>
                  <th scope="col">{t('impFile')}</th>
                  <th scope="col">{t('impRow')}</th>
                  <th scope="col">{t('impColumn')}</th>
                  <th scope="col">{t('impValue')}</th>
                  <th scope="col">{t('impWhy')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p, i) => (
                  <tr key={i} className={p.level === 'error' ? 'row-error' : 'row-warn'} data-testid="problem-row" data-level={p.level} data-row={p.row ?? ''} data-column={p.column ?? ''}>
                    <td className="nowrap">{p.level === 'error' ? `✕ ${t('impError')}` : `⚠ ${t('impWarning')}`}</td>
                    <td>{p.kind}</td>
                    <td className="file-cell">{p.file}</td>
                    <td className="num">{p.row ?? '—'}</td>
                    <td className="keep-words">{p.column ?? '—'}</td>
                    {/* A short value (a code, a date) stays on one line; a long one (a business scope) wraps anywhere. */}
                    <td className="value-cell">{p.value == null ? '—' : <code className={p.value.length <= 24 ? 'nowrap' : undefined}>{p.value}</code>}</td>
                    <td>{p.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && <Pager page={page} pages={pages} onPage={setPage} label={t('impProblems')} />}
        </>
      )}
    </section>
  );
}

