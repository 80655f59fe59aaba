import { ConfigError, loadConfig } from '../config';
import { ManagedNeo4jError } from '../managed-neo4j/managed-neo4j-error';
import { developmentInstance } from '../managed-neo4j/instances';
import { loadDotEnv } from '../platform/dotenv';

/** `npm run db:start | db:stop | db:status`: manage the local development Neo4j. */
async function main(command: string | undefined): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const db = developmentInstance(config, (line) => process.stdout.write(`${line}\n`));
  switch (command) {
    case 'start': {
      const { started, uri } = await db.start();
      process.stdout.write(started ? `neo4j: running on ${uri} (user ${config.neo4j.user})\n` : `neo4j: already running on ${uri} (pid ${db.status().pid})\n`);
      return 0;
    }
    case 'stop': {
      const { stopped } = await db.stop();
      process.stdout.write(stopped ? 'neo4j: stopped\n' : 'neo4j: not running\n');
      return 0;
    }
    case 'status': {
      const status = db.status();
      process.stdout.write(status.running ? `neo4j: running on ${status.uri} (pid ${status.pid}), data in ${status.dir}\n` : `neo4j: stopped (would listen on ${status.uri})\n`);
      return status.running ? 0 : 3;
    }
    default:
      process.stderr.write('usage: node dist/src/cli/db.js start|stop|status\n');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ManagedNeo4jError || error instanceof ConfigError;
    process.stderr.write(`neo4j: ${known ? (error as Error).message : (error as Error).stack}\n`);
    process.exit(1);
  },
);
