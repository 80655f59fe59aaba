import { parsePartialDate } from '../../../src/domain/partial-date';
import { valuationHistory, ValuationBasis } from '../../../src/domain/valuation-history';

const round = (id: string, on: string, pre: number | null, post: number | null) => ({ id, announcedOn: parsePartialDate(on), preMoneyValuationUsd: pre, postMoneyValuationUsd: post });
const investment = (id: string, investorId: string, on: string, valuationUsd: number | null, fundingRoundId: string | null) => ({ id, investorId, announcedOn: parsePartialDate(on), valuationUsd, fundingRoundId });

describe('valuationHistory', () => {
  const rounds = [round('d', '2024-02', null, 18.4e9), round('c', '2023-05-23', null, 4.1e9), round('x', '2023-09-25', null, null), round('e', '2025-03', 58e9, 61.5e9), round('p', '2025-06', 90e9, null)];

  it('lists the rounds that report a valuation oldest first, with the change of post-money from the previous one', () => {
    const { points } = valuationHistory(rounds, []);
    expect(points.map((p) => [p.round.id, p.changeUsd, p.changeRatio && Number(p.changeRatio.toFixed(3))])).toEqual([
      ['c', null, null],
      ['d', 18.4e9 - 4.1e9, 4.488],
      ['e', 61.5e9 - 18.4e9, 3.342],
      ['p', null, null],
    ]);
  });

  it("values each investment at its own terms, else its round's post-money, else not at all; investors by first investment", () => {
    const { investors } = valuationHistory(rounds, [
      investment('i2', 'amazon', '2024-03-27', null, 'x'),
      investment('i1', 'amazon', '2023-09-25', null, 'x'),
      investment('i3', 'lightspeed', '2025-03', null, 'e'),
      investment('i4', 'menlo', '2024-02', 15e9, 'd'),
    ]);
    expect(investors.map((entry) => [entry.investorId, entry.investments.map((v) => [v.investment.id, v.valuationUsd, v.basis, v.round?.id ?? null])])).toEqual([
      ['amazon', [['i1', null, ValuationBasis.UNKNOWN, 'x'], ['i2', null, ValuationBasis.UNKNOWN, 'x']]],
      ['menlo', [['i4', 15e9, ValuationBasis.INVESTMENT_TERMS, 'd']]],
      ['lightspeed', [['i3', 61.5e9, ValuationBasis.ROUND_POST_MONEY, 'e']]],
    ]);
  });
});
