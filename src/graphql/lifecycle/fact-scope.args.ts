import { ArrayMaxSize, ArrayMinSize, IsOptional } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import type { FactScope } from '../../domain/as-of';
import { Confidence, ENDED_STATUSES, FactStatus, LIVE_STATUSES } from '../../domain/lifecycle';
import { today } from '../../domain/today';
import type { PartialDate } from '../../domain/partial-date';
import { DateScalar } from '../date-scalar';

/** Which facts an analytics answer counts: the date, how imprecise dates and ended facts are treated, confidence. */
@ArgsType()
export class FactScopeArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Facts as they stood on this date (the end of a month or year given as YYYY-MM or YYYY): known by then, with their status and money then. Today when omitted.',
  })
  @IsOptional()
  asOf?: PartialDate;

  @Field({ defaultValue: false, description: 'Also count ended, terminated and lapsed facts (the same as adding those to statuses).' })
  includeEnded: boolean = false;

  @Field({ defaultValue: false, description: 'Count a fact dated only to a month or year from the start of that period (by default: once the whole period lies on or before asOf).' })
  includeImprecise: boolean = false;

  @Field(() => Confidence, { defaultValue: Confidence.RUMOURED, description: 'Leave out facts less established than this (RUMOURED < REPORTED < CONFIRMED).' })
  minConfidence: Confidence = Confidence.RUMOURED;

  @Field(() => [FactStatus], { nullable: true, description: 'Statuses (as of the date) that count; every status but ENDED, TERMINATED and LAPSED when omitted.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  statuses?: FactStatus[];
}

/** The scope of an analytics request from its arguments; no asOf is today, fixed once for the whole answer. */
export function toScope(args: FactScopeArgs): FactScope {
  const statuses = new Set<FactStatus>(args.statuses ?? LIVE_STATUSES);
  if (args.includeEnded) for (const status of ENDED_STATUSES) statuses.add(status);
  return { asOf: args.asOf ?? today(), includeImprecise: args.includeImprecise, statuses: [...statuses], minConfidence: args.minConfidence };
}
