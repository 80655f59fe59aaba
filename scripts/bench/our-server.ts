import path from 'node:path';
import { projectRoot } from '../../src/platform/project-root';
import { freePort } from '../free-port';
import { startChild, type Child } from './child-process';

/** The writer key every benchmark server accepts. */
export const BENCH_WRITER_KEY = 'bench-writer-key';

/** Our built server (`dist/src/index.js`) as a child process over `uri`, ready when `/ready` answers. */
export async function startOurServer(uri: string, credentials: { user: string; password: string }, env: Record<string, string> = {}): Promise<{ child: Child; url: string; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await startChild(
    path.join(projectRoot(), 'dist/src/index.js'),
    { NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), NEO4J_URI: uri, NEO4J_USER: credentials.user, NEO4J_PASSWORD: credentials.password, SEED_ON_START: 'false', API_KEYS: BENCH_WRITER_KEY, RATE_LIMIT_RPS: '0', ...env },
    async () => (await fetch(`${base}/ready`)).ok,
  );
  return { child, url: `${base}/graphql`, base };
}
