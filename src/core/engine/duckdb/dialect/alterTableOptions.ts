import { isPunct, isTokenOf, isWord, nodesText, significantNodes } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { readQualifiedName } from '../../../sql/identifiers';
import { StatementRule } from './ruleTypes';

// ALTER TABLE's storage and governance actions (https://docs.snowflake.com/en/sql-reference/sql/alter-table:
// SET/UNSET DATA_RETENTION_TIME_IN_DAYS, CHANGE_TRACKING…, CLUSTER BY, DROP CLUSTERING KEY,
// SUSPEND/RESUME RECLUSTER, row access and aggregation policies, tags; and for a column
// (https://docs.snowflake.com/en/sql-reference/sql/alter-table-column) its COMMENT, masking and
// projection policies and tags), the counterparts of the CREATE TABLE clauses tableOptionRules.ts
// drops. A COMMENT becomes DuckDB's COMMENT ON (what SHOW TABLES and DESCRIBE read); the other
// actions change no answer locally and become ANALYZE of the table, which does nothing visible
// but fails, as Snowflake does, when the table does not exist.

/** Words that start an action this file answers. */
const TABLE_ACTIONS = ['SET', 'UNSET', 'CLUSTER', 'DROP', 'SUSPEND', 'RESUME', 'RECLUSTER', 'ADD'];

/** `DROP CLUSTERING KEY`, `DROP ROW ACCESS POLICY p`, `ADD ROW ACCESS POLICY p ON (…)`: governance and clustering only. */
function isStorageAction(words: SqlNode[]): boolean {
  const [first, second] = words;
  if (isWord(first, 'DROP', 'ADD')) return isWord(second, 'CLUSTERING', 'ROW', 'AGGREGATION', 'ALL', 'JOIN', 'PROJECTION');
  if (isWord(first, 'SUSPEND', 'RESUME')) return isWord(second, 'RECLUSTER');
  return isWord(first, 'SET', 'UNSET', 'CLUSTER', 'RECLUSTER');
}

/** The string after `COMMENT =` (SET) or `COMMENT` (a column), if the action sets one. */
function commentText(words: SqlNode[]): string | undefined {
  const at = words.findIndex((node) => isWord(node, 'COMMENT'));
  if (at < 0) return undefined;
  const value = isPunct(words[at + 1], '=') ? words[at + 2] : words[at + 1];
  return isTokenOf(value, 'string') ? value.token.text : undefined;
}

function unsetsComment(words: SqlNode[]): boolean {
  return isWord(words[0], 'UNSET') && words.some((node) => isWord(node, 'COMMENT'));
}

/** `ALTER|MODIFY [COLUMN] c <COMMENT '…' | UNSET COMMENT | SET/UNSET MASKING POLICY … | SET/UNSET TAG …>`. */
function columnAction(table: string, words: SqlNode[]): string | undefined {
  if (!isWord(words[0], 'ALTER', 'MODIFY')) return undefined;
  let at = 1;
  if (isWord(words[at], 'COLUMN')) at++;
  const column = readQualifiedName(words, at);
  if (!column || column.parts.length !== 1) return undefined;
  const rest = words.slice(column.end);
  // Only one column's action: `, COLUMN b …` lists are left to DuckDB's own error.
  if (rest.some((node) => isPunct(node, ','))) return undefined;
  const columnText = nodesText(words.slice(at, column.end));
  if (isWord(rest[0], 'COMMENT')) {
    const text = commentText(rest);
    return text === undefined ? undefined : `COMMENT ON COLUMN ${table}.${columnText} IS ${text}`;
  }
  if (isWord(rest[0], 'UNSET') && isWord(rest[1], 'COMMENT')) return `COMMENT ON COLUMN ${table}.${columnText} IS NULL`;
  const governance = isWord(rest[0], 'SET', 'UNSET') && isWord(rest[1], 'MASKING', 'PROJECTION', 'TAG');
  return governance ? `ANALYZE ${table}` : undefined;
}

export const alterTableOptionsRule: StatementRule = {
  kind: 'statement',
  name: 'ALTER TABLE options',
  why: "Snowflake's ALTER TABLE SET/UNSET options, CLUSTER BY, policies and tags have no DuckDB form and change no answer locally; a COMMENT becomes COMMENT ON.",
  apply(nodes, _translator, context) {
    // Every statement passes here: only an ALTER's words are read.
    if (context.statementKeyword !== 'ALTER') return undefined;
    const words = significantNodes(nodes);
    if (!isWord(words[0], 'ALTER') || !isWord(words[1], 'TABLE')) return undefined;
    // IF EXISTS: DuckDB's ANALYZE and COMMENT ON have no such form; left to DuckDB.
    const name = readQualifiedName(words, 2);
    if (!name) return undefined;
    const table = nodesText(words.slice(2, name.end));
    const action = words.slice(name.end);
    const column = columnAction(table, action);
    if (column !== undefined) return column;
    if (!isWord(action[0], ...TABLE_ACTIONS) || !isStorageAction(action)) return undefined;
    const comment = isWord(action[0], 'SET') ? commentText(action) : undefined;
    if (comment !== undefined) return `COMMENT ON TABLE ${table} IS ${comment}`;
    if (unsetsComment(action)) return `COMMENT ON TABLE ${table} IS NULL`;
    return `ANALYZE ${table}`;
  },
};
