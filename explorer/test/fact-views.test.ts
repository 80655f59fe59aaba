import type { FactEvent, InvestmentFact } from '../src/api/types';
import { describeEvent, investmentView, recordedAmount } from '../src/panels/fact-views';
import { shareBar } from '../src/panels/exposure-panel';
import { involves } from '../src/panels/two-sided-panel';
import { money, ref } from './support/fixtures';

function event(kind: string, on: string, amountUsd: number | null = null, ceilingUsd: number | null = null): FactEvent {
  return { kind, on, derived: false, amountUsd, ceilingUsd, note: null };
}

// The seed's Amazon -> Anthropic 2023 agreement, as the API answers it on 2023-12-31.
const amazon2023: InvestmentFact = {
  id: 'inv-amazon-anthropic-2023-09',
  round: 'Amazon strategic convertible notes ($1.25B plus $2.75B option)',
  amountUsd: 4e9,
  amountKind: 'UP_TO',
  announcedOn: '2023-09-25',
  closedOn: '2024-03-27',
  status: 'COMPLETED',
  instrument: 'CONVERTIBLE_NOTE',
  stakePercent: null,
  note: 'Up to $4B in convertible notes',
  state: {
    status: 'AGREED',
    inForce: true,
    known: true,
    datePrecision: 'DAY',
    optionOpenUntil: '2024-03-31',
    confidence: 'CONFIRMED',
    money: money({ paidUsd: 1.25e9, ceilingUsd: 2.75e9 }),
  },
  history: [
    event('AGREED', '2023-09-25', 1.25e9, 4e9),
    event('TRANCHE_FUNDED', '2023-09-25', 1.25e9),
    event('OPTION_EXERCISED', '2024-03-27', 2.75e9),
    event('TRANCHE_FUNDED', '2024-03-27', 2.75e9),
    event('CLOSED', '2024-03-27'),
  ],
  sources: [{ url: 'https://www.aboutamazon.com/news', title: 'Amazon and Anthropic', publisher: 'Amazon', kind: 'COMPANY_RELEASE', originalPublisher: null, publishedOn: '2023-09-25' }],
};

describe('fact views', () => {
  it('shows a fact as it stood on the date: one tranche funded by 2023-12-31, the rest later', () => {
    const view = investmentView(amazon2023, '2023-12-31');
    expect(view.events.map((e) => e.kind)).toEqual(['AGREED', 'TRANCHE_FUNDED']);
    expect(view.laterEvents).toBe(3);
    expect(view.fields).toEqual(
      expect.arrayContaining([
        { label: 'Amount recorded', value: '$4B (up to (ceiling))' },
        { label: 'Status on the date', value: 'AGREED' },
        { label: 'Option open until', value: '2024-03-31' },
        { label: 'Date precision', value: 'day' },
      ]),
    );
    expect(view.fields.find((f) => f.label === 'Stake')).toBeUndefined();
    expect(view.sources[0]?.kind).toBe('COMPANY_RELEASE');
    expect(investmentView(amazon2023, '2024-03-31').events).toHaveLength(5);
  });

  it('describes amounts and events with their nature and precision', () => {
    expect(recordedAmount(null, 'PAID')).toBe('undisclosed');
    expect(recordedAmount(100e9, 'UP_TO')).toBe('$100B (up to (ceiling))');
    expect(recordedAmount(2e9, null)).toBe('$2B');
    expect(describeEvent(event('AGREED', '2023-09-25', 1.25e9, 4e9))).toBe('2023-09-25 agreed: $1.25B, ceiling $4B');
    expect(describeEvent({ ...event('ANNOUNCED', '2024-03'), derived: true })).toBe('2024-03 (month) announced (from its dates)');
  });

  it('draws exposure bars by headline share, or by contract share (said so) when there is no headline', () => {
    const headline = shareBar({ counterparty: ref('amazon'), amountUsd: 8e9, share: 0.42, contractValueShare: null, facts: 3, undisclosedFacts: 1, money: money({ paidUsd: 6.6e9, committedUsd: 1.4e9 }) });
    expect(headline).toMatchObject({ label: 'Amazon', fraction: 0.42, text: '$8B · 42.0% · 1 undisclosed' });
    const contract = shareBar({ counterparty: ref('oracle'), amountUsd: 0, share: null, contractValueShare: 0.75, facts: 1, undisclosedFacts: 0, money: money({ contractValueUsd: 300e9 }) });
    expect(contract).toMatchObject({ fraction: 0.75, text: '$300B contract · 75.0% of contracts' });
    const nothing = shareBar({ counterparty: ref('x'), amountUsd: 0, share: null, contractValueShare: null, facts: 1, undisclosedFacts: 1, money: money({ undisclosedCount: 1 }) });
    expect(nothing.fraction).toBe(0);
  });

  it('keeps the two-sided bets that involve the company', () => {
    const row = { backer: ref('google'), sideA: ref('anthropic'), sideB: ref('openai'), market: 'frontier-models', totalUsdA: 1, totalUsdB: 1, explanation: '', rivalry: { id: 'r' } };
    expect(involves(row, 'anthropic')).toBe(true);
    expect(involves(row, 'google')).toBe(true);
    expect(involves(row, 'meta')).toBe(false);
  });
});
