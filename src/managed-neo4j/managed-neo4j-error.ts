/** A failure of the managed local Neo4j whose message is written for the person at the terminal. */
export class ManagedNeo4jError extends Error {
  override readonly name = 'ManagedNeo4jError';
}
