import { Arg, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { FactDefinition, PartySpec } from '../../facts/fact-definition';
import { FACTS } from '../../facts/registry';
import { asOfKey } from '../../neo4j/as-of';
import type { PartialDate } from '../../domain/partial-date';
import { Company } from '../company.type';
import { primeFacts } from '../../loaders';
import type { AppContext } from '../context';
import { listCost } from '../complexity';
import { DateScalar } from '../date-scalar';
import { factObjectType } from './fact-types';

const AS_OF = { nullable: true, description: 'Only facts known on or before this date (end of the period for YYYY-MM / YYYY).' };

/** The facts a company takes part in, in one role, as of a date: batched per request by (company, asOf). */
export function companyFacts(ctx: AppContext, definition: FactDefinition, party: PartySpec, companyId: string, asOf: PartialDate | null | undefined) {
  const loader = ctx.loaders.facts.get(definition.name)?.byRole.get(party.role);
  if (!loader) throw new Error(`no loader for ${definition.name} as ${party.role}`);
  return loader.load(asOfKey(companyId, asOf)).then((rows) => primeFacts(ctx, definition, rows));
}

/**
 * Company fields listing the facts it takes part in, one per party role that declares one (`investmentsReceived`,
 * `computeDealsAsProvider`, `rivalries`...), oldest first, with `asOf`.
 */
export function companyFactFieldsResolver(): ClassType {
  const holder = { CompanyFactFieldsResolver: class {} };
  const resolver = holder.CompanyFactFieldsResolver as ClassType;
  for (const definition of FACTS) {
    for (const party of definition.parties) {
      if (!party.companyField) continue;
      const name = party.companyField.name;
      Object.defineProperty(resolver.prototype, name, {
        value: (company: Company, asOf: PartialDate | null, ctx: AppContext) => companyFacts(ctx, definition, party, company.id, asOf),
        writable: true,
        configurable: true,
      });
      Root()(resolver.prototype, name, 0);
      Arg('asOf', () => DateScalar, AS_OF)(resolver.prototype, name, 1);
      Ctx()(resolver.prototype, name, 2);
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
