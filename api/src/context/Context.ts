import type { Db } from '@cangshan/neo4j';
import type { ApiConfig, Role } from '../config.ts';
import { Loaders } from './Loaders.ts';
import type { ReadCache } from './readCache.ts';
import { makeReader, type Reader } from './reader.ts';

/** Who is calling: the role of a valid Bearer token, or null (anonymous). */
export interface Auth {
  role: Role | null;
  /** For the audit trail: the name given with the token, else its role and a short salted id (http/auth.ts). */
  actor: string;
}

/** What every resolver receives. */
export interface Context {
  db: Db;
  config: ApiConfig;
  auth: Auth;
  read: Reader;
  /** `read` through the server's ReadCache (expensive district-wide reads only); `read` when there is none. */
  readCached: Reader;
  loaders: Loaders;
}

export function createContext(db: Db, config: ApiConfig, auth: Auth, cache?: ReadCache): Context {
  const read = makeReader(db, config.queryTimeoutMs);
  return { db, config, auth, read, readCached: cache ? cache.reader(read) : read, loaders: new Loaders(read) };
}
