// The bundled GraphiQL (no CDN: the machines are offline), served by the API on GET /graphql from
// a browser. Its endpoint is the same origin's /graphql, through @graphiql/toolkit's fetcher, which
// sends what is typed in the Headers pane with each request (so a token there makes writes work).
// A link from the explorer ("copy as GraphQL" → open) passes its operation in the URL hash
// (#query=…&variables=…): that view opens with fresh in-memory tabs so the saved tabs of an
// earlier visit do not hide it. When the user signed in to the explorer in this session, that
// token is the Headers pane's default and goes with every request whose pane names no
// Authorization of its own (headers are never saved to storage).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { authHeaders } from '../auth/token.ts';
import { EXAMPLES } from './examples.ts';

type Props = ComponentProps<typeof GraphiQL>;

const session = authHeaders();
// One JSON answer per request: the API serves no incremental delivery, and the simple fetcher asks
// for application/graphql-response+json like the explorer does.
const toolkitFetcher = createGraphiQLFetcher({ url: '/graphql', enableIncrementalDelivery: false });
const fetcher: Props['fetcher'] = (params, opts) => {
  const pane = opts?.headers ?? {};
  // Header names are case-insensitive: the session's token is added only when the pane has no
  // Authorization in any spelling (two would be sent joined, and refused).
  const own = Object.keys(pane).some((k) => k.toLowerCase() === 'authorization');
  return toolkitFetcher(params, { ...opts, headers: own || !session.authorization ? pane : { ...pane, Authorization: session.authorization } });
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

const defaultHeaders = session.authorization ? JSON.stringify({ Authorization: session.authorization }, null, 2) : undefined;
const fromLink = new URLSearchParams(location.hash.slice(1));
const linked = fromLink.get('query');
const tabs = EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined, headers: defaultHeaders }));
if (linked) tabs.unshift({ query: linked, variables: fromLink.get('variables') ?? undefined, headers: defaultHeaders });

// GraphiQL fills the variables editor of the first tab from `initialVariables` only, not from the
// tab, so a first visit (no saved tabs) passes the first tab's own. With saved tabs it is left
// alone: GraphiQL would add a tab for a query and variables that match none of them.
function savedTabs(): boolean {
  try {
    return localStorage.getItem('graphiql:tabState') !== null;
  } catch {
    return false;
  }
}
const initialVariables = linked || !savedTabs() ? (tabs[0]?.variables ?? undefined) : undefined;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={tabs}
      defaultHeaders={defaultHeaders}
      initialVariables={initialVariables}
      storage={linked ? memoryStorage() : undefined}
      defaultEditorToolsVisibility="variables"
    />
  </StrictMode>,
);
