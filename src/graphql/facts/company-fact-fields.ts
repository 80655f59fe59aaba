import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import type { FactDefinition, PartySpec } from '../../facts/fact-definition';
import { detailFor, type FactDetail } from '../../facts/fact-detail';
import { FACTS } from '../../facts/registry';
import { asOfKey, type KnownScope } from '../../neo4j/as-of';
import { defaultScope } from '../../domain/as-of';
import type { PartialDate } from '../../domain/partial-date';
import { Company } from '../company.type';
import { primeFacts } from '../../loaders';
import type { AppContext } from '../context';
import { listCost } from '../complexity';
import { DateScalar } from '../date-scalar';
import { selectedFields } from '../selection';
import { factObjectType } from './fact-types';

export const AS_OF = {
  nullable: true,
  description: 'Facts known on this date (today when omitted), whatever their status then: a fact dated to a month or year is known once that period has passed (see includeImprecise).',
};
export const INCLUDE_IMPRECISE = { defaultValue: false, description: 'Know a fact dated only to a month or year from the start of that period.' };

/**
 * The facts a company takes part in, in one role, known on a date (today when none) by the as-of rule: batched per
 * request by (company, day). Each comes with that scope attached, so its `state` and money default to the same date.
 * `detail` says how much of each is read: a core detail only for callers that use no other fields than it names.
 */
export async function companyFacts(ctx: AppContext, definition: FactDefinition, party: PartySpec, companyId: string, known: KnownScope, detail: FactDetail = 'whole') {
  const loader = ctx.loaders.facts.get(definition.name)?.byRole.get(party.role)?.(detail);
  if (!loader) throw new Error(`no loader for ${definition.name} as ${party.role}`);
  const rows = await loader.load(asOfKey(companyId, known));
  const scope = { ...defaultScope(), asOf: known.asOf ?? defaultScope().asOf, includeImprecise: known.includeImprecise };
  return primeFacts(ctx, definition, rows).map((fact) => ({ ...fact, scope }) as typeof fact);
}

/**
 * Company fields listing the facts it takes part in, one per party role that declares one (`investmentsReceived`,
 * `computeDealsAsProvider`, `rivalries`...), oldest first, as known on `asOf` (today when omitted).
 */
export function companyFactFieldsResolver(): ClassType {
  const holder = { CompanyFactFieldsResolver: class {} };
  const resolver = holder.CompanyFactFieldsResolver as ClassType;
  for (const definition of FACTS) {
    for (const party of definition.parties) {
      if (!party.companyField) continue;
      const name = party.companyField.name;
      Object.defineProperty(resolver.prototype, name, {
        value: (company: Company, asOf: PartialDate | null, includeImprecise: boolean, ctx: AppContext, info: GraphQLResolveInfo) =>
          companyFacts(ctx, definition, party, company.id, { asOf, includeImprecise }, detailFor(definition, selectedFields(info))),
        writable: true,
        configurable: true,
      });
      Root()(resolver.prototype, name, 0);
      Arg('asOf', () => DateScalar, AS_OF)(resolver.prototype, name, 1);
      Arg('includeImprecise', () => Boolean, INCLUDE_IMPRECISE)(resolver.prototype, name, 2);
      Ctx()(resolver.prototype, name, 3);
      Info()(resolver.prototype, name, 4);
      // The order is the batch statement's (ofCompaniesStatement): the same for every fact type.
      const description = `${party.companyField.description} Oldest first (by ${definition.dateField}, then id).`;
      FieldResolver(() => [factObjectType(definition)], { name, description, complexity: listCost })(
        resolver.prototype,
        name,
        Object.getOwnPropertyDescriptor(resolver.prototype, name) as PropertyDescriptor,
      );
    }
  }
  Resolver(() => Company)(resolver);
  return resolver;
}
