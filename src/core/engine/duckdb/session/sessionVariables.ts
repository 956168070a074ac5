import { QueryResult } from '../../../runner/protocol';
import { quoteStringLiteral } from '../../../sql/literals';
import { scanSql } from '../../../sql/scanSql';
import { SqlError } from '../../sqlError';

// Snowflake session variables (SET x = …, then $x). Each value is kept as a Snowflake
// literal of its type and spliced into the statement's text before translation, so the
// dialect sees `10`, `'example'` or `'2024-01-31'::DATE` where the user wrote `$x`.

// `$x` after anything but a word character: SYSTEM$WAIT and $1 never match.
const MAY_REFERENCE_VARIABLE = /(?:^|[^A-Za-z0-9_$])\$[A-Za-z_]/;
const VARIABLE_TOKEN = /^\$[A-Za-z_][A-Za-z0-9_$]*$/;

/** Replaces `$name` outside strings, quoted names and comments with the variable's literal. */
export function substituteVariables(sql: string, variables: ReadonlyMap<string, string>, queryId: string): string {
  if (!MAY_REFERENCE_VARIABLE.test(sql)) return sql;
  let out = '';
  for (const token of scanSql(sql)) {
    if (token.kind === 'word' && VARIABLE_TOKEN.test(token.text)) {
      const name = token.text.slice(1).toUpperCase();
      const literal = variables.get(name);
      if (literal === undefined) {
        throw new SqlError('002211', '02000', `SQL compilation error: error line 0 at position ${token.start}\nSession variable '$${name}' does not exist`, queryId);
      }
      out += `(${literal})`;
    } else out += token.text;
  }
  return out;
}

/** The literals of a one-row result's cells, for SET (a, b) = (…). */
export function literalsOf(result: QueryResult): string[] {
  if (result.rowCount !== 1) {
    throw new SqlError('000002', '0A000', `Unsupported feature: assignment from a query that returns ${result.rowCount} rows.`, result.queryId);
  }
  return result.columns.map((column, i) => literalOf(result.data[i][0], column.type));
}

function literalOf(cell: unknown, type: string): string {
  if (cell === null || cell === undefined) return 'NULL';
  if (type.startsWith('NUMBER')) return String(cell);
  if (type === 'BOOLEAN') return cell ? 'TRUE' : 'FALSE';
  const text = typeof cell === 'string' ? cell : JSON.stringify(cell);
  if (type === 'FLOAT') return `${quoteStringLiteral(String(cell))}::FLOAT`;
  if (type === 'VARCHAR' || type === 'TEXT' || type.startsWith('VARCHAR')) return quoteStringLiteral(text);
  // Dates, times, timestamps, VARIANT …: the text with its type, so $x keeps its type.
  return `${quoteStringLiteral(text)}::${type}`;
}
