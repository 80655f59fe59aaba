import { FACTS } from '../../../src/facts/registry';
import { decodeListCursor, encodeListCursor, listCursorKind } from '../../../src/graphql/list-cursor';
import { argumentsFingerprint } from '../../../src/graphql/scan-cursor';
import { afterParams, factListOrder, isPositionIn, type ListOrder } from '../../../src/neo4j/list-position';

const DATE: ListOrder = { type: 'date', nullable: true };
const AMOUNT: ListOrder = { type: 'number', nullable: true };
const YEAR: ListOrder = { type: 'integer', nullable: true };
const NAME: ListOrder = { type: 'string', nullable: false };

describe('list positions are checked against the order they are read in', () => {
  it.each([
    [DATE, { phase: 'nonNull', value: '2024-02-29', id: 'a' }],
    [DATE, { phase: 'null', value: null, id: 'a' }],
    [AMOUNT, { phase: 'nonNull', value: 1.5e9, id: 'a' }],
    [AMOUNT, { phase: 'nonNull', value: 0, id: 'a' }],
    [YEAR, { phase: 'nonNull', value: 2015, id: 'a' }],
    [NAME, { phase: 'nonNull', value: 'openai', id: 'openai' }],
  ])('accepts %j %j', (order, position) => {
    expect(isPositionIn(order, position)).toBe(true);
  });

  it.each([
    [DATE, { phase: 'nonNull', value: 'x', id: 'x' }],
    [DATE, { phase: 'nonNull', value: '2023-02-29', id: 'a' }],
    [DATE, { phase: 'nonNull', value: '2024-00-10', id: 'a' }],
    [DATE, { phase: 'nonNull', value: '2024-03', id: 'a' }],
    [DATE, { phase: 'nonNull', value: '24-03-01', id: 'a' }],
    [DATE, { phase: 'nonNull', value: null, id: 'a' }],
    [DATE, { phase: 'null', value: 'x', id: 'x' }],
    [DATE, { phase: 'null', value: null, id: 5 }],
    [DATE, { phase: 'other', value: null, id: 'a' }],
    [DATE, { phase: 'null', value: null, id: 'a', extra: 1 }],
    [AMOUNT, { phase: 'nonNull', value: 'x', id: 'a' }],
    [AMOUNT, { phase: 'nonNull', value: '100', id: 'a' }],
    [YEAR, { phase: 'nonNull', value: 2015.5, id: 'a' }],
    [NAME, { phase: 'nonNull', value: 5, id: 'a' }],
    [NAME, { phase: 'null', value: null, id: 'a' }],
    [NAME, { phase: 'nonNull', value: 'a'.repeat(401), id: 'a' }],
    [NAME, null],
    [NAME, ['nonNull', 'a', 'a']],
  ])('refuses %j %j', (order, position) => {
    expect(isPositionIn(order, position)).toBe(false);
  });

  it('refuses a position that does not fit before it becomes a parameter', () => {
    expect(() => afterParams(DATE, { phase: 'nonNull', value: 'x', id: 'x' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(afterParams(NAME, { phase: 'nonNull', value: 'b', id: 'b' })).toEqual({ afterValue: 'b', afterId: 'b' });
  });

  it('derives every fact list order from the kind of the field it sorts by', () => {
    for (const definition of FACTS) {
      for (const sort of definition.list.sorts) {
        const order = factListOrder(definition, sort.value);
        const field = definition.fields.find((f) => f.name === sort.field);
        const expected = sort.field === 'id' ? 'string' : { date: 'date', usd: 'number', number: 'number', text: 'string', enum: 'string' }[field?.kind as string];
        expect({ list: definition.plural, sort: sort.value, type: order.type, nullable: order.nullable }).toEqual({ list: definition.plural, sort: sort.value, type: expected, nullable: sort.field !== 'id' && !field?.required });
      }
    }
  });
});

describe('cursor kinds carry a fingerprint of the filter', () => {
  it('is the same for filters that ask the same, and differs otherwise', () => {
    const fp = argumentsFingerprint;
    expect(fp({ kinds: ['A', 'B'], country: null })).toBe(fp({ country: undefined, kinds: ['B', 'A', 'B'] }));
    expect(fp({})).toBe(fp(null));
    expect(fp({ kinds: ['A'] })).not.toBe(fp({ kinds: ['A', 'B'] }));
    expect(fp({ investeeId: 'openai' })).not.toBe(fp({ investorId: 'openai' }));
    expect(fp({ from: '2024-01-01/DAY' })).not.toBe(fp({ from: '2024-01-01/MONTH' }));
    expect(fp({ a: 1 })).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('decodes a cursor only for the list, order and filter it was issued under', () => {
    const kind = listCursorKind('investments', 'AMOUNT', true, { investeeId: 'openai' });
    const cursor = encodeListCursor(kind, { phase: 'nonNull', value: 5e9, id: 'inv-1' });
    expect(decodeListCursor(kind, AMOUNT, cursor)).toEqual({ phase: 'nonNull', value: 5e9, id: 'inv-1' });
    for (const other of [
      listCursorKind('investments', 'AMOUNT', true, { investeeId: 'anthropic' }),
      listCursorKind('investments', 'AMOUNT', false, { investeeId: 'openai' }),
      listCursorKind('fundingRounds', 'AMOUNT', true, { investeeId: 'openai' }),
    ]) {
      expect(() => decodeListCursor(other, AMOUNT, cursor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    expect(() => decodeListCursor(kind, DATE, cursor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(decodeListCursor(kind, AMOUNT, null)).toBeNull();
  });
});
