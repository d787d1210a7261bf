import { applySchema, connect, loadDotEnv, REPO_ROOT, type Connection } from '@cangshan/neo4j';

/**
 * How every seed command reaches its database, as `npm start` does: the repository's `.env` first
 * (a variable set in the environment wins), then the embedded Neo4j or `NEO4J_URI`, with the schema
 * applied. The caller closes the connection.
 */
export async function openCliDatabase(log: (line: string) => void): Promise<Connection> {
  loadDotEnv(REPO_ROOT);
  const conn = await connect({ log });
  try {
    await applySchema(conn.db);
  } catch (e) {
    await conn.close();
    throw e;
  }
  return conn;
}
