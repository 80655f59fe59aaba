import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import { fastTemporalText, toPlain } from '../../../src/neo4j/to-plain';

describe('toPlain', () => {
  it('passes primitives through and turns missing values into null', () => {
    expect([toPlain('a'), toPlain(0), toPlain(false), toPlain(null), toPlain(undefined)]).toEqual(['a', 0, false, null, null]);
  });

  it('converts driver integers and temporals inside lists and maps', () => {
    const row = {
      count: neo4j.int(42),
      on: new neo4j.types.Date(2024, 3, 9),
      nested: [{ n: neo4j.int(-7), names: ['x', null] }],
    };
    expect(toPlain(row)).toEqual({ count: 42, on: '2024-03-09', nested: [{ n: -7, names: ['x', null] }] });
  });

  it('reduces nodes and relationships to their converted properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Company'], { id: 'c', founded: neo4j.int(2021) }, 'e1');
    const rel = new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'INVESTED_IN', { firstOn: '2023' }, 'e2', 'e1', 'e3');
    expect(toPlain([node, rel])).toEqual([{ id: 'c', founded: 2021 }, { firstOn: '2023' }]);
  });

  it('writes dates and date-times exactly as the driver does (property: 2,000 random values of each, integers or numbers)', () => {
    const wrap = (n: number, asInt: boolean) => (asInt ? neo4j.int(n) : n);
    const fields = { year: fc.integer({ min: -20000, max: 20000 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), asInt: fc.boolean() };
    fc.assert(
      fc.property(fc.record(fields), ({ year, month, day, asInt }) => {
        const date = new neo4j.types.Date(wrap(year, asInt), wrap(month, asInt), wrap(day, asInt));
        expect(toPlain(date)).toBe(String(date));
      }),
      { numRuns: 2000, seed: 20261207 },
    );
    const time = { hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), second: fc.integer({ min: 0, max: 59 }), nanosecond: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999999999 })) };
    const zone = fc.oneof(fc.record({ offset: fc.constant(0), id: fc.constant(null) }), fc.record({ offset: fc.integer({ min: -64800, max: 64800 }), id: fc.constant(null) }), fc.record({ offset: fc.constant(null), id: fc.constantFrom('Europe/Paris', 'UTC') }));
    fc.assert(
      fc.property(fc.record({ ...fields, ...time, zone }), ({ year, month, day, hour, minute, second, nanosecond, asInt, zone: { offset, id } }) => {
        const w = (n: number) => wrap(n, asInt);
        const dateTime = new neo4j.types.DateTime(w(year), w(month), w(day), w(hour), w(minute), w(second), w(nanosecond), offset === null ? undefined : w(offset), id ?? undefined);
        expect(toPlain(dateTime)).toBe(String(dateTime));
      }),
      { numRuns: 2000, seed: 20261207 },
    );
    // The fast path is taken for what the server stores (not only the driver's fallback).
    expect(fastTemporalText(new neo4j.types.DateTime(2024, 3, 27, 9, 5, 7, 120000000, 0))).toBe('2024-03-27T09:05:07.120000000Z');
    expect(fastTemporalText(new neo4j.types.Date(neo4j.int(2024), neo4j.int(3), neo4j.int(9)))).toBe('2024-03-09');
  });
});
