import { AmountKind } from '../domain/enums';
import { Confidence } from '../domain/lifecycle';
import { MAX_AMOUNT_USD } from '../domain/validation';
import type { FieldSpec } from './fact-definition';

/** Field shapes several fact types share, so a note or an amount means the same everywhere. */
export const note = { name: 'note', kind: 'text', maxLength: 1000 } as const satisfies FieldSpec;

/**
 * A dollar amount and its nature, given together. `kinds` narrows the natures a type accepts (a subset of AmountKind,
 * e.g. only CONTRACT_VALUE): its GraphQL enum and the dataset schema then offer those alone.
 */
export function amount<N extends string, K extends Readonly<Partial<Record<AmountKind, AmountKind>>> = typeof AmountKind>(name: N, description: string, kinds?: K) {
  return [
    { name, kind: 'usd', description, min: 0, max: MAX_AMOUNT_USD },
    {
      name: 'amountKind',
      kind: 'enum',
      enumType: (kinds ?? AmountKind) as K,
      presentWith: name,
      description: kinds ? `What the amount is: ${Object.values(kinds).map((kind) => kind.toLowerCase().replace(/_/g, ' ')).join(', ')}.` : 'What the amount is: cash paid, a commitment, a ceiling, a contract value, a stake value.',
    },
  ] as const satisfies readonly FieldSpec[];
}

/** The date a fact became known: required, never in the future. */
export const announcedOn = { name: 'announcedOn', kind: 'date', required: true, notInFuture: true } as const satisfies FieldSpec;

/**
 * Every fact's confidence and life: how well it is established, and its dated, sourced events (what an `asOf` answer
 * reads the fact's status, money and whether it is in force from).
 */
export const lifecycleFields = [
  {
    name: 'confidence',
    kind: 'enum',
    enumType: Confidence,
    required: true,
    defaultValue: Confidence.REPORTED,
    description: 'CONFIRMED: by a party or a filing; REPORTED: by an original publisher; RUMOURED: by unnamed sources.',
  },
  { name: 'events', kind: 'events', description: 'Dated, sourced events beyond the announcement: agreed (ceiling, option deadline), tranches funded, closed, amended, ended, terminated, lapsed.' },
] as const satisfies readonly FieldSpec[];
