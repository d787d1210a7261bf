import type { Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '../errors/index.ts';
import { sendRequestError } from './graphqlHandler.ts';
import { BUSY_RETRY_AFTER_S, memoryGuard } from './memoryGuard.ts';

/**
 * Root fields whose answers cost real work in Neo4j and in this process (graph walks, district-wide
 * aggregations, the recruitment ranking): seconds of database time and megabytes of answer at
 * the largest sizes the limits allow. A request that selects any of them is "expensive".
 */
export const EXPENSIVE_FIELDS: ReadonlySet<string> = new Set(['circle', 'chain', 'path', 'graph', 'growth', 'stats', 'chainGaps', 'recruitmentTargets', 'whatIf', 'overviewGroups']);

/** How long a client refused by the per-client limit is asked to wait: about one expensive answer. */
export const CONCURRENCY_RETRY_AFTER_S = 1;

/** Documents classified and kept (least recently used out); longer texts are classified each time. */
const SHAPE_CACHE_ENTRIES = 500;
const SHAPE_CACHE_MAX_CHARS = 20_000;

/** Per operation name ('' for an anonymous one): whether it selects an expensive root field. */
type Shape = Map<string, boolean>;
const shapes = new Map<string, Shape | null>();

function rootFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>, out: Set<string>): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) rootFields(s.selectionSet, fragments, seen, out);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const f = fragments.get(s.name.value);
      if (f) rootFields(f.selectionSet, fragments, seen, out);
    }
  }
}

function shapeOf(doc: DocumentNode): Shape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const shape: Shape = new Map();
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const fields = new Set<string>();
    rootFields(d.selectionSet, fragments, new Set(), fields);
    shape.set(d.name?.value ?? '', d.operation === 'query' && [...fields].some((f) => EXPENSIVE_FIELDS.has(f)));
  }
  return shape;
}

/** The shape of a query text, or null when it does not parse (GraphQL then refuses it before any work). */
function cachedShape(text: string): Shape | null {
  const hit = shapes.get(text);
  if (hit !== undefined) {
    shapes.delete(text);
    shapes.set(text, hit);
    return hit;
  }
  let shape: Shape | null;
  try {
    shape = shapeOf(parse(text, { noLocation: true }));
  } catch {
    shape = null;
  }
  if (text.length <= SHAPE_CACHE_MAX_CHARS) {
    shapes.set(text, shape);
    if (shapes.size > SHAPE_CACHE_ENTRIES) shapes.delete(shapes.keys().next().value as string);
  }
  return shape;
}

/**
 * Whether the operation a /graphql request asks for selects an expensive root field (fragments and
 * inline fragments at the root included). A request with no query text — an automatic persisted
 * query sent by its hash — counts as expensive: its shape is not known here.
 */
export function isExpensive(req: Request): boolean {
  const params = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
  if (!params || typeof params !== 'object' || Array.isArray(params)) return false;
  const text = params.query;
  if (typeof text !== 'string') return params.extensions !== undefined;
  const shape = cachedShape(text);
  if (!shape) return false;
  const name = typeof params.operationName === 'string' ? params.operationName : null;
  const chosen = name !== null ? shape.get(name) : shape.size === 1 ? [...shape.values()][0] : undefined;
  // An operation GraphQL cannot pick is refused by it; counted as the worst of the document's meanwhile.
  return chosen ?? [...shape.values()].some(Boolean);
}

/** The client a request counts against: the rate limiter's key (req.ip, IPv6 cut to its /ipv6Subnet prefix). */
export function clientKey(req: Request, ipv6Subnet: number): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown', ipv6Subnet);
}

/** Releases what an admitted request holds; call once, when its work is over. */
export type Release = () => void;

/** Expensive requests of one client that may wait for a free slot, per slot (beyond them: refused at once). */
export const WAITING_PER_SLOT = 4;
/** How long an expensive request waits for a free slot before it is refused. */
export const MAX_WAIT_MS = 5_000;

interface Client {
  running: number;
  waiting: Array<() => void>;
}

/**
 * The door of /graphql for expensive requests (EXPENSIVE_FIELDS); others pass untouched.
 * - Memory: while the heap in use is above MEMORY_GUARD_MB, 503 SERVER_BUSY with Retry-After.
 * - Per client (clientKey): at most `perClient` in progress at once. One more waits in the
 *   client's line — up to WAITING_PER_SLOT × perClient of them, for at most MAX_WAIT_MS — and
 *   starts when one of the client's own requests ends: a page that asks for the overview, the
 *   growth and the dashboard at once is served in turn, not refused. Past the line, or after the
 *   wait, the request is refused — 429 RATE_LIMITED naming GRAPHQL_EXPENSIVE_CONCURRENCY, with
 *   Retry-After. A waiting request costs a socket and its body, no database or decoding work, so
 *   a client flooding expensive queries gets its share and no more, and the others keep theirs.
 *   A slot is freed when the request's work ends, not when its client goes away, so dropping
 *   connections gets a client nothing; one that goes away while waiting leaves the line.
 * Resolves to a Release for an admitted request, or null when it was refused (the answer is sent)
 * or its client went away while it waited.
 */
export function expensiveGate(opts: { perClient: number; memoryMb: number; ipv6Subnet: number }): (req: Request, res: Response) => Promise<Release | null> {
  const clients = new Map<string, Client>();
  const memory = memoryGuard(opts.memoryMb);
  const none: Release = () => undefined;

  const refuse = (res: Response): null => {
    res.setHeader('Retry-After', String(CONCURRENCY_RETRY_AFTER_S));
    sendRequestError(
      res,
      429,
      ErrorCode.RATE_LIMITED,
      `Too many expensive requests at once: a client may have at most ${opts.perClient} requests for ${[...EXPENSIVE_FIELDS].join(', ')} in progress (GRAPHQL_EXPENSIVE_CONCURRENCY), and a few more waiting. Wait for one to answer, or retry in ${CONCURRENCY_RETRY_AFTER_S} s.`,
      { retryAfterSeconds: CONCURRENCY_RETRY_AFTER_S, limit: 'GRAPHQL_EXPENSIVE_CONCURRENCY', max: opts.perClient },
    );
    return null;
  };

  const releaseOf = (key: string, c: Client): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = c.waiting.shift();
      // The slot passes to the client's next waiting request, or is given back.
      if (next) next();
      else if (--c.running === 0) clients.delete(key);
    };
  };

  return async (req, res) => {
    if ((opts.perClient <= 0 && memory.thresholdMb <= 0) || !isExpensive(req)) return none;
    if (memory.full()) {
      res.setHeader('Retry-After', String(BUSY_RETRY_AFTER_S));
      sendRequestError(res, 503, ErrorCode.SERVER_BUSY, `The server is too busy for this request now (memory in use above MEMORY_GUARD_MB, ${memory.thresholdMb} MB). Retry in ${BUSY_RETRY_AFTER_S} s.`, {
        retryAfterSeconds: BUSY_RETRY_AFTER_S,
      });
      return null;
    }
    if (opts.perClient <= 0) return none;
    const key = clientKey(req, opts.ipv6Subnet);
    let c = clients.get(key);
    if (!c) clients.set(key, (c = { running: 0, waiting: [] }));
    if (c.running < opts.perClient) {
      c.running++;
      return releaseOf(key, c);
    }
    if (c.waiting.length >= WAITING_PER_SLOT * opts.perClient) return refuse(res);
    const client = c;
    return new Promise<Release | null>((resolve) => {
      const leave = (): void => {
        clearTimeout(timer);
        res.off('close', gone);
        const i = client.waiting.indexOf(admit);
        if (i >= 0) client.waiting.splice(i, 1);
      };
      const admit = (): void => {
        leave();
        resolve(releaseOf(key, client));
      };
      const gone = (): void => {
        leave();
        resolve(null);
      };
      const timer = setTimeout(() => {
        leave();
        resolve(refuse(res));
      }, MAX_WAIT_MS);
      res.on('close', gone);
      client.waiting.push(admit);
    });
  };
}

