import path from 'node:path';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { ApolloServer } from '@apollo/server';
import type { Db } from '@cangshan/neo4j';
import type { ApiConfig } from '../config.ts';
import type { Context, ReadCache } from '../context/index.ts';
import { ErrorCode } from '../errors/index.ts';
import { cors } from './cors.ts';
import { authOf, graphqlHandler, sendRequestError } from './graphqlHandler.ts';
import { healthRoutes } from './health.ts';
import { appLogger, requestLogging, type ErrorRecord, type Logger } from './logger.ts';
import { rateLimit } from './rateLimit.ts';
import { securityHeaders } from './securityHeaders.ts';
import { graphiqlPage, wantsGraphiQL, webAppRoutes } from './webApp.ts';

export interface AppOptions {
  db: Db;
  config: ApiConfig;
  apollo: ApolloServer<Context>;
  /** The server's cache of district-wide reads (startServer owns it and stops its refresh). */
  readCache: ReadCache;
  webDist: string;
  isShuttingDown: () => boolean;
  /** The error sink: internal errors as ErrorRecords (code, request id, cause). */
  log: (err: unknown) => void;
  /** Where request lines go (default: stdout at LOG_LEVEL). */
  logger?: Logger;
}

/**
 * JSON bodies up to BODY_LIMIT (413 above it); a request of an editor or an admin may carry a data
 * set or a registry export (base64) up to IMPORT_BODY_LIMIT. The token decides before a byte of
 * the body is read.
 */
function jsonBody(config: ApiConfig): RequestHandler {
  const small = express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] });
  const large = express.json({ limit: config.importBodyLimit, type: ['application/json', 'application/*+json'] });
  return (req, res, next) => {
    const auth = authOf(req, config);
    return ('role' in auth && (auth.role === 'admin' || auth.role === 'editor') ? large : small)(req, res, next);
  };
}

/** Errors raised before GraphQL runs (body parsing), as GraphQL-shaped bodies with the right status. */
function errorHandler(config: ApiConfig, log: (err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const type = (err as { type?: unknown }).type;
    if (type === 'entity.parse.failed') return sendRequestError(res, 400, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON. Send {"query": "…", "variables": {…}} with Content-Type: application/json.');
    if (type === 'entity.too.large') {
      return sendRequestError(res, 413, ErrorCode.LIMIT_EXCEEDED, `The request body is larger than BODY_LIMIT (${config.bodyLimit}; ${config.importBodyLimit} for an editor's or admin's imports). Send less, or import large data sets with \`npm run seed\`.`, {
        limit: 'BODY_LIMIT',
      });
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') return sendRequestError(res, 415, ErrorCode.BAD_REQUEST, 'Send the body as UTF-8 JSON.');
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return sendRequestError(res, status, ErrorCode.BAD_REQUEST, 'The request could not be read.');
    log({ err, code: ErrorCode.INTERNAL, reqId: String(req.id) } satisfies ErrorRecord);
    return sendRequestError(res, 500, ErrorCode.INTERNAL, 'Internal error. The server log has the details.');
  };
}

/** The one HTTP app: health, GraphQL (POST and GET) with its protections, GraphiQL, the web app. */
export function createApp(opts: AppOptions): Express {
  const { config } = opts;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', config.trustProxy);
  const logger = opts.logger ?? appLogger(config.logLevel);
  app.use(requestLogging(logger));
  app.use((_req, res, next) => {
    if (opts.isShuttingDown()) res.setHeader('Connection', 'close');
    next();
  });
  app.use(securityHeaders(config.contentSecurityPolicy));
  app.use(healthRoutes(opts.db, opts.isShuttingDown));
  const graphiql = graphiqlPage(opts.webDist);
  app.get('/graphql', (req, res, next) => (wantsGraphiQL(req) ? graphiql(req, res, next) : next()));
  app.use(
    '/graphql',
    cors(config.corsOrigins),
    ...rateLimit({ perMinute: config.rateLimitPerMinute, ipv6Subnet: config.rateLimitIpv6Subnet, logger }),
    jsonBody(config),
    graphqlHandler(opts.apollo, opts.db, config, opts.readCache),
  );
  app.use(webAppRoutes(path.resolve(opts.webDist)));
  app.use((_req, res) => sendRequestError(res, 404, ErrorCode.NOT_FOUND, 'No such route. The API is at /graphql; health at /healthz and /readyz.'));
  app.use(errorHandler(config, opts.log));
  return app;
}
