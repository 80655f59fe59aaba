import neo4j from 'neo4j-driver';
import { toPlain } from '../../../src/neo4j/to-plain';

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
});
