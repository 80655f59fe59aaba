import neo4j, { type Integer } from 'neo4j-driver';

/** JavaScript numbers reach Cypher as floats; SKIP, LIMIT and integer properties need real integers. */
export function int(value: number): Integer {
  return neo4j.int(Math.trunc(value));
}

/** Like `int`, passing null through. */
export function intOrNull(value: number | null | undefined): Integer | null {
  return value === null || value === undefined ? null : int(value);
}
