import { ANALYTICS_OPERATIONS } from '../../../scripts/analytics-operations';
import { useSeededTestApp } from '../../support/test-app';

/** Every analytics query's out-of-range arguments and unknown company, from its declaration (scripts/analytics-operations.ts). */
const REFUSED = ANALYTICS_OPERATIONS.flatMap((operation) => operation.refused);
const UNKNOWN_COMPANY = ANALYTICS_OPERATIONS.flatMap((operation) => (operation.unknownCompany ? [operation.unknownCompany] : []));

describe('analytics argument limits', () => {
  const app = useSeededTestApp();

  it.each(REFUSED)('rejects %s with BAD_USER_INPUT naming %s', async (query, field) => {
    const { errors, roundTrips } = await app().gql(query);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain(field);
    expect(roundTrips).toBe(0);
  });

  it.each(UNKNOWN_COMPANY)('answers NOT_FOUND for an unknown company: %s', async (query) => {
    await app().reset();
    const { errors } = await app().gql(query);
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(errors?.[0].message).toContain('nobody');
  });
});
