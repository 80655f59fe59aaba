import { isNonNullType } from 'graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, ok } from './helpers';

/**
 * An operation may hold several mutation fields, each committed on its own, in order. When a later one fails, the
 * client must still see the ones that committed: a failed field is null with its error, and nothing else is.
 */
describe('several mutations in one operation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await coreWorld(app);
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it('every mutation field has a nullable result', () => {
    const fields = Object.values(app.schema.getMutationType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.filter((field) => isNonNullType(field.type)).map((field) => field.name)).toEqual([]);
  });

  it('shows the committed write and the failed one: data for the first, null and NOT_FOUND for the second', async () => {
    const result = await app.gql(
      `mutation {
        made: createCompany(input: {id: "made-here", name: "Made Here", kind: OTHER}) { id }
        missing: updateSubsidiaryLink(id: "no-such-link", input: {since: "2020"}) { id }
        after: removeSource(id: "no-such-source") { deleted }
      }`,
      undefined,
      { key: 'test-writer-key' },
    );
    expect(result.data).toEqual({ made: { id: 'made-here' }, missing: null, after: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['missing'], 'NOT_FOUND'],
      [['after'], 'NOT_FOUND'],
    ]);
    expect(await ok(app, '{ company(id: "made-here") { id } }')).toEqual({ company: { id: 'made-here' } });
  });
});
