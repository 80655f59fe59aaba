import { sectionColumns } from '../../../src/export/dataset-records';
import { cellValue } from '../../../src/import/csv/csv-cell';

const column = (section: 'companies' | 'investments', name: string) => sectionColumns(section).find((c) => c.name === name)!;

describe('cellValue: a CSV cell back as the value the export wrote', () => {
  it('reads an empty cell as no value, and text columns as the text (ids with leading zeros, padded names)', () => {
    expect(cellValue('', column('companies', 'name'))).toEqual({ value: undefined });
    expect(cellValue('007-labs', column('companies', 'id'))).toEqual({ value: '007-labs' });
    expect(cellValue('0042', column('companies', 'founded'))).toEqual({ value: '0042' });
    expect(cellValue(' Padded ', column('companies', 'name'))).toEqual({ value: ' Padded ' });
    expect(cellValue('2024-05', column('investments', 'announcedOn'))).toEqual({ value: '2024-05' });
  });

  it('reads plain numbers, the exponent JavaScript writes for large ones included, and refuses any other spelling', () => {
    expect(cellValue('1234.5', column('investments', 'amountUsd'))).toEqual({ value: 1234.5 });
    expect(cellValue('1e+21', column('investments', 'amountUsd'))).toEqual({ value: 1e21 });
    for (const bad of ['1,234', '1.234,5', '$5', '5 000', ' 5', 'NaN', 'Infinity', '0x10']) {
      expect(cellValue(bad, column('investments', 'amountUsd'))).toEqual({ problem: { code: 'BAD_NUMBER', message: expect.stringContaining('plain number') } });
    }
  });

  it('reads list columns as the JSON text the export writes, and refuses anything else', () => {
    expect(cellValue('["src-a","src-b"]', column('investments', 'sourceIds'))).toEqual({ value: ['src-a', 'src-b'] });
    expect(cellValue('[]', column('companies', 'aliases'))).toEqual({ value: [] });
    expect(cellValue('[{"kind":"CLOSED","on":"2024"}]', column('investments', 'events'))).toEqual({ value: [{ kind: 'CLOSED', on: '2024' }] });
    expect(cellValue('src-a, src-b', column('investments', 'sourceIds'))).toEqual({ problem: { code: 'BAD_LIST', message: expect.any(String) } });
    expect(cellValue('{"a":1}', column('investments', 'sourceIds'))).toEqual({ problem: { code: 'BAD_LIST', message: expect.any(String) } });
  });
});
