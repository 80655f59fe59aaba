import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import type { RivalryRecord } from './rivalry.record';

@ObjectType({ description: 'Two companies competing in a market. Symmetric: it is listed for both.' })
export class Rivalry implements RivalryRecord {
  @Field(() => ID)
  id!: string;

  companyIds!: readonly [string, string];

  @Field({ description: 'Market label, e.g. "frontier-models", "cloud-infrastructure", "ai-accelerators".' })
  market!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Since when the rivalry is documented.' })
  since!: PartialDate | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  sourceIds!: readonly string[];
}
