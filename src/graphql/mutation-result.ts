import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Options every mutation field takes. Its result is nullable: an operation may hold several mutation fields, each
 * its own transaction, run one after another; when a later one fails, a non-null result would null the whole `data`
 * and hide the writes that did commit. Nullable, the failed field alone is null (with its error) and the committed
 * results stay visible.
 */
export const MUTATION_RESULT = { nullable: true } as const;

/** What a remove or delete mutation answers: the id it was given, and whether something was deleted. */
@ObjectType()
export class DeletePayload {
  @Field(() => ID)
  id!: string;

  @Field()
  deleted!: boolean;
}
