import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ManagedNeo4jError } from './managed-neo4j-error';

/** The java executable: JAVA_HOME's when set, so a machine with several JDKs can choose. */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Fails with install advice unless Java 17 or newer is on this machine; returns its major version. */
export function requireJava(): number {
  const command = javaCommand();
  const result = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new ManagedNeo4jError(
      `Java 17+ is needed to run the local Neo4j, but "${command} -version" failed (${result.error?.message ?? `exit ${result.status}`}).\n` +
        'Install a JDK 17 or newer (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME, or use Docker: docker compose up.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= 17)) {
    throw new ManagedNeo4jError(`Neo4j 5.26 needs Java 17 or newer; "${command}" is version ${match ? match[0] : 'unknown'}. Set JAVA_HOME to a JDK 17+.`);
  }
  return major;
}

/** Fails with install advice unless Maven answers; it resolves the Neo4j jars from Maven Central. */
export function requireMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new ManagedNeo4jError(
      `Maven is needed once to download Neo4j from Maven Central, but "mvn -v" failed (${result.error?.message ?? `exit ${result.status}`}).\n` +
        'Install Apache Maven (e.g. apt-get install maven), or use Docker: docker compose up.',
    );
  }
}
