import { AmountKind, Instrument } from '../../../src/domain/enums';
import { isDebt } from '../../../src/domain/debt';
import { FactEventKind, lifecycle, timeline, type LifecycleFields } from '../../../src/domain/lifecycle';
import { headlineUsd } from '../../../src/domain/money';
import { parsePartialDate } from '../../../src/domain/partial-date';

// A loan or a bond is never headline money, however its amount is recorded: its firm part is a contract value.
const d = parsePartialDate;
const fields = (over: Partial<LifecycleFields>): LifecycleFields => ({ announcedOn: d('2025-06-30'), amountUsd: 5e9, amountKind: AmountKind.PAID, status: 'COMPLETED', events: [], ...over });

describe('debt is not equity', () => {
  it('only DEBT is debt; a convertible is not', () => {
    expect(Object.values(Instrument).filter(isDebt)).toEqual([Instrument.DEBT]);
  });

  it.each([AmountKind.PAID, AmountKind.COMMITMENT])('a %s debt amount is a contract value with no headline', (amountKind) => {
    const [state] = lifecycle(fields({ amountKind, debt: true }));
    expect(headlineUsd(state!.money)).toBe(0);
    expect(state!.money.contractValueUsd).toBe(5e9);
    expect(headlineUsd(lifecycle(fields({ amountKind }))[0]!.money)).toBe(5e9);
  });

  it('a debt with tranches and a ceiling: funded and binding parts are contract value, the ceiling stays a ceiling', () => {
    const events = [
      { kind: FactEventKind.AGREED, on: d('2025-06-30'), amountUsd: 3e9, ceilingUsd: 5e9 },
      { kind: FactEventKind.TRANCHE_FUNDED, on: d('2025-07-15'), amountUsd: 1e9 },
    ];
    const t = timeline(fields({ events, debt: true }));
    const last = t.tlStatus.length - 1;
    expect([t.tlPaid[last], t.tlCommitted[last], t.tlContract[last], t.tlCeiling[last]]).toEqual([0, 0, 3e9, 2e9]);
  });
});
