import { todayIso } from '../domain/today';
import { registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

// Input rules class-validator runs on GraphQL inputs before a resolver sees them (beyond one field's own type).

/** Cross-field rule: this property must differ from another one (no self-investment, no self-rivalry). */
export function DiffersFrom(other: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'differsFrom',
      target: target.constructor,
      propertyName,
      constraints: [other],
      options: { message: `must differ from ${other}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => value === undefined || value === null || value !== (args.object as Record<string, unknown>)[other],
      },
    });
}

/** Rule for lists of two ids that must name two different companies. */
export function DistinctPair(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'distinctPair',
      target: target.constructor,
      propertyName,
      options: { message: 'must name two different companies', ...options },
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.length === 2 && value[0] !== value[1],
      },
    });
}

/** Cross-field rule: this property is set exactly when another one is (an amount and its kind go together). */
export function PresentIff(other: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'presentIff',
      target: target.constructor,
      propertyName,
      constraints: [other],
      options: { message: `must be given exactly when ${other} is given`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const otherValue = (args.object as Record<string, unknown>)[other];
          return (value === undefined || value === null) === (otherValue === undefined || otherValue === null);
        },
      },
    });
}

/** A date (PartialDate) that is not after today: facts are announced in the past. */
export function NotInFuture(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName,
      options: { message: 'must not be in the future', ...options },
      validator: {
        validate: (value: unknown) => {
          if (value === undefined || value === null) return true;
          const start = (value as { start?: string }).start;
          return typeof start === 'string' && start <= todayIso();
        },
      },
    });
}

/**
 * For update inputs: the field may be omitted (left unchanged) but not set to null, because the record needs it.
 * Use instead of @IsOptional, which would also let null through and erase the property.
 */
export function OmittableNotNull(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    ValidateIf((_object, value) => value !== undefined)(target, propertyName);
    registerDecorator({
      name: 'omittableNotNull',
      target: target.constructor,
      propertyName,
      options: { message: 'may be omitted but not null', ...options },
      validator: { validate: (value: unknown) => value !== null },
    });
  };
}

/** Cross-field rule: a source that repeats another's reporting (SYNDICATION, COPY) names it; the others do not. */
export function OriginalPublisherFor(kindField: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'originalPublisherFor',
      target: target.constructor,
      propertyName,
      constraints: [kindField],
      options: { message: 'must name the original publisher (at most 200 characters) exactly when kind is SYNDICATION or COPY', ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const kind = (args.object as Record<string, unknown>)[kindField];
          const secondhand = kind === 'SYNDICATION' || kind === 'COPY';
          const given = typeof value === 'string' && value.trim().length > 0;
          return secondhand === given && (!given || (value as string).length <= 200);
        },
      },
    });
}
