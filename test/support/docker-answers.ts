import fs from 'node:fs';

/** Whether a Docker engine answers within 15 s (a `docker` client alone is not enough for testcontainers). */
export async function dockerAnswers(): Promise<boolean> {
  if (!process.env.DOCKER_HOST && !fs.existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([getContainerRuntimeClient(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 15000))]);
    return true;
  } catch {
    return false;
  }
}
