import fs from 'node:fs';
import path from 'node:path';
import { CompanyKind } from '../domain/enums';
import { ExternalIdScheme } from '../domain/external-id';
import { FactEventKind } from '../domain/lifecycle';
import { SourceKind } from '../domain/source';
import { MAX_AMOUNT_USD } from '../domain/validation';
import type { FactDefinition, FieldSpec } from '../facts/fact-definition';
import { FACTS } from '../facts/registry';
import { projectRoot } from '../platform/project-root';

/** The committed JSON Schema of dataset files; generated from the fact definitions, checked by a test. */
export const DATASET_SCHEMA_FILE = path.join(projectRoot(), 'data', 'seed', 'dataset.schema.json');

/** A company's id in another database; its value's rule per scheme (LEI check digits...) is checked at load. */
const EXTERNAL_ID = {
  type: 'object',
  additionalProperties: false,
  required: ['scheme', 'value', 'source'],
  properties: {
    scheme: { enum: Object.values(ExternalIdScheme) },
    value: { type: 'string', minLength: 1, maxLength: 300 },
    source: { type: 'string', pattern: '^https?://', maxLength: 500 },
  },
};

const SLUG = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 };
const DATE = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const USD = { type: ['number', 'null'], minimum: 0, maximum: MAX_AMOUNT_USD };
const EVENT = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'on'],
  properties: {
    kind: { enum: Object.values(FactEventKind) },
    on: DATE,
    amountUsd: USD,
    ceilingUsd: USD,
    deadline: nullable(DATE),
    note: { type: ['string', 'null'], maxLength: 500 },
    sourceIds: { type: 'array', items: SLUG, maxItems: 20 },
  },
};

function fieldSchema(field: FieldSpec): Record<string, unknown> {
  switch (field.kind) {
    case 'text':
      return { type: field.required ? 'string' : ['string', 'null'], maxLength: field.maxLength, ...(field.pattern ? { pattern: field.pattern.regex.source } : {}) };
    case 'usd':
    case 'number':
      return { type: field.required ? 'number' : ['number', 'null'], minimum: field.min ?? 0, maximum: field.max ?? MAX_AMOUNT_USD };
    case 'date':
      return field.required ? DATE : nullable(DATE);
    case 'enum':
      return { enum: [...Object.values(field.enumType ?? {}), ...(field.required ? [] : [null])] };
    case 'events':
      return { type: 'array', maxItems: 50, items: EVENT };
  }
}

/** One fact section: records as the record mutation takes them (dates as strings, sources by id). */
function factSchema(definition: FactDefinition): Record<string, unknown> {
  const properties: Record<string, unknown> = { id: SLUG };
  for (const party of definition.parties) {
    properties[party.idField] = party.pair ? { type: 'array', items: SLUG, minItems: 2, maxItems: 2 } : party.many ? { type: 'array', items: SLUG, maxItems: 20 } : SLUG;
  }
  for (const field of definition.fields) properties[field.name] = fieldSchema(field);
  for (const link of definition.links ?? []) properties[link.idField] = nullable(SLUG);
  properties.sourceIds = { type: 'array', items: SLUG, minItems: 1, maxItems: 20 };
  const required = [
    'id',
    ...definition.parties.filter((party) => !party.many).map((party) => party.idField),
    ...definition.fields.filter((field) => field.required && field.defaultValue === undefined).map((field) => field.name),
    'sourceIds',
  ];
  return { type: 'array', items: { type: 'object', additionalProperties: false, required, properties } };
}

/** The JSON Schema of a dataset file: sources, companies, and one section per fact type. */
export function datasetSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://ai-industry-graph.local/dataset.schema.json',
    title: 'ai-industry-graph dataset',
    description:
      'Companies and sourced, dated facts loaded by `npm run seed`, `npm run import` and `npm start` (into an empty database). Generated from the fact definitions (src/facts); shape only: every record is then validated by the same rules as the GraphQL mutations.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'sources', 'companies'],
    properties: {
      $schema: { type: 'string' },
      version: { type: 'string', pattern: '^\\d{4}\\.\\d{1,2}\\.\\d+$' },
      description: { type: 'string' },
      sources: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'url', 'publisher', 'title'],
          properties: {
            id: SLUG,
            url: { type: 'string', pattern: '^https?://', maxLength: 2000 },
            publisher: { type: 'string', minLength: 1, maxLength: 200 },
            title: { type: 'string', minLength: 1, maxLength: 500 },
            publishedOn: nullable(DATE),
            kind: { enum: Object.values(SourceKind) },
            originalPublisher: { type: ['string', 'null'], minLength: 1, maxLength: 200 },
          },
        },
      },
      companies: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'name', 'kind'],
          properties: {
            id: SLUG,
            name: { type: 'string', minLength: 1, maxLength: 200 },
            aliases: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 20 },
            formerNames: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 20 },
            kind: { enum: Object.values(CompanyKind) },
            country: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
            founded: { type: ['string', 'null'], pattern: '^\\d{4}$' },
            website: { type: ['string', 'null'], maxLength: 500 },
            description: { type: ['string', 'null'], maxLength: 2000 },
            externalIds: { type: 'array', items: EXTERNAL_ID, maxItems: 4 },
          },
        },
      },
      ...Object.fromEntries(FACTS.map((definition) => [definition.section, factSchema(definition)])),
    },
  };
}

/** Writes the dataset schema file (npm run schema:emit). */
export function emitDatasetSchema(file = DATASET_SCHEMA_FILE): void {
  fs.writeFileSync(file, `${JSON.stringify(datasetSchema(), null, 2)}\n`);
}
