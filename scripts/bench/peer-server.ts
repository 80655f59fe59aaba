import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { sendGraphQLResponse, toGraphQLRequest } from '../../src/http/apollo-http';
import { jsonBodyReader } from '../../src/http/json-body';
import { createDriver } from '../../src/neo4j/driver';
import { PEER_TYPE_DEFS } from './peer-type-defs';

/**
 * The benchmark's peer: `@neo4j/graphql` 7 serving the same database as our server, mounted the way `src/server.ts`
 * mounts ours (Apollo Server 5 on node:http, the same request and response code) but without our limits, logging or auth, so what is measured is the
 * library's generated Cypher. Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PEER_PORT (NEO4J_MAX_POOL_SIZE optional,
 * default 100 like ours). Prints `peer listening on http://127.0.0.1:PORT/graphql` when ready; SIGTERM/SIGINT
 * drain HTTP, then close the driver.
 */
function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const port = Number(required('PEER_PORT'));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PEER_PORT: not a port (${process.env.PEER_PORT})`);
  // Same driver factory and pool size as our server, so the comparison is of the query layers, not the drivers.
  const driver = createDriver({
    uri: required('NEO4J_URI'),
    user: required('NEO4J_USER'),
    password: required('NEO4J_PASSWORD'),
    maxPoolSize: Number(process.env.NEO4J_MAX_POOL_SIZE ?? 100),
  });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();

  const httpServer = http.createServer();
  const apollo = new ApolloServer({
    schema,
    introspection: false,
    allowBatchedHttpRequests: false,
    // This process owns shutdown below: drain HTTP first, then close the driver.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  // An empty context: the library takes the driver from the Neo4jGraphQL instance, and there is no auth to pass on.
  const readJson = jsonBodyReader(1_000_000);
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    readJson(req, res)
      .then((body) => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: toGraphQLRequest(req, body), context: async () => ({}) }))
      .then((response) => sendGraphQLResponse(res, response))
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, '127.0.0.1', () => resolve());
  });
  process.stdout.write(`peer listening on http://127.0.0.1:${port}/graphql\n`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await apollo.stop().catch((error: unknown) => process.stderr.write(`peer: HTTP did not stop cleanly: ${String(error)}\n`));
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`peer failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
