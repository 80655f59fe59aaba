import { Field, Float, Int, ObjectType } from 'type-graphql';
import { headlineUsd, moneyPhrase, type Money as MoneyValue } from '../domain/money';

@ObjectType({
  description:
    'Money by its nature. headlineUsd (paid + committed) is what totals, shares and concentration use; a ceiling (an "up to", an open option, a letter of intent, beyond what is binding), a contract value (debt included) and a stake value are never added to it.',
})
export class Money {
  @Field(() => Float, { description: 'Paid plus committed: money that went in or must.' })
  headlineUsd!: number;

  @Field(() => Float, { description: 'Cash paid.' })
  paidUsd!: number;

  @Field(() => Float, { description: 'Binding, not yet paid.' })
  committedUsd!: number;

  @Field(() => Float, { description: 'What "up to" amounts, open options and letters of intent allow beyond the headline; not money that moved.' })
  ceilingUsd!: number;

  @Field(() => Float, { description: 'Value of contracts: compute deals priced over their term, and the principal of debt (a loan or a bond: owed back, never raised headline money).' })
  contractValueUsd!: number;

  @Field(() => Float, { description: 'Value of stakes held (not a payment).' })
  stakeValueUsd!: number;

  @Field(() => Float, { description: 'Headline plus ceiling: the most the agreements allow.' })
  maximumUsd!: number;

  @Field(() => Int, { description: 'Facts whose amount is undisclosed (in none of the figures).' })
  undisclosedCount!: number;

  @Field({ description: 'In words, each kind named: "paid $1.25B of up to $4B", "up to $100B (nothing binding)".' })
  description!: string;
}

/** The GraphQL shape of a money breakdown. */
export function toMoney(money: MoneyValue): Money {
  const headline = headlineUsd(money);
  return Object.assign(new Money(), money, { headlineUsd: headline, maximumUsd: headline + money.ceilingUsd, description: moneyPhrase(money) });
}
