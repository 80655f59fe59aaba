import neo4j from 'neo4j-driver';
import { cypherLiteral, cypherString, withLiterals } from '../../../src/export/formats/cypher-literal';
import { date, int } from '../../../src/neo4j/params';

describe('Cypher literals', () => {
  it('escapes strings so the text has no raw line break, quote or control character', () => {
    expect(cypherString(`it's a \\ "test"`)).toBe(`'it\\'s a \\\\ "test"'`);
    expect(cypherString('a\nb\rc\td\be\ff')).toBe("'a\\nb\\rc\\td\\be\\ff'");
    expect(cypherString('\u0000\u0001\u001f\u007f')).toBe("'\\u0000\\u0001\\u001f\\u007f'");
    expect(cypherString('Société 🤖 $rows //x')).toBe("'Société 🤖 $rows //x'");
    // A lone surrogate is no UTF-8: it travels as an escape; a pair stays as it is.
    expect(cypherString('a\uD800b\uDC00c')).toBe("'a\\ud800b\\udc00c'");
  });

  it('writes JavaScript numbers as floats (what the driver sends) and driver integers as integers', () => {
    expect(cypherLiteral(5)).toBe('5.0');
    expect(cypherLiteral(-0.25)).toBe('-0.25');
    expect(cypherLiteral(1e21)).toBe('1e21');
    expect(cypherLiteral(1.5e-7)).toBe('1.5e-7');
    expect(cypherLiteral(10000000000)).toBe('10000000000.0');
    expect(cypherLiteral(int(2015))).toBe('2015');
    expect(cypherLiteral(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(() => cypherLiteral(Number.NaN)).toThrow(/no Cypher literal/);
    expect(() => cypherLiteral(Infinity)).toThrow(/no Cypher literal/);
  });

  it('writes dates, null, booleans, lists and maps (keys quoted when they are no identifiers)', () => {
    expect(cypherLiteral(date('2024-03-05'))).toBe("date('2024-03-05')");
    expect(cypherLiteral(null)).toBe('null');
    expect(cypherLiteral(undefined)).toBe('null');
    expect(cypherLiteral([true, false, []])).toBe('[true, false, []]');
    expect(cypherLiteral({ id: 'a', 'odd key': 1, 'back`tick': null, skipped: undefined })).toBe("{id: 'a', `odd key`: 1.0, `back``tick`: null}");
    expect(() => cypherLiteral(new Date())).toThrow(/no Cypher literal/);
    expect(() => cypherLiteral(new neo4j.types.Point(int(7203), 1, 2))).toThrow(/no Cypher literal/);
  });

  it('writes parameters into a statement, dropping comment lines, and refuses a parameter without a value', () => {
    const statement = '// Params: $rows\nUNWIND $rows AS row\nMERGE (c:Company {id: row.id})\nRETURN count(*) AS written';
    expect(withLiterals(statement, { rows: [{ id: 'x' }] })).toBe("UNWIND [{id: 'x'}] AS row\nMERGE (c:Company {id: row.id})\nRETURN count(*) AS written");
    expect(() => withLiterals(statement, {})).toThrow('no value for $rows');
    // A value holding "$name" is not read as a parameter again.
    expect(withLiterals('RETURN $a AS a, $b AS b', { a: '$b', b: 1 })).toBe("RETURN '$b' AS a, 1.0 AS b");
  });
});
