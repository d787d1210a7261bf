// The sources at the foot of the briefing: a STATED fact's title and quote, a CURATED one's reason.
import type { BriefT } from './briefStrings.ts';
import type { Footnotes } from './collectFootnotes.ts';

export function FootnoteList({ footnotes, t }: { footnotes: Footnotes; t: BriefT }) {
  if (footnotes.notes.length === 0) return null;
  return (
    <section className="brief-sources" data-testid="brief-sources">
      <h2>{t('sources')}</h2>
      <ol>
        {footnotes.notes.map((n) => (
          <li key={n.n} id={`fn-${n.n}`} value={n.n} data-kind={n.kind}>
            {n.kind === 'STATED' ? (
              <>
                {n.title && <cite>《{n.title}》</cite>}
                {n.publisher && <span className="brief-muted">{n.publisher}{n.publishedOn ? ` ${n.publishedOn}` : ''}</span>}
                {n.quote && <q>{n.quote}</q>}
              </>
            ) : (
              <>
                <span className="fn-kind">{t(n.kind === 'CURATED' ? 'curated' : n.kind === 'REGISTRY' ? 'registry' : 'synthetic')}</span>
                {n.title && <cite>《{n.title}》</cite>}
                {n.quote ? <q>{n.quote}</q> : null}
                {n.reason && <span>{n.reason}</span>}
              </>
            )}
          </li>
        ))}
      </ol>
      {footnotes.omitted > 0 && <p className="brief-muted">{t('footnoteMore', { n: footnotes.omitted })}</p>}
    </section>
  );
}
