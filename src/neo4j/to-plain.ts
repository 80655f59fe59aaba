import neo4j from 'neo4j-driver';

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
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return String(value);
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain((value as { properties: unknown }).properties);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(child);
  return out;
}
