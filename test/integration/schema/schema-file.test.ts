import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emitSchema, SCHEMA_FILE } from '../../../src/cli/emit-schema';

describe('schema/schema.graphql', () => {
  it('is what the type-graphql classes generate (run `npm run schema:emit` after changing them)', async () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.graphql');
    await emitSchema(fresh);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(fs.readFileSync(fresh, 'utf8'));
  });
});
