export { Db, type Row, type Params, type Tx, type QueryEvent } from './db.ts';
export { connect, REPO_ROOT, type Connection, type ConnectOptions } from './connect.ts';
export { startEmbedded, InstanceBusyError, type EmbeddedServer, type EmbeddedOptions } from './embeddedServer.ts';
export { ensureJars, RuntimeMissingError, javaMajorVersion } from './ensureJars.ts';
export { applySchema, schemaApplied, SCHEMA_STATEMENTS } from './schema.ts';
export { toPlain, toParams } from './toPlain.ts';
export { waitForBolt } from './waitReady.ts';
export { freePort } from './freePort.ts';
