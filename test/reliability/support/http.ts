/** One GraphQL-over-HTTP exchange as the tests see it: status, headers, raw text and parsed body. */
export interface GqlResponse {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] } | null;
}

export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  opts: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<GqlResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...opts.headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
  });
  const text = await res.text();
  let body: GqlResponse['body'] = null;
  try {
    body = JSON.parse(text) as GqlResponse['body'];
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, text, body };
}

export function errorCodes(r: GqlResponse): string[] {
  return (r.body?.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
}

/**
 * What must never reach a client (docs/API.md, "Errors"): Cypher, driver internals,
 * stack frames, file paths. Input the client sent is removed first, since an error may echo it.
 */
const LEAKS: [string, RegExp][] = [
  ['Cypher clause', /\b(MATCH|MERGE|UNWIND|OPTIONAL MATCH|DETACH DELETE)\s*\(/],
  ['Cypher RETURN', /\bRETURN\s+[a-z_]+\s*(AS|,|\})/],
  ['driver error', /Neo4jError|neo4j-driver|Neo\.ClientError|Neo\.TransientError|Neo\.DatabaseError/],
  // A frame is indented by spaces or tabs (`\n    at fn (`); a line holding only a field named `at`
  // (PipelineChange.at) after an echo was cut out is not one.
  ['stack frame', /\n[ \t]+at\s|\\n[ \t]+at\s|at\s+\S+\s\(\/|\bat\s+async\s/],
  ['source path', /\/(api|seed|neo4j)\/src\/|node_modules\//],
];

export function leaks(text: string, sentStrings: readonly string[] = []): string[] {
  // Scan the decoded strings of a JSON body (one escaping layer fewer), with every echo of what
  // was sent removed — whole, or cut short as an error message may quote it ("got …").
  let t = text;
  try {
    t = stringsOf(JSON.parse(text)).join('\n');
  } catch {
    /* not JSON: scan as is */
  }
  for (const s of sentStrings) {
    for (const form of new Set([s, JSON.stringify(s).slice(1, -1)])) t = withoutEcho(t, form);
  }
  return LEAKS.filter(([, re]) => re.test(t)).map(([name]) => name);
}

const MIN_ECHO = 8;

/** `t` without occurrences of `s`, or of a prefix of `s` at least MIN_ECHO long (longest first). */
function withoutEcho(t: string, s: string): string {
  if (s.length < 3) return t;
  let out = t.split(s).join('');
  for (let k = s.length - 1; k >= MIN_ECHO; k--) {
    const p = s.slice(0, k);
    if (out.includes(p)) out = out.split(p).join('');
  }
  return out;
}

function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...stringsOf(x)]);
  return [];
}

/** `path` on the server at `base` (whether or not `base` ends in a slash). */
export function at(base: string, path: string): string {
  return new URL(path, base).toString();
}
