// QUERY_HISTORY's QUERY_TYPE: the kind of statement as Snowflake names it (SELECT, INSERT,
// CREATE_TABLE, CREATE_TABLE_AS_SELECT, ALTER_SESSION …), read from its first words.
// https://docs.snowflake.com/en/sql-reference/functions/query_history

/** Objects whose CREATE Snowflake names with the object (`CREATE_VIEW` …); others are plain `CREATE`. */
const NAMED_OBJECTS = new Set(['VIEW', 'ROLE', 'USER', 'STREAM', 'TASK']);

/** Words that may sit between CREATE and the object kind. */
const CREATE_MODIFIERS = new Set(['OR', 'REPLACE', 'TEMPORARY', 'TEMP', 'TRANSIENT', 'VOLATILE', 'LOCAL', 'GLOBAL', 'SECURE', 'RECURSIVE', 'MATERIALIZED', 'EXTERNAL', 'DYNAMIC', 'HYBRID', 'ICEBERG', 'EVENT']);

const SIMPLE: Record<string, string> = {
  SELECT: 'SELECT',
  WITH: 'SELECT',
  VALUES: 'SELECT',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  MERGE: 'MERGE',
  SHOW: 'SHOW',
  DESCRIBE: 'DESCRIBE',
  DESC: 'DESCRIBE',
  EXPLAIN: 'EXPLAIN',
  USE: 'USE',
  CALL: 'CALL',
  BEGIN: 'BEGIN_TRANSACTION',
  START: 'BEGIN_TRANSACTION',
  COMMIT: 'COMMIT',
  ROLLBACK: 'ROLLBACK',
  SET: 'SET',
  UNSET: 'UNSET',
  GRANT: 'GRANT',
  REVOKE: 'REVOKE',
  UNDROP: 'RESTORE',
  PUT: 'PUT_FILES',
  GET: 'GET_FILES',
  LIST: 'LIST_FILES',
  LS: 'LIST_FILES',
  REMOVE: 'REMOVE_FILES',
  RM: 'REMOVE_FILES',
  COMMENT: 'COMMENT',
  EXECUTE: 'EXECUTE',
};

/** The statement's leading words, upper-cased, past comments and opening brackets. */
function leadingWords(sql: string, count: number): string[] {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').replace(/^[\s(]+/, '');
  return (text.match(/[A-Za-z_][A-Za-z_0-9$]*|\S/g) ?? []).slice(0, count).map((word) => word.toUpperCase());
}

function alterType(kind: string | undefined, rest: string[]): string {
  if (kind === 'SESSION' || kind === 'USER') return `ALTER_${kind}`;
  if (kind !== 'TABLE') return 'ALTER';
  if (rest.includes('RENAME') && rest.includes('TO') && !rest.includes('COLUMN')) return 'RENAME_TABLE';
  if (rest.includes('ADD') && !rest.includes('CONSTRAINT')) return 'ALTER_TABLE_ADD_COLUMN';
  if (rest.includes('DROP') && !rest.includes('CONSTRAINT')) return 'ALTER_TABLE_DROP_COLUMN';
  return 'ALTER_TABLE';
}

export function statementQueryType(sql: string): string {
  const words = leadingWords(sql, 12);
  const [first, second] = words;
  if (first === undefined) return 'UNKNOWN';
  if (first === 'INSERT') return second === 'ALL' || second === 'FIRST' ? 'MULTI_TABLE_INSERT' : 'INSERT';
  // COPY INTO @stage unloads; COPY INTO <table> loads.
  if (first === 'COPY') return words[2] === '@' || /^'/.test(words[2] ?? '') ? 'UNLOAD' : 'COPY';
  if (first === 'TRUNCATE') return 'TRUNCATE_TABLE';
  if (first === 'CREATE') {
    const kind = words.slice(1).find((word) => !CREATE_MODIFIERS.has(word));
    if (kind === 'TABLE') return /\bAS\s*\(?\s*(SELECT|WITH)\b/i.test(sql) ? 'CREATE_TABLE_AS_SELECT' : 'CREATE_TABLE';
    return kind && NAMED_OBJECTS.has(kind) ? `CREATE_${kind}` : 'CREATE';
  }
  if (first === 'ALTER') return alterType(second, words.slice(2));
  if (first === 'DROP') return 'DROP';
  return SIMPLE[first] ?? 'UNKNOWN';
}
