// The briefing itself, laid out for one A4 page (brief.css): title, scope and dates; how the circle
// grew with three figures; chain gaps; the top targets with reasons and evidence; the pipeline when
// there is one; the sources of every stated fact.
import type { ReactNode } from 'react';
import { displayName } from '../i18n/strings.ts';
import type { Lang } from '../state/viewState.ts';
import type { BriefParams } from './briefParams.ts';
import type { BriefAnchor, BriefData } from './briefQueries.ts';
import type { BriefT } from './briefStrings.ts';
import { collectFootnotes, type CitedFact } from './collectFootnotes.ts';
import { FootnoteList } from './FootnoteList.tsx';
import { FootnoteRef } from './FootnoteRef.tsx';
import { GapLanes } from './GapLanes.tsx';
import { GrowthFigure } from './GrowthFigure.tsx';
import { growthWindow } from './growthWindow.ts';
import type { PipelineMark } from './pipelineMarks.ts';
import { TargetList } from './TargetList.tsx';

/** Room on one page: footnotes beyond these are counted, not listed (collectFootnotes). */
const MAX_FOOTNOTES = 10;

export interface BriefSheetProps {
  params: BriefParams;
  data: BriefData;
  anchor: BriefAnchor | null;
  t: BriefT;
  generatedOn: string;
  pipeline: Map<string, PipelineMark> | null;
  /** The pipeline section, when the API has one. */
  pipelineSection?: ReactNode;
}

/** The title and scope line in the page's language. */
export function briefTitle(lang: Lang, t: BriefT, anchor: BriefAnchor | null, data: BriefData, chainId: string | null): { title: string; scope: string } {
  const chain = chainId ? data.chainGaps.find((c) => c.chain.id === chainId)?.chain : undefined;
  const chainName = chain ? displayName(lang, chain.name, chain.nameEn) : null;
  if (anchor) {
    const name = displayName(lang, anchor.name, anchor.nameEn);
    return { title: t('titleAnchor', { name }), scope: chainName ? t('scopeAnchorChain', { anchor: name, chain: chainName }) : t('scopeAnchor', { name }) };
  }
  if (chainName) return { title: t('titleChain', { name: chainName }), scope: t('scopeChain', { name: chainName }) };
  return { title: t('titleDistrict'), scope: t('scopeDistrict') };
}

export function BriefSheet({ params, data, anchor, t, generatedOn, pipeline, pipelineSection }: BriefSheetProps) {
  const { lang } = params;
  const { title, scope } = briefTitle(lang, t, anchor, data, params.chainId);
  const points = growthWindow(data.growth);
  const last = data.growth.at(-1);
  const arrivals12 = data.growth.slice(-12).reduce((s, p) => s + p.landed, 0);
  const gapCount = data.chainGaps.reduce((s, c) => s + c.gaps, 0);
  const weakCount = data.chainGaps.reduce((s, c) => s + c.weak, 0);
  const facts: CitedFact[] = [];
  if (anchor) facts.push({ key: 'anchor', sources: anchor.sources });
  for (const tg of data.recruitmentTargets) {
    facts.push({ key: `target:${tg.enterprise.id}`, sources: tg.enterprise.sources });
    const tie = tg.ties.find((x) => x.quotes.length > 0 || x.reason);
    if (tie) facts.push({ key: `tie:${tg.enterprise.id}`, sources: [{ kind: tie.sourceKind ?? 'CURATED', quote: tie.quotes[0] ?? null, reason: tie.quotes.length ? null : tie.reason }] });
  }
  const footnotes = collectFootnotes(facts, { max: MAX_FOOTNOTES, perFact: 1 });
  return (
    <article className="brief-content" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="brief-head">
        <div>
          <p className="kicker">{t('docTitle')}</p>
          <h1 data-testid="brief-title">{title}</h1>
          <p className="scope">
            <span className="brief-muted">{t('scope')}:</span> {scope}
            {anchor && (
              <>
                {' · '}
                {displayName(lang, anchor.name, anchor.nameEn)} {anchor.landedOn ? t('landedOn', { date: anchor.landedOn }) : ''}
                <FootnoteRef nums={footnotes.refs.get('anchor')} />
              </>
            )}
          </p>
        </div>
        <dl className="dates">
          <dt>{t('asOf')}</dt>
          <dd data-testid="brief-as-of">{params.asOf}</dd>
          <dt>{t('generatedOn')}</dt>
          <dd data-testid="brief-generated-on">{generatedOn}</dd>
        </dl>
      </header>

      <section className="brief-growth-row">
        <div className="growth-box">
          <h2>{t(anchor ? 'growth' : 'growthDistrict')}</h2>
          {points.length > 0 ? <GrowthFigure points={points} t={t} label={t('growthNote')} /> : <p className="brief-muted">{t('noGrowth')}</p>}
          <p className="brief-muted note">{t('growthNote')}</p>
        </div>
        <dl className="kpis">
          <div>
            <dt>{t('firmsNow')}</dt>
            <dd data-testid="brief-firms">{last?.cumulativeNet ?? 0}</dd>
          </div>
          <div>
            <dt>{t('arrivals12')}</dt>
            <dd>{arrivals12}</dd>
          </div>
          <div>
            <dt>{t('gapsTotal')}</dt>
            <dd>
              {gapCount} / {weakCount}
            </dd>
          </div>
        </dl>
      </section>

      <section className="brief-gaps">
        <h2>
          {t('gaps')} <span className="brief-legend brief-muted">{t('gapLegend')}</span>
        </h2>
        <GapLanes chains={data.chainGaps} lang={lang} t={t} />
      </section>

      <section className="brief-targets-box">
        <h2>{t('targets')}</h2>
        <TargetList targets={data.recruitmentTargets} lang={lang} t={t} refs={footnotes.refs} pipeline={pipeline} />
      </section>

      {pipelineSection}

      <FootnoteList footnotes={footnotes} t={t} />
      <footer className="brief-foot brief-muted">{t('footer')}</footer>
    </article>
  );
}
