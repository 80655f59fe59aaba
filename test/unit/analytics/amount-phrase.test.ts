import { amountPhrase } from '../../../src/analytics/describe';

describe('amountPhrase', () => {
  const fact = (amountUsd: number | null, amountKind: string | null) => ({ amountUsd, amountKind });

  it('sums firm money', () => {
    expect(amountPhrase([fact(1.25e9, 'PAID'), fact(2.75e9, 'COMMITMENT')])).toBe('$4B');
  });
  it('says "up to" only when every disclosed amount is a ceiling', () => {
    expect(amountPhrase([fact(5e9, 'UP_TO'), fact(null, 'PAID')])).toBe('up to $5B');
  });
  it('keeps a ceiling apart from money paid, so a letter of intent never reads as paid', () => {
    expect(amountPhrase([fact(1e8, 'PAID'), fact(1e11, 'UP_TO')])).toBe('$100M plus up to $100B');
  });
  it('leaves stake values and undisclosed amounts out', () => {
    expect(amountPhrase([fact(1.35e11, 'STAKE_VALUE'), fact(null, null)])).toBe('an undisclosed amount');
  });
});
