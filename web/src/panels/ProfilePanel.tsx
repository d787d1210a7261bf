// A firm's profile: names, dates, origin, park, amounts, segment, its registry fields and departure
// when a registry export gave them, its relations as links, and the sources of what we know.
// Actions: expand / collapse its neighbours, open its circle, find how it connects to another firm.
import type { ReactNode } from 'react';
import { PROFILE_QUERY } from '../data/queries.ts';
import type { EnterpriseRef } from '../data/types.ts';
import { useGql } from '../data/useGql.ts';
import { displayName, formatYuan } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';
import { RegistryFacts } from './RegistryFacts.tsx';
import { SourceBadge, SourceList } from './SourceList.tsx';

/** Anything with a name in Chinese and maybe English: the firm, its park, segment, chain … */
interface Named {
  name: string;
  nameEn?: string | null;
}

export interface ProfilePanelProps {
  id: string;
  expandedCap: number | null;
  neighbourCount: number;
  onSelect: (id: string) => void;
  onExpand: (cap: number | null) => void;
  onCircle: (id: string) => void;
  onConnect: (id: string) => void;
}

export const EXPAND_STEP = 12;

export function ProfilePanel(props: ProfilePanelProps) {
  const { id, onSelect } = props;
  const t = useT();
  const { lang } = useView();
  const q = useGql(PROFILE_QUERY, { id });
  const e = q.data?.enterprise;
  const name = (x: Named) => displayName(lang, x.name, x.nameEn);

  if (q.loading && !e) return <p className="muted" data-testid="profile-loading">{t('loading')}</p>;
  if (q.error && !e) return <p className="error">{t('apiError')}{q.error.message}</p>;
  if (!e) return <p className="muted">—</p>;

  const links = (label: string, refs: EnterpriseRef[], testId: string): ReactNode =>
    refs.length > 0 && (
      <div className="rel-group" data-testid={testId}>
        <dt>{label}</dt>
        <dd>
          {refs.map((r) => (
            <button type="button" key={r.id} className="chip" onClick={() => onSelect(r.id)} data-testid="relation-link" data-id={r.id}>
              {r.isAnchor && '★ '}
              {name(r)}
            </button>
          ))}
        </dd>
      </div>
    );

  const cap = props.expandedCap;
  return (
    <article className="profile" data-testid="profile" data-id={e.id}>
      <header>
        <h2 data-testid="profile-name">{name(e)}</h2>
        <p className="muted">{lang === 'en' ? e.name : e.nameEn}</p>
        <div className="badges">
          {e.isAnchor && <span className="badge anchor">{t('anchor')}</span>}
          {e.leftOn && (
            <span className="badge left" data-testid="profile-left" style={{ background: '#fff5f5', color: '#c92a2a', border: '1px dashed #ffa8a8' }}>
              {t('leftBadge')} {e.leftOn}
            </span>
          )}
          <SourceBadge kind={e.sourceKind} />
          {e.synthetic && <span className="badge src-synthetic">{t('synthetic')}</span>}
        </div>
      </header>
      {e.description && <p className="description">{e.description}</p>}
      <dl className="facts">
        {e.aliases.length > 0 && (
          <>
            <dt>{t('aliases')}</dt>
            <dd className="small">{e.aliases.slice(0, 8).join('、')}</dd>
          </>
        )}
        {(e.origin || e.relocatedFrom) && (
          <>
            <dt>{t('origin')}</dt>
            <dd>{e.relocatedFrom ? name(e.relocatedFrom) : e.origin}</dd>
          </>
        )}
        {e.signedOn && (
          <>
            <dt>{t('signedOn')}</dt>
            <dd>{e.signedOn}</dd>
          </>
        )}
        {e.landedOn && (
          <>
            <dt>{t('landedOn')}</dt>
            <dd data-testid="profile-landed">{e.landedOn}</dd>
          </>
        )}
        {e.park && (
          <>
            <dt>{t('park')}</dt>
            <dd>{name(e.park)}</dd>
          </>
        )}
        {e.segment && (
          <>
            <dt>{t('segment')}</dt>
            <dd>
              {e.segment.chain ? `${name(e.segment.chain)} › ` : ''}
              {name(e.segment)}
              {e.segment.layer ? ` (${lang === 'en' ? (e.segment.layerEn ?? e.segment.layer) : e.segment.layer})` : ''}
            </dd>
          </>
        )}
        {e.investmentYuan != null && (
          <>
            <dt>{t('investment')}</dt>
            <dd>{formatYuan(lang, e.investmentYuan)}</dd>
          </>
        )}
        {e.revenueYuan != null && (
          <>
            <dt>{lang === 'en' ? 'Revenue' : '营收'}</dt>
            <dd>{formatYuan(lang, e.revenueYuan)}</dd>
          </>
        )}
      </dl>
      <RegistryFacts e={e} />
      <div className="actions">
        {e.isAnchor && (
          <button type="button" onClick={() => props.onCircle(e.id)} data-testid="show-circle">
            {t('showCircle')}
          </button>
        )}
        {cap === null ? (
          <button type="button" onClick={() => props.onExpand(EXPAND_STEP)} data-testid="expand">
            {t('expand')}
          </button>
        ) : (
          <>
            {cap < props.neighbourCount && (
              <button type="button" onClick={() => props.onExpand(cap + EXPAND_STEP)} data-testid="show-more">
                {t('showMore')} ({Math.min(cap, props.neighbourCount)}/{props.neighbourCount})
              </button>
            )}
            <button type="button" onClick={() => props.onExpand(null)} data-testid="collapse">
              {t('collapse')}
            </button>
          </>
        )}
        <button type="button" onClick={() => props.onConnect(e.id)} data-testid="connect">
          {t('connectFrom')}
        </button>
      </div>
      <dl className="relations">
        {links(t('attracted'), e.attracted, 'rel-attracted')}
        {links(t('attractedBy'), e.attractedBy, 'rel-attracted-by')}
        {links(t('upstream'), e.upstream, 'rel-upstream')}
        {links(t('downstream'), e.downstream, 'rel-downstream')}
        {links(t('relPARTNER_OF'), e.partners, 'rel-partners')}
        {links(t('parent'), e.parent ? [e.parent] : [], 'rel-parent')}
        {links(t('units'), e.units, 'rel-units')}
      </dl>
      {e.projects.length > 0 && (
        <section>
          <h3>{t('projects')}</h3>
          <ul className="projects">
            {e.projects.map((p) => (
              <li key={p.id}>
                {name(p)}
                <span className="muted small">
                  {[p.category, p.signedOn && `${t('signedOn')} ${p.signedOn}`, p.landedOn && `${t('landedOn')} ${p.landedOn}`, p.amountYuan != null && formatYuan(lang, p.amountYuan)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {e.mechanisms.length > 0 && (
        <p className="small">
          <span className="muted">{lang === 'en' ? 'Mechanisms: ' : '招商机制：'}</span>
          {e.mechanisms.map(name).join('、')}
        </p>
      )}
      <section>
        <h3>{t('sources')}</h3>
        <SourceList sources={e.sources} />
      </section>
    </article>
  );
}
