import { totalsCsvArguments } from '../../../src/cli/totals-csv';
import { TotalsCsvError, totalsCsv } from '../../../src/export/totals-csv';
import { useSeededTestApp } from '../../support/test-app';

// A totals answer written as CSV (npm run totals:csv): the rows are the groups the API answers, in its order, one
// column per selected leaf; every page with $after; errors keep their codes.

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  expect(field).toBe('');
  return records;
}

type Group = { key: { investor: { id: string; name: string } }; count: number; money: { headlineUsd: number; ceilingUsd: number } };

describe('totals as CSV', () => {
  const app = useSeededTestApp();
  const QUERY = 'query ($after: String) { investmentTotals(groupBy: [INVESTOR], first: 5, after: $after) { nodes { key { investor { id name } } count money { headlineUsd ceilingUsd } } pageInfo { hasNextPage endCursor } } }';

  it('writes one row per group, in the answer\'s order, one column per selected leaf; with $after, every page', async () => {
    const whole = await app().gql<{ investmentTotals: { nodes: Group[] } }>('{ investmentTotals(groupBy: [INVESTOR], first: 100) { nodes { key { investor { id name } } count money { headlineUsd ceilingUsd } } } }');
    const groups = whole.data!.investmentTotals.nodes;
    const { csv, rows, pages } = await totalsCsv(app().apollo, app().deps, QUERY);
    const [header, ...records] = parseCsv(csv);
    expect(header).toEqual(['key.investor.id', 'key.investor.name', 'count', 'money.headlineUsd', 'money.ceilingUsd']);
    expect(records).toEqual(groups.map((g) => [g.key.investor.id, g.key.investor.name, String(g.count), String(g.money.headlineUsd), String(g.money.ceilingUsd)]));
    expect(rows).toBe(groups.length);
    expect(pages).toBe(Math.ceil(groups.length / 5));
    expect(groups.length).toBeGreaterThan(20);
    // Without $after, the one page asked for.
    const one = await totalsCsv(app().apollo, app().deps, QUERY.replace('query ($after: String) ', '').replace(', after: $after', ''));
    expect(one).toMatchObject({ rows: 5, pages: 1 });
  });

  it('leaves a missing company empty: a round without a lead has an empty leadInvestor.id', async () => {
    const { csv } = await totalsCsv(app().apollo, app().deps, '{ fundingRoundTotals(groupBy: [LEAD_INVESTOR, YEAR], first: 100) { edges { node { key { leadInvestor { id } year } count } } } }');
    const [header, ...records] = parseCsv(csv);
    expect(header).toEqual(['key.leadInvestor.id', 'key.year', 'count']);
    expect(records.some((r) => r[0] === '')).toBe(true);
    expect(records.some((r) => r[0]!.length > 0)).toBe(true);
    expect(records.every((r) => r.length === 3 && /^\d{4}$/.test(r[1]!) && Number(r[2]) > 0)).toBe(true);
  });

  it('refuses what is not one totals query, and keeps the codes of the errors it is answered with', async () => {
    for (const query of ['{ companies { nodes { id } } }', '{ a: investmentTotals(groupBy: [INVESTOR]) { nodes { count } } }', 'mutation { x }', '{ investmentTotals(', '{ investmentTotals(groupBy: [INVESTOR]) { pageInfo { hasNextPage } } }']) {
      await expect(totalsCsv(app().apollo, app().deps, query)).rejects.toBeInstanceOf(TotalsCsvError);
    }
    await expect(totalsCsv(app().apollo, app().deps, '{ investmentTotals(groupBy: []) { nodes { count } } }')).rejects.toThrow(/^BAD_USER_INPUT/);
    await expect(totalsCsv(app().apollo, app().deps, '{ investmentTotals(groupBy: [INVESTOR], first: 100) { nodes { facts(first: 100) { nodes { id } } } } }')).rejects.toThrow(/^QUERY_LIMIT_EXCEEDED/);
  });

  it('reads its command line: --query required, --variables a JSON object, --out a path or - for stdout', () => {
    expect(totalsCsvArguments(['--query', '{ x }'])).toEqual({ query: '{ x }', variables: {}, out: '-' });
    expect(totalsCsvArguments(['--query', '{ x }', '--variables', '{"after": null}', '--out', 'a.csv'])).toEqual({ query: '{ x }', variables: { after: null }, out: 'a.csv' });
    for (const argv of [[], ['--query', '{ x }', '--variables', '[1]'], ['--query', '{ x }', '--variables', 'nope'], ['--query', '{ x }', '--out', ''], ['--query', '{ x }', '--bogus']]) {
      expect(() => totalsCsvArguments(argv)).toThrow(/usage/);
    }
  });
});
