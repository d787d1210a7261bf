export interface ServerSettings {
  /** Folder holding conf/, data/, logs/ of one server instance. */
  home: string;
  boltPort: number;
  heap: string;
  pageCache: string;
}

/**
 * neo4j.conf for one embedded instance, in Neo4j 5.x key names (4.x names are rejected at start).
 * Bolt listens on loopback only and auth is off: the server is private to this machine and
 * reachable only by this process's users. HTTP is off: every client here speaks Bolt.
 */
export function renderNeo4jConf(s: ServerSettings): string {
  return [
    `server.default_listen_address=127.0.0.1`,
    `server.bolt.listen_address=127.0.0.1:${s.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${s.boltPort}`,
    `server.http.enabled=false`,
    `server.https.enabled=false`,
    `dbms.security.auth_enabled=false`,
    `server.directories.data=${s.home}/data`,
    `server.directories.logs=${s.home}/logs`,
    `server.directories.run=${s.home}/run`,
    `server.directories.import=${s.home}/import`,
    `server.directories.plugins=${s.home}/plugins`,
    `server.directories.licenses=${s.home}/licenses`,
    `server.memory.heap.initial_size=${s.heap}`,
    `server.memory.heap.max_size=${s.heap}`,
    `server.memory.pagecache.size=${s.pageCache}`,
    // A 2-core machine: keep the transaction log small and the background work light.
    `db.tx_log.rotation.retention_policy=2 files`,
    `dbms.usage_report.enabled=false`,
    `server.logs.gc.enabled=false`,
    `db.logs.query.enabled=OFF`,
    // A statement waiting for a lock held by a stuck or forgotten transaction fails with a clear
    // error after a minute instead of waiting forever (Neo4j's default has no limit).
    `db.lock.acquisition.timeout=60s`,
    '',
  ].join('\n');
}
