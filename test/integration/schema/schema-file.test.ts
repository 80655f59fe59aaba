import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emitSchema, SCHEMA_FILE } from '../../../src/cli/emit-schema';
import { DATASET_SCHEMA_FILE } from '../../../src/seed/dataset-schema';

describe('generated schema files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'));
  const fresh = { graphql: path.join(dir, 'schema.graphql'), dataset: path.join(dir, 'dataset.schema.json') };
  beforeAll(() => emitSchema(fresh.graphql, fresh.dataset));

  it('schema/schema.graphql is what the type-graphql classes generate (run `npm run schema:emit` after changing them)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(fs.readFileSync(fresh.graphql, 'utf8'));
  });

  it('data/seed/dataset.schema.json is what the fact definitions generate (run `npm run schema:emit`)', () => {
    expect(fs.readFileSync(DATASET_SCHEMA_FILE, 'utf8')).toBe(fs.readFileSync(fresh.dataset, 'utf8'));
  });
});
