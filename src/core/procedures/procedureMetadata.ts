import { SqlError } from '../engine/sqlError';
import { SessionContext } from '../runner/protocol';
import { normaliseName, RegisteredProcedure } from './procedureCatalog';

// SHOW PROCEDURES (https://docs.snowflake.com/en/sql-reference/sql/show-procedures) and
// DESCRIBE PROCEDURE name(types) (…/desc-procedure) for the procedures the local catalog
// holds. They are answered as a Snowflake SELECT over literal rows that the engine runs like
// any query, so the result is retained and RESULT_SCAN(LAST_QUERY_ID()) reads it. The local
// catalog has no schemas: every procedure shows in the session's current database and schema.

const STRING = String.raw`'(?:[^'\\]|''|\\.)*'`;
const SHOW_PROCEDURES = new RegExp(String.raw`^\s*show\s+(?:user\s+)?procedures(?:\s+like\s+(${STRING}))?(?:\s+in\s+[\s\S]*?)?\s*;?\s*$`, 'i');
const DESCRIBE_PROCEDURE = /^\s*desc(?:ribe)?\s+procedure\s+((?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)){0,2})\s*\(([^)]*)\)\s*;?\s*$/i;

export const SHOW_PROCEDURES_COLUMNS = [
  'created_on', 'name', 'schema_name', 'is_builtin', 'is_aggregate', 'is_ansi', 'min_num_arguments', 'max_num_arguments', 'arguments',
  'description', 'catalog_name', 'is_table_function', 'valid_for_clustering', 'is_secure',
];

/** The Snowflake SELECT answering SHOW/DESCRIBE PROCEDURE, or undefined for other statements. */
export function procedureMetadataSql(statement: string, procedures: readonly RegisteredProcedure[], context: SessionContext, queryId: string): string | undefined {
  const shown = SHOW_PROCEDURES.exec(statement);
  if (shown) return showProcedures(procedures, context, shown[1]);
  const described = DESCRIBE_PROCEDURE.exec(statement);
  if (described) return describeProcedure(procedures, described[1], described[2], queryId);
  return undefined;
}

function showProcedures(procedures: readonly RegisteredProcedure[], context: SessionContext, like: string | undefined): string {
  const rows = procedures.map((procedure) => {
    const required = procedure.args.filter((argument) => !argument.hasDefault).length;
    return [
      'NULL::TIMESTAMP_LTZ', text(procedure.name), text(context.schema), "'N'", "'N'", "'N'", String(required), String(procedure.args.length),
      text(argumentsText(procedure)), "'user-defined procedure'", text(context.database),
      procedure.returnType.toUpperCase().startsWith('TABLE') ? "'Y'" : "'N'", "'N'", "'N'",
    ];
  });
  const where = like ? ` WHERE "name" ILIKE ${like}` : '';
  return `SELECT * FROM (${rowsSql(SHOW_PROCEDURES_COLUMNS, rows)})${where} ORDER BY "name"`;
}

/** The procedure `name(types)` names: name and argument types must both match, as Snowflake overloads on them. */
function findProcedure(procedures: readonly RegisteredProcedure[], name: string, typeList: string, queryId: string): RegisteredProcedure {
  const types = typeList.trim() ? typeList.split(',').map((type) => argumentType(type)) : [];
  const procedure = procedures.find((candidate) => candidate.name === normaliseName(name));
  const matches = procedure && procedure.args.length === types.length && procedure.args.every((argument, i) => argumentType(argument.type ?? '') === types[i]);
  if (!procedure || !matches) {
    throw new SqlError('002003', '02000', `SQL compilation error:\nProcedure '${normaliseName(name)}(${types.join(', ')})' does not exist or not authorized.`, queryId);
  }
  return procedure;
}

function describeProcedure(procedures: readonly RegisteredProcedure[], name: string, typeList: string, queryId: string): string {
  const procedure = findProcedure(procedures, name, typeList, queryId);
  const properties: Array<[string, string]> = [
    ['signature', `(${procedure.args.map((argument) => `${argument.name} ${argument.type ?? ''}`.trim()).join(', ')})`],
    ['returns', procedure.returnType],
    ['language', procedure.language],
    ['null handling', 'CALLED ON NULL INPUT'],
    ['volatility', 'VOLATILE'],
    ['execute as', 'OWNER'],
    ['body', procedure.body],
    ['imports', `[${procedure.imports.join(', ')}]`],
    ['handler', procedure.handler],
    ['packages', `[${procedure.packages.map((name) => `'${name}'`).join(', ')}]`],
  ];
  return rowsSql(['property', 'value'], properties.map(([property, value]) => [text(property), text(value)]));
}

const GET_DDL_PROCEDURE = /\bget_ddl\s*\(\s*'procedure'\s*,\s*'([^'()]+)\(([^)]*)\)'\s*(?:,\s*(?:true|false)\s*)?\)/gi;

/**
 * GET_DDL('PROCEDURE', 'name(types)') replaced by the DDL text as a literal: the engine that
 * evaluates the other GET_DDL kinds does not know the procedure catalog. Layout as on the
 * GET_DDL page: quoted names, RETURNS, LANGUAGE, …, EXECUTE AS OWNER, AS '<body>'.
 */
export function substituteProcedureDdl(statement: string, procedures: readonly RegisteredProcedure[], queryId: string): string {
  return statement.replace(GET_DDL_PROCEDURE, (_whole, name: string, typeList: string) => {
    const procedure = findProcedure(procedures, name, typeList, queryId);
    const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
    const lines = [
      `CREATE OR REPLACE PROCEDURE ${quote(procedure.name)}(${procedure.args.map((argument) => `${quote(argument.name)} ${argument.type ?? ''}`.trim()).join(', ')})`,
      `RETURNS ${procedure.returnType}`,
      `LANGUAGE ${procedure.language}`,
      ...(procedure.packages.length ? [`PACKAGES = (${procedure.packages.map((name) => `'${name}'`).join(',')})`] : []),
      ...(procedure.imports.length ? [`IMPORTS = (${procedure.imports.map((name) => `'${name}'`).join(',')})`] : []),
      ...(procedure.handler ? [`HANDLER = '${procedure.handler}'`] : []),
      'EXECUTE AS OWNER',
      `AS '${procedure.body.replace(/'/g, "''")}';`,
    ];
    return text(lines.join('\n'));
  });
}

/** `AREA_OF_CIRCLE(FLOAT) RETURN FLOAT`, optional arguments marked DEFAULT, as SHOW PROCEDURES prints it. */
export function argumentsText(procedure: RegisteredProcedure): string {
  const args = procedure.args.map((argument) => `${argument.hasDefault ? 'DEFAULT ' : ''}${argumentType(argument.type ?? '')}`);
  return `${procedure.name}(${args.join(', ')}) RETURN ${returnText(procedure.returnType)}`;
}

function returnText(returnType: string): string {
  const table = /^\s*TABLE\s*\(([\s\S]*)\)\s*$/i.exec(returnType);
  if (!table) return argumentType(returnType);
  const columns = table[1].split(/,(?![^(]*\))/).map((column) => column.trim()).filter(Boolean);
  return `TABLE (${columns.map((column) => column.replace(/^(\S+)\s+([\s\S]+)$/, (_m, name: string, type: string) => `${name} ${argumentType(type)}`)).join(', ')})`;
}

/** Snowflake's name for a declared type, without length or precision: INT → NUMBER, STRING → VARCHAR. */
export function argumentType(declared: string): string {
  const base = declared.trim().toUpperCase().replace(/\s*\(.*$/, '').replace(/\s+/g, ' ');
  const aliases: Record<string, string> = {
    INT: 'NUMBER', INTEGER: 'NUMBER', BIGINT: 'NUMBER', SMALLINT: 'NUMBER', TINYINT: 'NUMBER', BYTEINT: 'NUMBER', DECIMAL: 'NUMBER', NUMERIC: 'NUMBER',
    STRING: 'VARCHAR', TEXT: 'VARCHAR', CHAR: 'VARCHAR', CHARACTER: 'VARCHAR', 'CHAR VARYING': 'VARCHAR', NCHAR: 'VARCHAR', NVARCHAR: 'VARCHAR',
    DOUBLE: 'FLOAT', 'DOUBLE PRECISION': 'FLOAT', REAL: 'FLOAT', FLOAT4: 'FLOAT', FLOAT8: 'FLOAT',
    DATETIME: 'TIMESTAMP_NTZ', TIMESTAMP: 'TIMESTAMP_NTZ', VARBINARY: 'BINARY', BOOL: 'BOOLEAN',
  };
  return aliases[base] ?? base;
}

/** Rows of SQL expressions as a SELECT whose columns keep their lower-case names. */
function rowsSql(columns: readonly string[], rows: string[][]): string {
  const select = columns.map((column, i) => `column${i + 1} AS "${column}"`).join(', ');
  if (rows.length === 0) return `SELECT ${columns.map((column) => `NULL AS "${column}"`).join(', ')} WHERE FALSE`;
  return `SELECT ${select} FROM (VALUES ${rows.map((row) => `(${row.join(', ')})`).join(', ')})`;
}

/** A Snowflake string literal: backslashes are escapes there, so they are doubled too. */
function text(value: string | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
