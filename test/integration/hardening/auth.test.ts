import { sampleCall } from '../../support/sample-arguments';
import { READER_KEY, useSeededTestApp } from '../../support/test-app';

describe('every mutation is protected', () => {
  const app = useSeededTestApp();

  it('walks the schema: anonymous callers get UNAUTHENTICATED, readers FORBIDDEN, and nothing is written', async () => {
    const mutations = Object.values(app().schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(20);
    const before = await app().counts();
    const unprotected: string[] = [];
    for (const field of mutations) {
      const call = `mutation { ${sampleCall(field)} }`;
      const anonymous = await app().gql(call);
      const wrongKey = await app().gql(call, {}, { key: 'not-a-key' });
      const reader = await app().gql(call, {}, { key: READER_KEY });
      if (anonymous.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') unprotected.push(`${field.name} (anonymous: ${JSON.stringify(anonymous.errors ?? anonymous.data)})`);
      if (wrongKey.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') unprotected.push(`${field.name} (wrong key)`);
      if (reader.errors?.[0]?.extensions?.code !== 'FORBIDDEN') unprotected.push(`${field.name} (reader: ${JSON.stringify(reader.errors ?? reader.data)})`);
      expect(anonymous.roundTrips + wrongKey.roundTrips + reader.roundTrips).toBe(0);
    }
    expect(unprotected).toEqual([]);
    expect(await app().counts()).toEqual(before);
  });

  it('keeps reads public', async () => {
    const { data, errors } = await app().gql('{ company(id: "anthropic") { name } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ company: { name: 'Anthropic' } });
  });
});
