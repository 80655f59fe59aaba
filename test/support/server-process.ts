import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_TODAY } from './test-today';
export { freePort } from '../../scripts/free-port';

const ROOT = path.resolve(__dirname, '../..');
let built = false;

/** Compiles the server as `npm start` does (once per test file), so tests can run the real entry point. */
export function buildServer(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc failed:\n${result.stdout}${result.stderr}`);
  built = true;
}

/** The compiled server running as its own process, with its JSON log lines collected. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly base: string;
  readonly lines: string[];
  /** Resolves with the first log line matching `pattern`; rejects after `timeoutMs` or if the process exits. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
}

export function spawnServer(env: Record<string, string>, port: number): ServerProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/index.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), TODAY: TEST_TODAY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    lines,
    exited,
    waitForLog(pattern, timeoutMs) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`)), timeoutMs);
        void exited.then((code) => reject(new Error(`server exited (${code}) before logging ${pattern}:\n${lines.slice(-20).join('\n')}`)));
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
}
