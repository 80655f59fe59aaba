import neo4j from 'neo4j-driver';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * A string as a single-quoted Cypher literal: backslash, quote and the usual controls escaped, other control characters
 * and lone surrogates (a Java string may hold them; UTF-8 may not) as \uXXXX, so the statement text is valid UTF-8 and
 * holds no raw line break.
 */
export function cypherString(value: string): string {
  const body = value.replace(/[\\'\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${body}'`;
}

/**
 * A JavaScript number as Cypher reads the parameter it would be: the driver sends every JavaScript number as a FLOAT,
 * so the literal is a float too (5 -> 5.0; Cypher's exponent takes no "+").
 */
function floatLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`no Cypher literal for ${value}`);
  const text = String(value).replace('e+', 'e');
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** A map key as Cypher reads it: bare when an identifier, else in backticks. */
function cypherKey(key: string): string {
  return IDENTIFIER.test(key) ? key : `\`${key.replace(/`/g, '``')}\``;
}

/**
 * A parameter value as a Cypher literal with the same type and value: null, booleans, floats (JavaScript numbers),
 * integers (driver Integers), strings, DATEs (driver Dates), lists and maps. Other driver types are not written by the
 * export and are refused rather than guessed.
 */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return floatLiteral(value);
  if (typeof value === 'string') return cypherString(value);
  if (neo4j.isInt(value)) return value.toString();
  if (neo4j.isDate(value)) return `date('${value.toString()}')`;
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .map(([key, child]) => `${cypherKey(key)}: ${cypherLiteral(child)}`)
      .join(', ')}}`;
  }
  throw new Error(`no Cypher literal for ${Object.prototype.toString.call(value)}`);
}

/**
 * A parameterised statement with its parameters written in as literals, for a script cypher-shell runs as it is:
 * comment lines are dropped (they name parameters), every `$name` must have a value.
 */
export function withLiterals(statement: string, params: Readonly<Record<string, unknown>>): string {
  return statement
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
      if (!(name in params)) throw new Error(`no value for $${name}`);
      return cypherLiteral(params[name]);
    });
}
