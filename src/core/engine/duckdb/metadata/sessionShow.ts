import { unquoteStringLiteral } from '../../../sql/literals';
import { DuckSession } from '../session/duckSession';
import { literal } from './catalogSql';
import { MetadataQuery } from './metadataQuery';
import { STRING_LITERAL } from './objectNames';
import { SESSION_PARAMETER_DEFAULTS } from './sessionParameterDefaults';

// SHOW VARIABLES (https://docs.snowflake.com/en/sql-reference/sql/show-variables) and
// SHOW PARAMETERS [LIKE …] [IN SESSION] (…/show-parameters): the session's own state, which
// the engine keeps (SET, ALTER SESSION), as rows. LIKE is case-insensitive, as on every SHOW.

const SHOW_VARIABLES = new RegExp(String.raw`^\s*show\s+variables(?:\s+like\s+(${STRING_LITERAL}))?\s*;?\s*$`, 'i');
const SHOW_PARAMETERS = new RegExp(String.raw`^\s*show\s+parameters(?:\s+like\s+(${STRING_LITERAL}))?(?:\s+(?:in|for)\s+session)?\s*;?\s*$`, 'i');

export const SHOW_VARIABLES_COLUMNS = ['session_id', 'created_on', 'updated_on', 'name', 'value', 'type', 'comment'];
export const SHOW_PARAMETERS_COLUMNS = ['key', 'value', 'default', 'level', 'description'];

export function sessionShowQuery(sql: string, session: DuckSession): MetadataQuery | undefined {
  const variables = SHOW_VARIABLES.exec(sql);
  if (variables) return showVariables(session, variables[1]);
  const parameters = SHOW_PARAMETERS.exec(sql);
  if (parameters) return showParameters(session, parameters[1]);
  return undefined;
}

/** `rows` (SQL expressions per column) as a query with `columns`, filtered and ordered by `nameColumn`. */
function rowsQuery(columns: string[], rows: string[][], nameColumn: string, like: string | undefined): MetadataQuery {
  const names = columns.map((column) => `"${column}"`).join(', ');
  const values = rows.length ? `VALUES ${rows.map((row) => `(${row.join(', ')})`).join(', ')}` : `SELECT ${columns.map(() => 'NULL').join(', ')} WHERE false`;
  const where = like ? ` WHERE "${nameColumn}" ILIKE ${literal(unquoteStringLiteral(like))} ESCAPE '\\'` : '';
  return { sql: `SELECT * FROM (${values}) AS shown(${names})${where} ORDER BY "${nameColumn}"`, columns };
}

function showVariables(session: DuckSession, like: string | undefined): MetadataQuery {
  const rows = [...session.variables].map(([name, value]) => {
    const { text, type } = describeLiteral(value);
    return ['NULL::BIGINT', 'NULL::TIMESTAMPTZ', 'NULL::TIMESTAMPTZ', literal(name), literal(text), literal(type), "''"];
  });
  return rowsQuery(SHOW_VARIABLES_COLUMNS, rows, 'name', like);
}

/**
 * A variable's value as SHOW VARIABLES prints it, and its type family in lower case (fixed,
 * text …, as on the session-variables page). Variables are kept as Snowflake literals
 * (sessionVariables.ts): `40`, `'example'`, `'1.5'::FLOAT`, `'2024-01-31'::DATE`, TRUE, NULL.
 */
function describeLiteral(value: string): { text: string | null; type: string } {
  if (/^-?\d+(\.\d+)?$/.test(value)) return { text: value, type: 'fixed' };
  if (/^(TRUE|FALSE)$/i.test(value)) return { text: value.toLowerCase(), type: 'boolean' };
  if (/^NULL$/i.test(value)) return { text: null, type: 'null' };
  const typed = /^('(?:[^']|'')*')(?:::(.+))?$/s.exec(value);
  if (!typed) return { text: value, type: 'text' };
  const text = unquoteStringLiteral(typed[1]);
  const type = (typed[2] ?? 'TEXT').toUpperCase();
  return { text, type: type === 'FLOAT' ? 'real' : type.replace(/\(.*$/, '').toLowerCase() };
}

function showParameters(session: DuckSession, like: string | undefined): MetadataQuery {
  const known = new Set(SESSION_PARAMETER_DEFAULTS.map((parameter) => parameter.key));
  const rows = SESSION_PARAMETER_DEFAULTS.map((parameter) => {
    const set = session.parameters.get(parameter.key);
    // Unset, the local engine runs in DuckDB's time zone (the machine's), not Snowflake's default.
    const value = set !== undefined ? literal(set) : parameter.key === 'TIMEZONE' ? "current_setting('TimeZone')" : literal(parameter.default);
    return [literal(parameter.key), value, literal(parameter.default), literal(set !== undefined ? 'SESSION' : ''), literal(parameter.description)];
  });
  // Parameters the list does not know are still the session's: shown as set.
  for (const [key, value] of session.parameters) {
    if (!known.has(key)) rows.push([literal(key), literal(value), "''", "'SESSION'", "''"]);
  }
  return rowsQuery(SHOW_PARAMETERS_COLUMNS, rows, 'key', like);
}
