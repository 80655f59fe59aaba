import { pathOf } from '../../../src/http/routes';

describe('pathOf', () => {
  it('drops the query string and one trailing slash, but keeps the root', () => {
    expect(pathOf('/graphql?query=%7B__typename%7D')).toBe('/graphql');
    expect(pathOf('/graphql/')).toBe('/graphql');
    expect(pathOf('/')).toBe('/');
    expect(pathOf(undefined)).toBe('/');
  });
});
