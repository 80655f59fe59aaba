import neo4j, { type Integer } from 'neo4j-driver';

/** JavaScript numbers reach Cypher as floats; SKIP, LIMIT and integer properties need real integers. */
export function int(value: number): Integer {
  return neo4j.int(Math.trunc(value));
}

/** Like `int`, passing null through. */
export function intOrNull(value: number | null | undefined): Integer | null {
  return value === null || value === undefined ? null : int(value);
}

/** A `YYYY-MM-DD` string as a Neo4j DATE, so it is stored and compared as a date, not a string. */
export function date(isoDay: string): InstanceType<typeof neo4j.types.Date> {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new neo4j.types.Date(year, month, day);
}

/** Like `date`, passing null through. */
export function dateOrNull(isoDay: string | null | undefined): InstanceType<typeof neo4j.types.Date> | null {
  return isoDay ? date(isoDay) : null;
}
