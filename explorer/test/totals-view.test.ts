import { groupings, rankMeasures, TOTALS_FACT_TYPES } from '../src/api/totals-catalogue';
import type { TotalsGroup } from '../src/api/types';
import { overTimeCsv, rankingsCsv, totalsFileName } from '../src/export/totals-csv';
import { quarterColumns, rankingRows } from '../src/state/totals-view';
import { money } from './support/fixtures';

function group(key: TotalsGroup['key'], count: number, parts: Parameters<typeof money>[0] = {}, extra: Record<string, unknown> = {}): TotalsGroup {
  return { key, count, money: money(parts), ...extra };
}

const rounds = TOTALS_FACT_TYPES.find((type) => type.type === 'FundingRound')!;
const investments = TOTALS_FACT_TYPES.find((type) => type.type === 'Investment')!;

describe('quarterColumns', () => {
  it('lists every quarter from the first to the last, empty ones included, with a year-only bucket after its Q4', () => {
    const columns = quarterColumns([
      group({ quarter: '2024-Q3' }, 1, { paidUsd: 5 }),
      group({ quarter: '2024-Q?' }, 2, { ceilingUsd: 7 }),
      group({ quarter: '2025-Q2' }, 1, { committedUsd: 3 }),
    ]);
    expect(columns.map((c) => [c.bucket, c.precision, c.group?.count ?? 0])).toEqual([
      ['2024-Q3', 'quarter', 1],
      ['2024-Q4', 'quarter', 0],
      ['2024-Q?', 'year', 2],
      ['2025-Q1', 'quarter', 0],
      ['2025-Q2', 'quarter', 1],
    ]);
    expect(columns[2]!.label).toBe('2024, quarter unknown');
  });

  it('keeps a year-only bucket outside the known quarters in its year’s place, and undated facts last', () => {
    const columns = quarterColumns([group({ quarter: null }, 1), group({ quarter: '2025-Q1' }, 1), group({ quarter: '2023-Q?' }, 1)]);
    expect(columns.map((c) => c.bucket)).toEqual(['2023-Q?', '2025-Q1', null]);
    expect(columns.map((c) => c.precision)).toEqual(['year', 'quarter', 'undated']);
    expect(quarterColumns([])).toEqual([]);
  });
});

describe('rankingRows and the CSV', () => {
  it('names groups by company, kind or a missing party, and ranks by the chosen measure (null when none is reported)', () => {
    const [byCompany] = groupings(rounds);
    const latest = rankMeasures(rounds).find((measure) => measure.sort === 'LATEST_POST_MONEY')!;
    const rows = rankingRows(
      [
        group({ company: { id: 'openai', name: 'OpenAI', kind: 'AI_LAB' } }, 6, { paidUsd: 1e9 }, { highestPostMoneyUsd: 5e11, latestPostMoneyUsd: 5e11 }),
        group({ company: null }, 1, {}, { highestPostMoneyUsd: null, latestPostMoneyUsd: null }),
      ],
      byCompany!,
      latest,
    );
    expect(rows.map((row) => [row.rank, row.label, row.keyValue, row.value])).toEqual([
      [1, 'OpenAI', 'openai', 5e11],
      [2, '(no company)', null, null],
    ]);
    const csv = rankingsCsv(rows, rounds.extremes);
    expect(csv.split('\r\n')).toEqual([
      'rank,key,name,count,headlineUsd,paidUsd,committedUsd,ceilingUsd,contractValueUsd,stakeValueUsd,undisclosedCount,highestPostMoneyUsd,latestPostMoneyUsd',
      '1,openai,OpenAI,6,1000000000,1000000000,0,0,0,0,0,500000000000,500000000000',
      '2,,(no company),1,0,0,0,0,0,0,0,,',
      '',
    ]);
  });

  it('quotes names per RFC 4180 and reads a kind grouping’s key as text', () => {
    const byKind = groupings(investments).find((grouping) => grouping.kind === 'kind')!;
    const headline = rankMeasures(investments)[0]!;
    const rows = rankingRows([group({ investorKind: 'BIG_TECH' }, 2, { paidUsd: 2 }), group({ investor: null, investorKind: null }, 1)], byKind, headline);
    expect(rows.map((row) => row.label)).toEqual(['BIG_TECH', '(no investor kind)']);
    const named = rankingRows([group({ investor: { id: 'x', name: 'Says "hi", twice', kind: 'OTHER' } }, 1)], groupings(investments)[0]!, headline);
    expect(rankingsCsv(named, []).split('\r\n')[1]).toBe('1,x,"Says ""hi"", twice",1,0,0,0,0,0,0,0');
  });

  it('writes one over-time row per column, empty quarters as zeros, with the API’s bucket and its precision', () => {
    const csv = overTimeCsv(quarterColumns([group({ quarter: '2024-Q4' }, 1, { contractValueUsd: 9 }), group({ quarter: '2024-Q?' }, 1, { stakeValueUsd: 4 }), group({ quarter: '2025-Q2' }, 2)]));
    expect(csv.split('\r\n')).toEqual([
      'quarter,precision,count,headlineUsd,paidUsd,committedUsd,ceilingUsd,contractValueUsd,stakeValueUsd,undisclosedCount',
      '2024-Q4,quarter,1,0,0,0,0,9,0,0',
      '2024-Q?,year,1,0,0,0,0,0,4,0',
      '2025-Q1,quarter,0,0,0,0,0,0,0,0',
      '2025-Q2,quarter,2,0,0,0,0,0,0,0',
      '',
    ]);
    expect(totalsFileName(['rankings', 'Investment', 'INVESTOR', 'HEADLINE', '10'], null)).toBe('ai-industry-rankings-investment-investor-headline-10-today.csv');
  });
});
