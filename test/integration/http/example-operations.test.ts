import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { EXAMPLE_OPERATIONS, exampleHeaders, examplesAsOneDocument } from '../../../src/graphql/example-operations';

const root = path.resolve(__dirname, '../../..');

/** The ```graphql blocks of a Markdown file, in order. */
function graphqlBlocks(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}

/** Where the examples are documented, in order; the README shows a few of them. */
const EXAMPLE_DOCS = ['docs/api.md', 'docs/analytics.md', 'docs/totals.md'];

describe('example operations', () => {
  it('are the examples of docs/api.md, docs/analytics.md and docs/totals.md, word for word and in order', () => {
    expect(EXAMPLE_OPERATIONS).toEqual(EXAMPLE_DOCS.flatMap(graphqlBlocks));
  });

  it('include every example the README shows, word for word', () => {
    const shown = graphqlBlocks('README.md');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((example) => !EXAMPLE_OPERATIONS.includes(example))).toEqual([]);
  });

  it('each validate against the committed schema and are named uniquely', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));
    const checked = EXAMPLE_OPERATIONS.map((document) => {
      const ast = parse(document);
      const [operation] = ast.definitions;
      const name = operation?.kind === 'OperationDefinition' ? operation.name?.value : undefined;
      return { name, errors: validate(schema, ast).map((error) => error.message) };
    });
    expect(checked.filter((example) => example.errors.length > 0)).toEqual([]);
    const names = checked.map((example) => example.name);
    expect(names.every((name) => name !== undefined)).toBe(true);
    expect(new Set(names).size).toBe(EXAMPLE_OPERATIONS.length);
    // Sandbox gets them as one document, which must validate as a whole too.
    expect(validate(schema, parse(examplesAsOneDocument().document))).toEqual([]);
  });

  it('name the headers they need in a comment, and only the mutation needs one', () => {
    const withHeaders = EXAMPLE_OPERATIONS.filter((document) => Object.keys(exampleHeaders(document)).length > 0);
    expect(withHeaders).toHaveLength(1);
    expect(withHeaders[0]).toMatch(/^mutation /);
    expect(exampleHeaders(withHeaders[0] as string)).toEqual({ Authorization: 'Bearer <writer key>' });
    expect(examplesAsOneDocument().headers).toEqual({ Authorization: 'Bearer <writer key>' });
  });
});
