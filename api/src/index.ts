// Public surface of @cangshan/api: the server (tests and benchmarks start it in-process), the
// schema, the shared "as of" fragment and the API's reading of dates, the error family.
export { timelinesOf } from './capabilities/recruitment/segmentTimelines.ts';
export { startServer, PortInUseError, type StartOptions, type RunningServer } from './http/startServer.ts';
export { createApp, type AppOptions } from './http/createApp.ts';
export { createApolloServer } from './http/apolloServer.ts';
export { buildApiSchema, loadTypeDefs } from './schema/buildApiSchema.ts';
export { readConfig, type ApiConfig, type Role } from './config.ts';
export { asOfFragment } from './cypher/asOf.ts';
export { normaliseAsOf, normaliseFrom, parseIsoPrefix } from './scalars/index.ts';
export { ApiError, ErrorCode, badInput, limitExceeded, notFound, fromDriverError } from './errors/index.ts';
export { createContext, type Context, type Auth } from './context/index.ts';
export type { CypherQuery } from './cypher/cypherQuery.ts';
