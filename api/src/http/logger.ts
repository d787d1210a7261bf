/**
 * The API's one logger module. Requests and errors are JSON lines (pino) on stdout; start-up and
 * shutdown are plain lines on stdout, readable in a terminal, with `npm start`'s one "ready" line
 * printed whatever LOG_LEVEL says. Request lines carry the request id, which is also the
 * response's X-Request-Id; error lines carry the id, the error code and, for the server's eyes
 * only, the cause and its stack (clients get the code and a message, never Cypher or a stack).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogLevel } from '../config.ts';

export type { Logger } from 'pino';

/** A JSON logger at `level`, on `destination` (default: stdout, written synchronously so nothing is lost at exit). */
export function createLogger(level: LogLevel, destination: DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination);
}

const shared = new Map<LogLevel, Logger>();

/** The process's stdout logger at `level` (one per level, shared by the start-up code and every app). */
export function appLogger(level: LogLevel): Logger {
  let logger = shared.get(level);
  if (!logger) {
    logger = createLogger(level);
    shared.set(level, logger);
  }
  return logger;
}

/** Start-up and shutdown lines: plain text, stdout for progress (at LOG_LEVEL info or finer), stderr for failures. */
export function lifecycleLog(level: LogLevel): { info(line: string): void; always(line: string): void; error(line: string): void } {
  const on = level !== 'silent' && pino.levels.values[level]! <= pino.levels.values.info!;
  return {
    info: (line) => {
      if (on) process.stdout.write(`${line}\n`);
    },
    always: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  };
}

// A client's own id is kept when it is a plain token (a UUID, a trace id); anything else, which
// could be used to forge or garble log lines, is replaced.
const CLIENT_REQUEST_ID = /^[\w.:@+=-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The GraphQL operation's name: `operationName`, else the name of a document's first operation. */
export function operationOf(req: Request): string | undefined {
  const src = (req.method === 'GET' ? req.query : req.body) as { operationName?: unknown; query?: unknown } | undefined;
  if (typeof src?.operationName === 'string' && /^[_A-Za-z]\w{0,127}$/.test(src.operationName)) return src.operationName;
  if (typeof src?.query !== 'string') return undefined;
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w{0,127})/.exec(src.query.slice(0, 300))?.[1];
}

/** What the error log receives from the HTTP and GraphQL layers: the cause, its code, which request. */
export interface ErrorRecord {
  err: unknown;
  code: string;
  reqId?: string;
  operation?: string;
}

const isErrorRecord = (x: unknown): x is ErrorRecord => typeof x === 'object' && x !== null && 'err' in x && typeof (x as { code?: unknown }).code === 'string';

/**
 * The server's error sink (startServer's `log`): an ErrorRecord as one JSON line at level error;
 * bare messages (Apollo's own warnings) at warn, anything else thrown at error.
 */
export function errorLogger(logger: Logger): (e: unknown) => void {
  return (e) => {
    if (isErrorRecord(e)) logger.error({ ...e, err: e.err instanceof Error ? e.err : new Error(String(e.err)) }, `${e.code}${e.operation ? ` in ${e.operation}` : ''}`);
    else if (typeof e === 'string') logger.warn(e);
    else logger.error({ err: e }, e instanceof Error ? e.message : 'error');
  };
}

/**
 * One line per request when its response ends: reqId, method, path, operation, status,
 * durationMs. The id is the client's X-Request-Id when it sent a usable one, else a new UUID,
 * and is echoed in the response header. /graphql lines are at info; health checks and the web
 * app's files at debug; 5xx answers at error.
 */
export function requestLogging(logger: Logger): RequestHandler {
  const line = (req: IncomingMessage, res: ServerResponse, durationMs: number) => {
    const r = req as Request;
    return { method: r.method, path: r.originalUrl.split('?', 1)[0], operation: operationOf(r), status: res.statusCode, durationMs };
  };
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Lines carry the request id and our own fields only: pino-http's default would write every
    // request header, the Authorization token included.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (req, res, err) => (err || res.statusCode >= 500 ? 'error' : (req as Request).originalUrl.startsWith('/graphql') ? 'info' : 'debug'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val: { responseTime: number }) => line(req, res, val.responseTime),
    customErrorObject: (req, res, _err, val: { responseTime: number }) => line(req, res, val.responseTime),
  });
}
