/**
 * A position in a keyset-paged list: the phase of its order (rows with a value for the sort property, then those
 * without, by id), and the sort value and id of the last row given. Cursors carry it; statements continue after it.
 */
export interface ListPosition {
  readonly phase: 'nonNull' | 'null';
  readonly value: unknown;
  readonly id: string;
}
