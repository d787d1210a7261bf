import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { capturingDriver, type Statement } from './captureDriver.ts';
import { LIBRARY_FEATURES, LIBRARY_TYPE_DEFS } from './libraryTypeDefs.ts';

export interface LibraryServer {
  /** The GraphQL endpoint. */
  url: string;
  /** Runs `work` (requests to `url`, one at a time) and returns the Cypher the library sent for them. */
  capture(work: () => Promise<unknown>): Promise<Statement[]>;
  close(): Promise<void>;
}

interface LibraryContext {
  executionContext: Driver;
}

/**
 * The Neo4j GraphQL Library served as a researcher would serve it: its generated schema in Apollo
 * Server 5 — with the same Apollo settings as our server (cache control, tracing, reporting and
 * the landing page off) — behind a bare `node:http` server, in this process. Only
 * `checkNeo4jCompat` is not called: it demands APOC, which nothing here runs.
 *
 * Idle keep-alive connections stay open as long as our bench server keeps them
 * (KEEP_ALIVE_TIMEOUT_MS in BENCH_SERVER_ENV), for the same reason: a socket idle while the other
 * side runs its round must not be closed under the client.
 */
export async function startLibraryServer(driver: Driver, keepAliveMs = 600_000): Promise<LibraryServer> {
  const schema = await new Neo4jGraphQL({ typeDefs: LIBRARY_TYPE_DEFS, features: LIBRARY_FEATURES }).getSchema();
  const apollo = new ApolloServer<LibraryContext>({
    schema,
    csrfPrevention: false,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
  await apollo.start();
  const tracing = capturingDriver(driver);
  let capturing = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const headers = new HeaderMap();
          for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
          const text = Buffer.concat(chunks).toString('utf8');
          const url = new URL(req.url ?? '/', 'http://localhost');
          const result = await apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'POST', headers, search: url.search.slice(1), body: text ? (JSON.parse(text) as unknown) : undefined },
            context: async () => ({ executionContext: capturing ? tracing.driver : driver }),
          });
          for (const [k, v] of result.headers) res.setHeader(k, v);
          res.statusCode = result.status ?? 200;
          if (result.body.kind === 'complete') res.end(result.body.string);
          else {
            for await (const chunk of result.body.asyncIterator) res.write(chunk);
            res.end();
          }
        } catch (err) {
          res.statusCode = 500;
          res.end(JSON.stringify({ errors: [{ message: err instanceof Error ? err.message : String(err) }] }));
        }
      })();
    });
  });
  server.keepAliveTimeout = keepAliveMs;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async capture(work) {
      capturing = true;
      try {
        // The library asks the server's version once per schema (`CALL dbms.components()`, cached
        // after): set-up, not the work of a request.
        return (await tracing.capture(work)).filter((s) => !/^\s*(CYPHER 5\s+)?CALL dbms\.components\(\)/.test(s.cypher));
      } finally {
        capturing = false;
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
