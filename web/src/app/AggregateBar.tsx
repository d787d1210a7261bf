// The bar over an aggregated overview: where the planner is ("全部 / 整体 › 段名", the first part
// going back to all groups), what the groups are (segment, park, district), and why the district is
// drawn by group — or, drilled into a group too large to draw whole, how many of its firms show.
import type { OverviewGroups } from '../data/types.ts';
import { AGGREGATE_THRESHOLD, groupKey } from '../graph/aggregate.ts';
import { displayName } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { GROUP_BYS, type GroupByName } from '../state/viewState.ts';
import { updateView, useView } from '../state/viewStore.ts';

const GROUP_BY_WORDS = { segment: 'aggBySegment', park: 'aggByPark', district: 'aggByDistrict' } as const;

export interface AggregateBarProps {
  size: number;
  groups: OverviewGroups | null;
  /** The group drilled into, or null. */
  drilled: string | null;
  /** The drilled graph: firms drawn and in the group (null while not drilled). */
  shown: { nodes: number; total: number; truncated: boolean } | null;
}

export function AggregateBar({ size, groups, drilled, shown }: AggregateBarProps) {
  const t = useT();
  const view = useView();
  const lang = view.lang === 'zh' ? 'zh-CN' : 'en';
  const g = drilled ? groups?.groups.find((x) => groupKey(x.id) === drilled) : null;
  const name = g?.name ? displayName(view.lang, g.name, g.nameEn) : (drilled ?? '');
  const back = () => updateView({ group: null, selected: null, panel: view.panel === 'profile' ? null : view.panel, path: null, expanded: {} });
  return (
    <div className="aggregate-bar" data-testid="aggregate-bar">
      <nav className="crumbs" aria-label={t('aggCanvas')} data-testid="breadcrumb">
        {drilled ? (
          <button type="button" className="link" onClick={back} title={t('aggBack')} data-testid="breadcrumb-all">
            {t('aggAll')} / {t('aggWhole')}
          </button>
        ) : (
          <strong>{t('aggAll')} / {t('aggWhole')}</strong>
        )}
        {drilled && (
          <>
            <span aria-hidden> › </span>
            <strong data-testid="breadcrumb-group">{name}</strong>
          </>
        )}
      </nav>
      {!drilled && (
        <label className="group-by">
          <span>{t('aggGroupBy')}</span>
          <select value={view.groupBy} onChange={(e) => updateView({ groupBy: e.target.value as GroupByName, group: null })} data-testid="group-by">
            {GROUP_BYS.map((b) => (
              <option key={b} value={b}>
                {t(GROUP_BY_WORDS[b])}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="muted" data-testid="aggregate-note">
        {drilled
          ? shown?.truncated
            ? t('aggTruncated', { total: shown.total.toLocaleString(lang), shown: shown.nodes.toLocaleString(lang) })
            : ''
          : t('aggNotice', { n: size.toLocaleString(lang), max: AGGREGATE_THRESHOLD.toLocaleString(lang) })}
      </span>
    </div>
  );
}
