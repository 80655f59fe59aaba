import { sectionColumns } from '../../../src/export/dataset-records';
import { factEdgeEnds, graphmlKeys } from '../../../src/export/writers/graphml-writer';
import type { FactDefinition } from '../../../src/facts/fact-definition';
import { FACTS, factType } from '../../../src/facts/registry';
import type { SectionName } from '../../../src/seed/dataset';

describe('export columns and keys derived from the fact definitions', () => {
  it.each(FACTS.map((definition) => [definition.name, definition] as const))('%s: a CSV column for its id, parties, fields, links and sources', (_name, definition) => {
    const columns = sectionColumns(definition.section as SectionName).map((column) => column.name);
    expect(columns).toEqual(['id', ...definition.parties.map((p) => p.idField), ...definition.fields.map((f) => f.name), ...(definition.links ?? []).map((l) => l.idField), 'sourceIds']);
  });

  it('gives companies and sources the dataset schema properties', () => {
    expect(sectionColumns('companies').map((c) => c.name)).toEqual(['id', 'name', 'aliases', 'formerNames', 'kind', 'country', 'founded', 'website', 'description', 'externalIds']);
    expect(sectionColumns('sources').map((c) => c.name)).toEqual(['id', 'url', 'publisher', 'title', 'publishedOn', 'kind', 'originalPublisher']);
  });

  it('declares one GraphML key per company property and per fact property, typed from the schema', () => {
    const keys = graphmlKeys();
    expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
    const edge = new Map(keys.filter((k) => k.for === 'edge').map((k) => [k.name, k]));
    for (const definition of FACTS) {
      for (const field of definition.fields) {
        expect(edge.get(field.name)?.type).toBe(field.kind === 'usd' || field.kind === 'number' ? 'double' : 'string');
      }
      for (const party of definition.parties) expect(edge.has(party.idField)).toBe(!!(party.pair || party.many));
    }
    expect(['label', 'factType', 'factId', 'sourceIds', 'sourceUrls'].every((name) => edge.has(name))).toBe(true);
    const node = keys.filter((k) => k.for === 'node').map((k) => k.name);
    expect(node).toEqual(['label', 'name', 'aliases', 'formerNames', 'kind', 'country', 'founded', 'website', 'description', 'externalIds']);
  });

  it('refuses two fact types giving one property name two types', () => {
    const investment = factType('Investment');
    const other: FactDefinition = { ...factType('Rivalry'), name: 'Other' };
    const columns = (definition: FactDefinition) => [{ name: 'amountUsd', schema: { type: definition === other ? ['string', 'null'] : ['number', 'null'] } }];
    expect(() => graphmlKeys([investment, other], columns)).toThrow('GraphML: fact property amountUsd is double in one type and string in Other');
    expect(() => graphmlKeys([investment, { ...investment, name: 'Same' }], columns)).not.toThrow();
  });

  it('runs each fact as its derived relationship does, and a funding round from each lead to the company raising', () => {
    expect(factEdgeEnds(factType('Investment'), { id: 'i', investorId: 'microsoft', investeeId: 'openai' })).toEqual([['microsoft', 'openai']]);
    expect(factEdgeEnds(factType('ComputeDeal'), { id: 'c', providerId: 'oracle', customerId: 'openai' })).toEqual([['oracle', 'openai']]);
    expect(factEdgeEnds(factType('Rivalry'), { id: 'r', companyIds: ['anthropic', 'openai'] })).toEqual([['anthropic', 'openai']]);
    expect(factEdgeEnds(factType('SubsidiaryLink'), { id: 's', childId: 'aws', parentId: 'amazon' })).toEqual([['aws', 'amazon']]);
    expect(factEdgeEnds(factType('Acquisition'), { id: 'a', acquirerId: 'google', targetId: 'deepmind' })).toEqual([['google', 'deepmind']]);
    const round = factType('FundingRound');
    expect(factEdgeEnds(round, { id: 'f', companyId: 'openai', leadInvestorIds: ['thrive', 'softbank'] })).toEqual([
      ['thrive', 'openai'],
      ['softbank', 'openai'],
    ]);
    expect(factEdgeEnds(round, { id: 'f', companyId: 'openai' })).toEqual([['openai', 'openai']]);
  });
});
