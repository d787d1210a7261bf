// The bundled GraphiQL (no CDN: the machines are offline), served by the API on GET /graphql from
// a browser. Its endpoint is the same origin's /graphql. A link from the explorer ("copy as
// GraphQL" → open) passes its operation in the URL hash (#query=…&variables=…): that view opens
// with fresh in-memory tabs so the saved tabs of an earlier visit do not hide it.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { EXAMPLES } from './examples.ts';

type Props = ComponentProps<typeof GraphiQL>;

const fetcher: Props['fetcher'] = async (params) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(params),
  });
  return res.json() as Promise<Record<string, unknown>>;
};

function memoryStorage(): NonNullable<Props['storage']> {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    get length() {
      return m.size;
    },
  };
}

const fromLink = new URLSearchParams(location.hash.slice(1));
const linked = fromLink.get('query');
const tabs = EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined }));
if (linked) tabs.unshift({ query: linked, variables: fromLink.get('variables') ?? undefined });

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={tabs} storage={linked ? memoryStorage() : undefined} defaultEditorToolsVisibility="variables" />
  </StrictMode>,
);
