// The district dashboard: the article's indicators (with periods and sources) beside live counts
// from the graph as of the timeline cursor.
import { describeError } from '../data/describeError.ts';
import { DASHBOARD_QUERY } from '../data/queries.ts';
import type { Indicator } from '../data/types.ts';
import { useGql } from '../data/useGql.ts';
import { displayName, formatYuan } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';
import { SourceList } from './SourceList.tsx';

function indicatorValue(lang: 'zh' | 'en', i: Indicator): string {
  if (i.unit === '元') return formatYuan(lang, i.value);
  return `${i.value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')} ${i.unit}`;
}

export function DashboardPanel({ onSelect }: { onSelect: (id: string) => void }) {
  const t = useT();
  const { lang, asOf } = useView();
  const q = useGql(DASHBOARD_QUERY, { asOf });
  if (!q.data) return <p className="muted">{q.error ? describeError(lang, q.error) : t('loading')}</p>;
  const { indicators, stats } = q.data;
  const maxYear = Math.max(1, ...stats.byYear.map((y) => y.count));
  return (
    <div className="dashboard" data-testid="dashboard">
      <section>
        <h3>
          {t('liveCounts')} {asOf && <span className="muted small">({t('asOf')} {asOf})</span>}
        </h3>
        <div className="kpis">
          <div className="kpi"><strong>{stats.enterprises}</strong><span>{t('firms')}</span></div>
          <div className="kpi"><strong>{stats.anchors}</strong><span>{t('anchor')}</span></div>
          <div className="kpi"><strong>{stats.projects}</strong><span>{t('projects')}</span></div>
          {/* "—" when no landed project has a known amount (the API says null), as the timeline's counter shows it. */}
          <div className="kpi"><strong data-testid="dashboard-investment">{stats.investmentYuan != null ? formatYuan(lang, stats.investmentYuan) : '—'}</strong><span>{t('investment')}</span></div>
        </div>
        <h4>{t('firmsByChain')}</h4>
        <ul className="bars">
          {stats.byChain.map((c) => (
            <li key={c.chainId ?? 'none'}>
              <span>{c.chainName ?? t('legendNoSegment')}</span>
              <strong>{c.count}</strong>
            </li>
          ))}
        </ul>
        <h4>{t('firmsByYear')}</h4>
        <ul className="bars">
          {stats.byYear.map((y) => (
            <li key={y.year}>
              <span>{y.year}</span>
              <span className="bar" style={{ width: `${(y.count / maxYear) * 100}%` }} />
              <strong>{y.count}</strong>
            </li>
          ))}
        </ul>
        <h4>{t('anchorsCircles')}</h4>
        <ul className="bars">
          {stats.circles.map((c) => (
            <li key={c.anchor.id}>
              <button type="button" className="link" onClick={() => onSelect(c.anchor.id)}>
                {displayName(lang, c.anchor.name, c.anchor.nameEn)}
              </button>
              <strong>{c.size}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>{t('indicators')}</h3>
        <table className="indicators" data-testid="indicators">
          <thead>
            <tr>
              <th><span className="sr-only">{t('indicatorName')}</span></th>
              <th>{t('period')}</th>
              <th><span className="sr-only">{t('indicatorValue')}</span></th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.id}>
                <td>
                  {displayName(lang, i.name, i.nameEn)}
                  <details>
                    <summary className="muted small">{t('sources')}</summary>
                    <SourceList sources={i.sources} />
                  </details>
                </td>
                <td>{i.period}</td>
                <td className="num">{indicatorValue(lang, i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
