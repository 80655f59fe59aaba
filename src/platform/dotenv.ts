import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-root';

/** Loads `.env` from the project root when present; real environment variables win over it. */
export function loadDotEnv(): void {
  const file = path.join(projectRoot(), '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
