/**
 * Keyset cursors under concurrent writes, for every fact type's list and every order it can be read in: rows are
 * inserted before and after the cursor and a seen row is deleted between two page requests, and the pages still hold
 * every row that existed throughout exactly once, in the list's order (ties by id, missing values last).
 */
import { FACTS, factType } from '../../../src/facts/registry';
import type { FactDefinition, FieldSpec } from '../../../src/facts/fact-definition';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createCompanies, ok, recordSources } from '../domain/helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.reset();
  await recordSources(app, [{ id: 'src-keyset', url: 'https://example.com/keyset' }]);
});
afterAll(async () => {
  await app.reset();
  await app.close();
});

const ROWS = 23;
const PAGE = 6;

/** The i-th value of a field: dates spread over days and months, amounts with ties and gaps, labels with ties. */
function valueFor(field: FieldSpec, i: number): unknown {
  switch (field.kind) {
    case 'date':
      return i % 5 === 0 ? `2021-${String((i % 12) + 1).padStart(2, '0')}` : `2022-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    case 'usd':
      return i % 4 === 0 ? null : (i % 6) * 1_000_000;
    case 'number':
      return i % 3 === 0 ? null : i % 7;
    case 'text':
      return field.pattern ? `market-${i % 4}` : field.required ? `name ${i % 5}` : null;
    case 'enum':
      return field.required ? Object.values(field.enumType as Record<string, string>)[0] : null;
  }
}

/** Records facts i of a type, each between companies of its own (so no rule ties two of them together). */
async function recordFacts(definition: FactDefinition, indexes: number[], tag: string): Promise<string[]> {
  const inputs = [];
  for (const i of indexes) {
    const input: Record<string, unknown> = { id: `${tag}-${i}`, sourceIds: ['src-keyset'] };
    for (const party of definition.parties) {
      const ids = party.pair || party.many ? [`${tag}-${i}-${party.role.toLowerCase()}-a`, `${tag}-${i}-${party.role.toLowerCase()}-b`] : [`${tag}-${i}-${party.role.toLowerCase()}`];
      await createCompanies(app, ids.map((id) => ({ id, name: id, kind: 'AI_LAB' })));
      input[party.idField] = party.pair || party.many ? ids : ids[0];
    }
    for (const field of definition.fields) {
      const value = valueFor(field, i);
      if (value !== null) input[field.name] = value;
    }
    for (const field of definition.fields.filter((f) => f.presentWith)) {
      if (input[field.presentWith as string] === undefined) delete input[field.name];
      else input[field.name] = Object.values(field.enumType as Record<string, string>)[0];
    }
    inputs.push(input);
  }
  // In requests of at most 20 aliases (the API's limit).
  for (let from = 0; from < inputs.length; from += 20) {
    const batch = inputs.slice(from, from + 20);
    const fields = batch.map((_, n) => `r${n}: record${definition.name}(input: $r${n}) { id }`).join('\n');
    const signature = batch.map((_, n) => `$r${n}: Record${definition.name}Input!`).join(', ');
    await ok(app, `mutation(${signature}) { ${fields} }`, Object.fromEntries(batch.map((input, n) => [`r${n}`, input])));
  }
  return inputs.map((input) => input.id as string);
}

interface Order {
  label: string;
  args: string;
  field: string;
  descending: boolean;
}

/** Every order a list can be read in: its default (no sort given), and each sort both ways for filter-style lists. */
function ordersOf(definition: FactDefinition): Order[] {
  const byDefault = definition.list.sorts.find((s) => s.value === definition.list.defaultSort.sort);
  const asDefault: Order = { label: 'default', args: '', field: byDefault?.field ?? 'id', descending: definition.list.defaultSort.descending };
  if (definition.list.args === 'flat' || !byDefault) return [asDefault];
  return [asDefault, ...definition.list.sorts.flatMap((sort) =>
    [false, true].map((descending) => ({
      label: `${sort.value} ${descending ? 'DESC' : 'ASC'}`,
      args: `sort: { field: ${sort.value}, direction: ${descending ? 'DESC' : 'ASC'} }`,
      field: sort.field,
      descending,
    })),
  )];
}

type Row = { id: string; value: unknown };

interface Page {
  rows: Row[];
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

async function page(definition: FactDefinition, order: Order, field: string, after: string | null): Promise<Page> {
  const args = [order.args, `first: ${PAGE}`, after ? `after: ${JSON.stringify(after)}` : ''].filter(Boolean).join(', ');
  const data = await ok(app, `{ ${definition.plural}(${args}) { totalCount nodes { id ${field} } pageInfo { endCursor hasNextPage hasPreviousPage } } }`);
  const connection = data[definition.plural];
  return {
    rows: connection.nodes.map((node: Record<string, unknown>) => ({ id: node.id, value: node[field] })),
    endCursor: connection.pageInfo.endCursor,
    hasNextPage: connection.pageInfo.hasNextPage,
    hasPreviousPage: connection.pageInfo.hasPreviousPage,
    totalCount: connection.totalCount,
  };
}

/** Sort key of a read value: dates by their first day (a month sorts before its days), missing values last (by id, in the list's direction). */
function compare(order: Order, a: Row, b: Row): number {
  const key = (v: unknown): string | number | null => (typeof v === 'string' && /^\d{4}/.test(v) ? `${v}-01-01`.slice(0, 10) : (v as string | number | null));
  const [x, y] = [key(a.value), key(b.value)];
  if (x === null && y === null) return (a.id < b.id ? -1 : 1) * (order.descending ? -1 : 1);
  if (x === null) return 1;
  if (y === null) return -1;
  if (x !== y) return (x < y ? -1 : 1) * (order.descending ? -1 : 1);
  return (a.id < b.id ? -1 : 1) * (order.descending ? -1 : 1);
}

describe.each(FACTS.flatMap((definition) => ordersOf(definition).map((order) => [`${definition.plural} by ${order.label}`, definition.name, order] as const)))(
  '%s',
  (_label, name, order) => {
    it('skips and repeats no row when rows are inserted and deleted between pages', async () => {
      const definition = factType(name);
      const tag = `ks-${definition.idPrefix}-${order.label.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
      await app.reset();
      await recordSources(app, [{ id: 'src-keyset', url: 'https://example.com/keyset' }]);
      const original = await recordFacts(definition, Array.from({ length: ROWS }, (_, i) => i), tag);

      const seen: Row[] = [];
      let cursor: string | null = null;
      let pages = 0;
      for (;;) {
        const result = await page(definition, order, order.field, cursor);
        seen.push(...result.rows);
        pages += 1;
        // Every page counts the whole list as it stands: ROWS at first, six more and one fewer once the rows changed.
        expect({ pages, hasPreviousPage: result.hasPreviousPage, totalCount: result.totalCount }).toEqual({ pages, hasPreviousPage: pages > 1, totalCount: pages === 1 ? ROWS : ROWS + 5 });
        if (pages === 1) {
          // Between the first and second request: rows land on both sides of the cursor and a seen row goes.
          await recordFacts(definition, [100, 101, 102, 103, 104, 105], `${tag}-new`);
          await ok(app, `mutation($id: ID!) { remove${definition.name}(id: $id) { id } }`, { id: result.rows[0].id });
        }
        if (!result.hasNextPage) break;
        cursor = result.endCursor;
      }

      const ids = seen.map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of original) expect(ids.filter((seenId) => seenId === id)).toHaveLength(1);
      const sorted = [...seen].sort((a, b) => compare(order, a, b));
      expect(seen.map((row) => row.id)).toEqual(sorted.map((row) => row.id));
      expect(pages).toBeGreaterThan(ROWS / PAGE);
    });
  },
);
