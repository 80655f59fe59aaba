import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { createApplication } from '../app';
import { ConfigError, loadConfig } from '../config';
import { loadDotEnv } from '../platform/dotenv';
import { createLogger } from '../platform/logger';
import { DatabaseUnavailableError } from '../neo4j/database-unavailable-error';
import { developmentInstance } from '../managed-neo4j/instances';
import { DatasetError } from '../seed/dataset';
import { loadDataset } from '../seed/load-dataset';

/**
 * `npm run seed [-- FILE]`: loads a dataset (default: the seed file) into NEO4J_URI, or into the managed local Neo4j
 * (started if needed, and left running). Idempotent: loading twice changes nothing.
 */
async function main(file: string | undefined): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const uri = config.neo4j.uri || (await developmentInstance(config, (line) => process.stdout.write(`${line}\n`)).start()).uri;
  const app = await createApplication(config, uri, logger, { serve: false });
  const bar = new SingleBar({ format: ' {section} [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: false }, Presets.shades_classic);
  let current = '';
  try {
    const report = await loadDataset(app.repos, file, (section, done, total) => {
      if (section !== current) {
        if (current) bar.stop();
        current = section;
        bar.start(total, 0, { section: section.padEnd(12) });
      }
      bar.update(done);
    });
    bar.stop();
    process.stdout.write(`seed ${report.version} loaded into ${uri}: ${JSON.stringify({ ...report, version: undefined })}\n`);
  } finally {
    bar.stop();
    await app.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  const readable = error instanceof DatasetError || error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  process.stderr.write(`seed: ${readable ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
