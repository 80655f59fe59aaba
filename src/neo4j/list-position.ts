import { badInput } from '../domain/errors';
import type { FactDefinition, FieldKind } from '../facts/fact-definition';
import { date, int } from './params';

/**
 * A position in a keyset-paged list: the phase of its order (rows with a value for the sort property, then those
 * without, by id), and the sort value and id of the last row given. Cursors carry it; statements continue after it.
 */
export interface ListPosition {
  readonly phase: 'nonNull' | 'null';
  readonly value: unknown;
  readonly id: string;
}

/** The type of a list's sort values, as they are stored and compared, and as its cursors carry them. */
export type SortValueType = 'date' | 'number' | 'integer' | 'string';

/** What a list is ordered by: its values' type, and whether rows may lack one (they come after the others, by id). */
export interface ListOrder {
  readonly type: SortValueType;
  readonly nullable: boolean;
}

/** The sort value type of each kind of fact field (`events` is never a sort). */
const SORT_VALUE_TYPE: Readonly<Record<FieldKind, SortValueType | null>> = { date: 'date', usd: 'number', number: 'number', text: 'string', enum: 'string', events: null };

/** The longest string a cursor may carry as a sort value or id (stored names and labels are at most 200). */
const MAX_STRING = 400;

/** A day as stored (a Neo4j DATE reads back as `YYYY-MM-DD`), and one the calendar has. */
function isStoredDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fitsType(value: unknown, type: SortValueType): boolean {
  switch (type) {
    case 'date':
      return isStoredDay(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'string':
      return typeof value === 'string' && value.length <= MAX_STRING;
  }
}

/**
 * Whether a decoded value is a position a list in this order could have written: a phase, an id, and a value of the
 * sort's type in the phase of rows with one, null in the phase of rows without (which only a nullable order has).
 * The one rule every list cursor is checked by, before any statement runs.
 */
export function isPositionIn(order: ListOrder, value: unknown): value is ListPosition {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const p = value as Partial<ListPosition>;
  if (Object.keys(p).some((key) => key !== 'phase' && key !== 'value' && key !== 'id')) return false;
  if (typeof p.id !== 'string' || p.id.length > MAX_STRING) return false;
  if (p.phase === 'null') return order.nullable && p.value === null;
  return p.phase === 'nonNull' && fitsType(p.value, order.type);
}

/** The order of a fact list by one of its sorts, derived from the kind of the field it sorts by (or the id). */
export function factListOrder(definition: FactDefinition, sort: string): ListOrder & { readonly field: string } {
  const spec = definition.list.sorts.find((s) => s.value === sort);
  if (!spec) throw badInput('sort', `${definition.plural} cannot be sorted by ${sort}`);
  if (spec.field === 'id') return { field: 'id', type: 'string', nullable: false };
  const field = definition.fields.find((f) => f.name === spec.field);
  const type = field ? SORT_VALUE_TYPE[field.kind] : null;
  if (!field || !type) throw new Error(`${definition.name} cannot be sorted by ${spec.field}: not a field with comparable values`);
  return { field: spec.field, type, nullable: !field.required };
}

/**
 * A position as the parameters a list statement continues after ($afterValue, $afterId), its value as the type the
 * property is stored as. A position that does not fit the order is BAD_USER_INPUT (never a statement).
 */
export function afterParams(order: ListOrder, position: ListPosition): { afterValue: unknown; afterId: string } {
  if (!isPositionIn(order, position)) throw badInput('after', 'not a cursor returned by this query');
  const value = position.value;
  if (value === null) return { afterValue: null, afterId: position.id };
  return { afterValue: order.type === 'date' ? date(value as string) : order.type === 'integer' ? int(value as number) : value, afterId: position.id };
}

/** The phases a page is read in: from the cursor's phase on, the null phase only for a nullable order. */
export function phasesAfter(order: ListOrder, after: ListPosition | null): ('nonNull' | 'null')[] {
  if (after?.phase === 'null') return ['null'];
  return order.nullable ? ['nonNull', 'null'] : ['nonNull'];
}
