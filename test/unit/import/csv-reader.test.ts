import fc from 'fast-check';
import { csvRow } from '../../../src/export/formats/csv';
import { CsvSyntaxError, detectDelimiter, readCsv } from '../../../src/import/csv/csv-reader';

const cells = (text: string) => readCsv(text).records.map((record) => record.cells);

describe('readCsv (RFC 4180)', () => {
  it('reads plain records ended by CRLF, LF or a lone CR, with or without a final line break', () => {
    expect(cells('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells('')).toEqual([]);
  });

  it('keeps empty fields, leading and trailing ones included', () => {
    expect(cells(',a,,\r\n')).toEqual([['', 'a', '', '']]);
    expect(cells('a,')).toEqual([['a', '']]);
    expect(cells('\r\n')).toEqual([['']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks kept as written', () => {
    expect(cells('"a,b","say ""hi""","two\r\nlines","cr\ronly"\r\nx,"",""""\r\n')).toEqual([
      ['a,b', 'say "hi"', 'two\r\nlines', 'cr\ronly'],
      ['x', '', '"'],
    ]);
  });

  it('numbers records by the line they start on, counting the line breaks inside quoted fields', () => {
    expect(readCsv('h1,h2\r\n"a\nb\nc",d\r\ne,f\r\n').records.map((record) => record.line)).toEqual([1, 2, 5]);
  });

  it('drops a byte-order mark and detects a semicolon delimiter from the header', () => {
    const table = readCsv('\uFEFFid;name\r\nx;"a;b, c"\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.records.map((r) => r.cells)).toEqual([['id', 'name'], ['x', 'a;b, c']]);
    expect(detectDelimiter('id,name,"a;b;c"\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('id')).toBe(',');
  });

  it('refuses what it would have to guess: an unclosed quote, text after a closing quote, a stray quote', () => {
    const failure = (text: string) => {
      try {
        readCsv(text);
      } catch (error) {
        return error instanceof CsvSyntaxError ? [error.line, error.column, error.reason] : error;
      }
      return 'read';
    };
    expect(failure('a,b\r\nc,"open\r\nstill open')).toEqual([2, 3, 'a quoted field is never closed']);
    expect(failure('a,"b"x,c')).toEqual([1, 6, expect.stringContaining('after the closing quote')]);
    expect(failure('a,b"c')).toEqual([1, 4, expect.stringContaining('a quote inside a field')]);
  });

  it('reads back exactly what the export writes, whatever the text (1,000 drawn tables)', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('', '"', ',', '\r\n', '\n', '\r', ';', ' a "b", c '));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((row) => [...row, ...Array<string>(width).fill('')].slice(0, width));
        // A record of one empty field is written as an empty line, which reads back the same.
        expect(readCsv(table.map((row) => csvRow(row)).join(''), ',').records.map((r) => r.cells)).toEqual(table);
      }),
      { numRuns: 1000 },
    );
  });
});
