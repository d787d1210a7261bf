// Filters: chain, segment, park, relation types, real or synthetic, landed-date range. They live
// in the view state (and so in the URL), and apply to the loaded graph without a round-trip.
import type { IndustryChain } from '../data/types.ts';
import { displayName } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { RELATION_TYPES } from '../graph/palette.ts';
import type { DataKind, Filters } from '../state/viewState.ts';
import { EMPTY_FILTERS } from '../state/viewState.ts';
import { useView } from '../state/viewStore.ts';
import type { StringKey } from '../i18n/strings.ts';

export interface FiltersPanelProps {
  filters: Filters;
  chains: IndustryChain[];
  parks: { id: string; name: string; nameEn?: string | null }[];
  presentRelations: Set<string>;
  onChange: (f: Filters) => void;
}

export function FiltersPanel({ filters, chains, parks, presentRelations, onChange }: FiltersPanelProps) {
  const t = useT();
  const { lang } = useView();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const segments = chains.filter((c) => !filters.chain || c.id === filters.chain).flatMap((c) => c.segments);
  const relTypes = RELATION_TYPES.filter((r) => presentRelations.has(r));
  return (
    <form className="filters" data-testid="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('chain')}
        <select value={filters.chain ?? ''} onChange={(e) => set({ chain: e.target.value || null, segment: null })} data-testid="filter-chain">
          <option value="">—</option>
          {chains.map((c) => (
            <option key={c.id} value={c.id}>{displayName(lang, c.name, c.nameEn)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('segment')}
        <select value={filters.segment ?? ''} onChange={(e) => set({ segment: e.target.value || null })} data-testid="filter-segment">
          <option value="">—</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>{displayName(lang, s.name, s.nameEn)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('park')}
        <select value={filters.park ?? ''} onChange={(e) => set({ park: e.target.value || null })} data-testid="filter-park">
          <option value="">{t('parkAll')}</option>
          {parks.map((p) => (
            <option key={p.id} value={p.id}>{displayName(lang, p.name, p.nameEn)}</option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('relation')}</legend>
        {relTypes.map((r) => {
          const on = filters.relations.length === 0 || filters.relations.includes(r);
          return (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={on}
                onChange={() => {
                  const current = filters.relations.length ? filters.relations : relTypes;
                  const next = on ? current.filter((x) => x !== r) : [...current, r];
                  set({ relations: next.length === relTypes.length ? [] : next });
                }}
                data-testid={`filter-rel-${r}`}
              />
              {t(`rel${r}` as StringKey)}
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('dataKind')}</legend>
        {(['all', 'real', 'synthetic'] as DataKind[]).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="data" checked={filters.data === k} onChange={() => set({ data: k })} data-testid={`filter-data-${k}`} />
            {t(k === 'all' ? 'dataAll' : k === 'real' ? 'dataReal' : 'dataSynthetic')}
          </label>
        ))}
      </fieldset>
      <fieldset className="dates">
        <legend>{t('dateRange')}</legend>
        <label>
          {t('from')}
          <input type="month" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value || null })} data-testid="filter-from" />
        </label>
        <label>
          {t('to')}
          <input type="month" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value || null })} data-testid="filter-to" />
        </label>
      </fieldset>
      <button type="button" onClick={() => onChange(EMPTY_FILTERS)} data-testid="filter-clear">
        {t('clearFilters')}
      </button>
    </form>
  );
}
