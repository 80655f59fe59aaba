import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import type { SubsidiaryLinkRecord } from './subsidiary-link.record';

@ObjectType({ description: 'A parent/subsidiary link (AWS of Amazon, Google DeepMind of Google).' })
export class SubsidiaryLink implements SubsidiaryLinkRecord {
  @Field(() => ID)
  id!: string;

  childId!: string;
  parentId!: string;

  @Field(() => DateScalar, { nullable: true })
  since!: PartialDate | null;

  sourceIds!: readonly string[];
}
