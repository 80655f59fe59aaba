import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** A process the benchmark started and must stop. */
export interface Child {
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node script` with `env`, and resolves once `ready()` answers true (polled), or fails with its output. */
export async function startChild(script: string, env: Record<string, string>, ready: () => Promise<boolean>, timeoutMs = 120000): Promise<Child> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${output}`);
    if (await ready().catch(() => false)) {
      return {
        process: child,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} was not ready within ${timeoutMs} ms:\n${output}`);
}

/** Resident set size of a process in MiB (Linux /proc), or null where that is not available. */
export function rssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : null;
  } catch {
    return null;
  }
}
