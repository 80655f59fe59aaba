import { amountPhrase } from '../../../src/facts/relation-phrases';
import { AmountKind } from '../../../src/domain/enums';
import { timeline } from '../../../src/domain/lifecycle';
import { parsePartialDate } from '../../../src/domain/partial-date';

describe('amountPhrase', () => {
  // A fact as analytics read it: its stored timeline, read in the default scope (today).
  const fact = (amountUsd: number | null, amountKind: AmountKind | null, status = 'COMPLETED') => ({
    timeline: timeline({ announcedOn: parsePartialDate('2024-01-10'), amountUsd, amountKind, status, events: [] }),
    confidence: 'REPORTED',
  });

  it('sums money paid; a commitment is named as such', () => {
    expect(amountPhrase([fact(1.25e9, AmountKind.PAID), fact(2.75e9, AmountKind.PAID)])).toBe('$4B');
    expect(amountPhrase([fact(1.25e9, AmountKind.PAID), fact(2.75e9, AmountKind.COMMITMENT)])).toBe('$4B ($1.25B paid, $2.75B committed)');
  });
  it('says "up to" and "nothing binding" when every amount is a ceiling', () => {
    expect(amountPhrase([fact(5e9, AmountKind.UP_TO), fact(null, AmountKind.PAID)])).toBe('up to $5B (nothing binding), 1 undisclosed');
  });
  it('keeps a ceiling apart from money paid, so a letter of intent never reads as paid', () => {
    expect(amountPhrase([fact(1e8, AmountKind.PAID), fact(1e11, AmountKind.UP_TO, 'PLANNED')])).toBe('$100M (paid) of up to $100B');
  });
  it('names stake and contract values and counts undisclosed amounts, adding none of them to the headline', () => {
    expect(amountPhrase([fact(1.35e11, AmountKind.STAKE_VALUE), fact(null, null)])).toBe('stake valued at $135B, 1 undisclosed');
    expect(amountPhrase([fact(null, null)])).toBe('undisclosed');
    expect(amountPhrase([])).toBe('an undisclosed amount');
  });
  it('counts nothing of a lapsed fact', () => {
    expect(amountPhrase([fact(1e9, AmountKind.UP_TO, 'LAPSED'), fact(2e8, AmountKind.PAID)])).toBe('$200M');
  });
});
