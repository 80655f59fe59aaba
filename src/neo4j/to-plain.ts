import neo4j from 'neo4j-driver';

const number = (value: unknown): number => (neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : (value as number));
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * The ISO text the driver's own `toString` gives a Date, or a DateTime at offset zero (how every time this server
 * writes is stored), built without the driver's Integer arithmetic: that arithmetic was the largest share of the
 * time spent reading a page of changes (each with a time and images holding dates). Anything else (a year outside
 * 0-9999, a named zone, another offset, the other temporal types) is left to the driver: null. A property test
 * (test/unit/neo4j/to-plain.test.ts) proves the two agree.
 */
export function fastTemporalText(value: unknown): string | null {
  const t = value as Record<string, unknown>;
  const year = number(t.year);
  if (!(year >= 0 && year <= 9999)) return null;
  const date = `${pad(year, 4)}-${pad(number(t.month), 2)}-${pad(number(t.day), 2)}`;
  if (neo4j.isDate(value)) return date;
  if (!neo4j.isDateTime(value) || t.timeZoneId != null || t.timeZoneOffsetSeconds == null || number(t.timeZoneOffsetSeconds) !== 0) return null;
  const nanosecond = number(t.nanosecond);
  return `${date}T${pad(number(t.hour), 2)}:${pad(number(t.minute), 2)}:${pad(number(t.second), 2)}${nanosecond === 0 ? '' : `.${pad(nanosecond, 9)}`}Z`;
}

/**
 * The driver's text (see `fastTemporalText`) for the text Cypher's `toString` gives a date-time at offset zero:
 * Cypher trims the fraction's trailing zeros, the driver shows nine digits. Reads that return such text instead of
 * the value spare the driver building a DateTime with its Integer arithmetic. Idempotent; other text is returned
 * as it is.
 */
export function fromCypherUtcText(text: string): string {
  return text.replace(/\.(\d{1,8})Z$/, (_match, fraction: string) => `.${fraction.padEnd(9, '0')}Z`);
}

/**
 * Converts what the driver returns into plain JavaScript: integers to numbers, temporals to ISO strings, nodes and
 * relationships to their properties. Repositories hand only plain values to the rest of the code.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values in a row are strings, numbers and booleans: answer them before six driver type checks each.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value)) return fastTemporalText(value) ?? String(value);
  if (neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) return String(value);
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain((value as { properties: unknown }).properties);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(child);
  return out;
}
