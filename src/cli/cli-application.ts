import { createApplication, type Application } from '../app';
import { loadConfig } from '../config';
import { developmentInstance } from '../managed-neo4j/instances';
import { createLogger } from '../platform/logger';
import { loadDotEnv } from '../platform/dotenv';

/**
 * The application a command that writes its output to stdout runs against: NEO4J_URI, or the managed local Neo4j
 * (started if needed, and left running); logs above info only, and its own lines (`say`) on stderr.
 */
export async function openCliApplication(): Promise<{ app: Application; uri: string; say: (line: string) => void }> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const uri = config.neo4j.uri || (await developmentInstance(config, say).start()).uri;
  return { app: await createApplication(config, uri, logger, { serve: false }), uri, say };
}
