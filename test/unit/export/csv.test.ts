import { csvRow } from '../../../src/export/formats/csv';

describe('csvRow', () => {
  it('writes plain fields as they are, separated by commas, ending the record with CRLF', () => {
    expect(csvRow(['openai', 'OpenAI', 10000000000, true, 1.5])).toBe('openai,OpenAI,10000000000,true,1.5\r\n');
  });

  it('quotes fields holding a comma, a quote, CR or LF and doubles their quotes (RFC 4180)', () => {
    expect(csvRow(['a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'crlf\r\nend'])).toBe('"a,b","say ""hi""","line\nbreak","cr\rhere","crlf\r\nend"\r\n');
    expect(csvRow(['"'])).toBe('""""\r\n');
  });

  it('leaves null and undefined empty, and an empty string empty', () => {
    expect(csvRow([null, undefined, '', 'x'])).toBe(',,,x\r\n');
    expect(csvRow([])).toBe('\r\n');
  });

  it('writes lists and maps as their JSON text, quoted when that text needs it', () => {
    expect(csvRow([['a', 'b'], { kind: 'AGREED', on: '2024-01' }, []])).toBe('"[""a"",""b""]","{""kind"":""AGREED"",""on"":""2024-01""}",[]\r\n');
  });

  it('does not alter fields a spreadsheet would read as formulas (the data stays the data)', () => {
    expect(csvRow(['=1+1', '-5', '+x', '@SUM(A1)'])).toBe('=1+1,-5,+x,@SUM(A1)\r\n');
  });

  it('keeps other characters, non-ASCII included, untouched', () => {
    expect(csvRow(['Mistral AI — Société', 'tab\there', ' padded '])).toBe('Mistral AI — Société,tab\there, padded \r\n');
  });
});
