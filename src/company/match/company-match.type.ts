import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../../graphql/company.type';
import { CERTAIN_SCORE, MatchReason } from './match-rule';

registerEnumType(MatchReason, {
  name: 'MatchReason',
  description: 'Why a company is a candidate for a name.',
  valuesConfig: {
    ID: { description: 'The name is its id, or one of its external ids (Wikidata, SEC CIK, LEI).' },
    NAME: { description: 'Its name, legal forms (Inc., LLC...), case, spaces and punctuation aside.' },
    DOMAIN: { description: 'The name is its domain (or a URL on it).' },
    ALIAS: { description: 'One of its aliases.' },
    FORMER_NAME: { description: 'One of its former names.' },
    FULL_TEXT: { description: 'Only alike (typos, a word missing): the score is how alike, below the certain score.' },
  },
});

@ObjectType()
export class MatchCandidate {
  @Field(() => Company)
  company!: Company;

  @Field(() => Float, { description: `0 to 1; ${CERTAIN_SCORE} and above is an exact match (docs/external-ids.md).` })
  score!: number;

  @Field(() => MatchReason)
  reason!: MatchReason;
}

@ObjectType()
export class CompanyMatch {
  @Field({ description: 'The name as given.' })
  name!: string;

  @Field(() => [MatchCandidate], { description: 'Best first (score, then reason, then company id); empty when nothing is alike.' })
  candidates!: MatchCandidate[];

  @Field({ description: `The best candidate scored at least ${CERTAIN_SCORE} and no other scored as high: safe to take without review.` })
  certain!: boolean;
}
