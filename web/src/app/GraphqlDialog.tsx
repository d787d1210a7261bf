// Shows the GraphQL that reproduces the view, with "copy" and "open in GraphiQL".
import { useEffect, useRef, useState } from 'react';
import type { ViewQuery } from '../export/viewQuery.ts';
import { useT } from '../i18n/useT.ts';

export function GraphqlDialog({ vq, onClose }: { vq: ViewQuery; onClose: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const variables = JSON.stringify(vq.variables, null, 2);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const copy = async () => {
    const text = `${vq.query}\n# variables\n${variables}`;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const hash = new URLSearchParams({ query: vq.query, variables }).toString();
  return (
    <dialog ref={ref} className="gql-dialog" onClose={onClose} data-testid="graphql-dialog">
      <h3>{t('copyGraphql')}</h3>
      <textarea readOnly value={vq.query} rows={14} data-testid="graphql-query" aria-label="query" />
      <textarea readOnly value={variables} rows={6} data-testid="graphql-variables" aria-label="variables" />
      <div className="actions">
        <button type="button" onClick={copy} data-testid="graphql-copy">
          {copied ? t('copied') : t('copyGraphql')}
        </button>
        {/* rel="opener": a tab opened with an opener starts with a copy of this tab's sessionStorage, so
            GraphiQL has the session's token (auth/token.ts); both pages are this server's own. */}
        <a href={`/graphql#${hash}`} target="_blank" rel="opener" data-testid="graphql-open">
          {t('openGraphiql')}
        </a>
        <button type="button" onClick={() => ref.current?.close()} data-testid="graphql-close">
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
