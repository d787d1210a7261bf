import http from 'node:http';

/**
 * A lean keep-alive HTTP client for the benchmarks: node:http with a pooled agent (fetch adds a
 * few hundred microseconds per request of its own, which would be charged to the server).
 * Rejects on a non-200 status or a body with GraphQL `errors`, so a failing side cannot look fast.
 */
export function graphqlClient(url: string, maxSockets = 64): { post: (body: string) => Promise<string>; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const u = new URL(url);
  const post = (body: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { agent, host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            else if (text.includes('"errors"')) reject(new Error(`GraphQL errors: ${text.slice(0, 300)}`));
            else resolve(text);
          });
          res.on('error', reject);
        },
      );
      // Say whether the call went out on a reused keep-alive socket: a "socket hang up" there is
      // the server closing an idle connection as it was reused, not a request the server failed.
      req.on('error', (err) => reject(new Error(`${err.message} (${req.reusedSocket ? 'reused keep-alive socket' : 'new socket'})`, { cause: err })));
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}
