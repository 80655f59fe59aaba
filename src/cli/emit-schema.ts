import 'reflect-metadata';
import path from 'node:path';
import { emitSchemaDefinitionFile } from 'type-graphql';
import { projectRoot } from '../platform/project-root';
import { buildAppSchema } from '../schema';
import { DATASET_SCHEMA_FILE, emitDatasetSchema } from '../seed/dataset-schema';

/** The committed SDL; a test fails when it differs from what the code builds. */
export const SCHEMA_FILE = path.join(projectRoot(), 'schema', 'schema.graphql');

/** `npm run schema:emit`: writes schema/schema.graphql from the type-graphql classes, and the dataset schema. */
export async function emitSchema(file = SCHEMA_FILE, datasetFile = DATASET_SCHEMA_FILE): Promise<void> {
  await emitSchemaDefinitionFile(file, await buildAppSchema(null));
  emitDatasetSchema(datasetFile);
}

if (require.main === module) {
  emitSchema().then(
    () => process.stdout.write(`schema written to ${SCHEMA_FILE} and ${DATASET_SCHEMA_FILE}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
