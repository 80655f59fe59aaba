import { IsEnum, IsUrl, MaxLength, MinLength, registerDecorator, type ValidationArguments } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { EXTERNAL_ID_SCHEME_NAMES, ExternalIdScheme, externalIdProblem } from '../domain/external-id';

/** Each id valid for its scheme (an LEI's check digits hold...) and no scheme twice: a company has one id per scheme. */
export function ValidExternalIds() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'validExternalIds',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) => externalIdsProblem(args.value) ?? 'are not valid',
      },
      validator: { validate: (value: unknown) => externalIdsProblem(value) === null },
    });
}

function externalIdsProblem(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return 'must be a list';
  const seen = new Set<unknown>();
  for (const id of value as { scheme?: unknown; value?: unknown }[]) {
    if (!EXTERNAL_ID_SCHEME_NAMES.includes(id?.scheme as ExternalIdScheme) || typeof id.value !== 'string') continue;
    const problem = externalIdProblem(id.scheme as ExternalIdScheme, id.value);
    if (problem) return `${String(id.scheme)} "${id.value}" ${problem}`;
    if (seen.has(id.scheme)) return `has ${String(id.scheme)} twice; a company has at most one id per scheme`;
    seen.add(id.scheme);
  }
  return null;
}

@InputType({ description: "A company's id in another database, with the page it was read from; stored normalized (docs/external-ids.md)." })
export class ExternalIdInput {
  @Field(() => ExternalIdScheme)
  @IsEnum(ExternalIdScheme)
  scheme!: ExternalIdScheme;

  @Field()
  @MinLength(1)
  @MaxLength(300)
  value!: string;

  @Field({ description: 'The http(s) address of the page the id was read from.' })
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  source!: string;
}
