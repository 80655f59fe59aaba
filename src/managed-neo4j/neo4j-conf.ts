import { NEO4J_SERVER_SETTINGS } from '../platform/neo4j-server-settings';

/** What varies between managed instances; everything else is fixed to a safe local default. */
export interface ManagedConfOptions {
  readonly boltPort: number;
  readonly dataDir: string;
  readonly logsDir: string;
  readonly runDir: string;
  readonly pageCacheSize: string;
}

/**
 * Renders neo4j.conf for a managed instance: Bolt on loopback only, HTTP off (the API speaks Bolt),
 * authentication on, usage reporting off.
 */
export function renderNeo4jConf(options: ManagedConfOptions): string {
  return [
    '# Written by ai-industry-graph (src/managed-neo4j/neo4j-conf.ts) on every start; edits are overwritten.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${options.boltPort}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    `server.directories.data=${options.dataDir}`,
    `server.directories.logs=${options.logsDir}`,
    `server.directories.run=${options.runDir}`,
    `server.memory.pagecache.size=${options.pageCacheSize}`,
    'db.logs.query.enabled=OFF',
    ...Object.entries(NEO4J_SERVER_SETTINGS).map(([setting, value]) => `${setting}=${value}`),
    '',
  ].join('\n');
}
