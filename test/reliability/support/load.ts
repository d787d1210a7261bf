import autocannon, { type Request, type Result } from 'autocannon';

/** A mix of GraphQL POSTs, each connection cycling through them. */
export function graphqlRequests(
  queries: { query: string; variables?: Record<string, unknown> }[],
  headers: Record<string, string> = {},
  tally?: { graphqlErrors: number; firstError?: string },
): Request[] {
  return queries.map((q) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(q),
    // A 200 can still carry `errors` (a field failed): that is a failed request too.
    onResponse: (status, body) => {
      if (tally && status === 200 && body.includes('"errors"')) {
        tally.graphqlErrors++;
        tally.firstError ??= body.slice(0, 400);
      }
    },
  }));
}

export interface LoadSummary {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p99: number;
  rps: number;
  statusCodes: Record<string, number>;
}

/** A run of `durationS` seconds, or of exactly `amount` requests when that is given. */
export async function runLoad(
  baseUrl: string,
  requests: Request[],
  opts: { connections: number; durationS: number } | { connections: number; amount: number },
): Promise<LoadSummary> {
  const length = 'amount' in opts ? { amount: opts.amount } : { duration: opts.durationS };
  const r: Result = await autocannon({ url: baseUrl, connections: opts.connections, ...length, timeout: 20, requests });
  return {
    requests: r.requests.total,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  };
}
