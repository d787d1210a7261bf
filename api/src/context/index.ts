export { createContext, type Context, type Auth } from './Context.ts';
export { Loaders } from './Loaders.ts';
export { makeReader, type Reader } from './reader.ts';
export { ReadCache, type VersionFn } from './readCache.ts';
export { DatabaseHealth, healthOf, type HealthChange, type OwnedNeo4j } from './databaseHealth.ts';
