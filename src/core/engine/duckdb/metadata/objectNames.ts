// Object names as SHOW and DESCRIBE take them: up to three dot-separated parts, each a plain
// identifier or a double-quoted one. Quoted parts keep their text, plain ones are folded to
// upper case as Snowflake folds them; lookups compare without case anyway, since the local
// catalog stores identifiers as written (see catalogSql.ts `snowflakeName`).

const PART = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
/** A name of one to three parts, for use inside a larger pattern. */
export const OBJECT_NAME = String.raw`${PART}(?:\s*\.\s*${PART}){0,2}`;

/** A single-quoted string literal (LIKE '…', STARTS WITH '…'), for use inside a larger pattern. */
export const STRING_LITERAL = String.raw`'(?:[^'\\]|''|\\.)*'`;

/** [database, schema, name] of a one- to three-part object name, completed from the session's current database and schema. */
export function qualifiedParts(parts: readonly string[], database: string, schema: string): [string, string, string] {
  if (parts.length === 3) return [parts[0], parts[1], parts[2]];
  if (parts.length === 2) return [database, parts[0], parts[1]];
  return [database, schema, parts[0]];
}

/** `db."My Schema".t` → ['DB', 'My Schema', 'T']. */
export function nameParts(name: string): string[] {
  const parts: string[] = [];
  const pattern = new RegExp(PART, 'g');
  for (const match of name.match(pattern) ?? []) {
    parts.push(match.startsWith('"') ? match.slice(1, -1).replace(/""/g, '"') : match.toUpperCase());
  }
  return parts;
}

/** The parts as Snowflake writes them in a message: plain when they can be, quoted otherwise. */
export function displayName(parts: readonly string[]): string {
  return parts.map((part) => (/^[A-Z_][A-Z0-9_$]*$/.test(part) ? part : `"${part.replace(/"/g, '""')}"`)).join('.');
}
