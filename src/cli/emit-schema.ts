import 'reflect-metadata';
import path from 'node:path';
import { emitSchemaDefinitionFile } from 'type-graphql';
import { projectRoot } from '../common/project-root';
import { buildAppSchema } from '../schema';

/** The committed SDL; a test fails when it differs from what the code builds. */
export const SCHEMA_FILE = path.join(projectRoot(), 'schema', 'schema.graphql');

/** `npm run schema:emit`: writes schema/schema.graphql from the type-graphql classes. */
export async function emitSchema(file = SCHEMA_FILE): Promise<void> {
  await emitSchemaDefinitionFile(file, await buildAppSchema(null));
}

if (require.main === module) {
  emitSchema().then(
    () => process.stdout.write(`schema written to ${SCHEMA_FILE}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
