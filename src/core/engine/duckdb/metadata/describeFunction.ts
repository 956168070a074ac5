import { SqlError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { parseFunctionReference } from '../sqlUdfs/functionReference';
import { signatureText, typeFamily, UdfReturns } from '../sqlUdfs/udfDefinition';
import { findOverload } from '../sqlUdfs/udfLookup';
import { literal } from './catalogSql';
import { CatalogLookup } from './describeTable';
import { MetadataQuery } from './metadataQuery';

// DESCRIBE | DESC FUNCTION name(types) (https://docs.snowflake.com/en/sql-reference/sql/desc-function)
// for a SQL UDF: property/value rows, as Snowflake's example shows them (signature, returns,
// language, body), then the clauses the definition carries.

const DESCRIBE_FUNCTION = /^\s*(?:describe|desc)\s+function\s+([\s\S]+?)\s*;?\s*$/i;

export async function describeFunctionQuery(sql: string, session: DuckSession, lookup: CatalogLookup, queryId: string): Promise<MetadataQuery | undefined> {
  const match = DESCRIBE_FUNCTION.exec(sql);
  if (!match) return undefined;
  const reference = parseFunctionReference(match[1]);
  if (!reference) {
    throw new SqlError('001003', '42000', "SQL compilation error:\nsyntax error: DESCRIBE FUNCTION names the function's argument types: DESCRIBE FUNCTION name(type, …).", queryId);
  }
  const found = await findOverload(lookup, reference, session);
  const name = reference.nameParts[reference.nameParts.length - 1];
  if (!found) throw new SqlError('002003', '02000', `SQL compilation error:\nFunction '${name}${signatureText(reference.types)}' does not exist or not authorized.`, queryId);
  const { overload } = found;
  const properties: Array<[string, string]> = [
    ['signature', `(${overload.args.map((argument) => `${argument.name} ${typeFamily(argument.type)}`).join(', ')})`],
    ['returns', returnsText(overload.returns)],
    ['language', 'SQL'],
    ['body', overload.body],
    ['null handling', overload.strict ? 'RETURNS NULL ON NULL INPUT' : 'CALLED ON NULL INPUT'],
    ['volatility', overload.volatility],
    ['memoizable', overload.memoizable ? 'true' : 'false'],
  ];
  const rows = properties.map(([property, value]) => `SELECT ${literal(property)} AS "property", ${literal(value)} AS "value"`);
  return { sql: rows.join(' UNION ALL '), columns: ['property', 'value'] };
}

/** `NUMBER(38,0)`, `VARCHAR(10)`, `TABLE (X NUMBER(38,0), …)`: the declared type with Snowflake's defaults. */
export function returnsText(returns: UdfReturns): string {
  if (returns.kind === 'table') return `TABLE (${returns.columns.map((column) => `${column.name} ${fullType(column.type)}`).join(', ')})`;
  return `${fullType(returns.type)}${returns.notNull ? ' NOT NULL' : ''}`;
}

function fullType(type: string): string {
  const family = typeFamily(type);
  const params = /\(([^)]*)\)\s*$/.exec(type)?.[1].split(',').map((param) => param.trim());
  if (family === 'NUMBER') {
    // INT and its kin are NUMBER(38,0); NUMBER(p) has scale 0.
    if (!params || !/^(NUMBER|NUMERIC|DECIMAL|DEC)\b/.test(type)) return 'NUMBER(38,0)';
    return `NUMBER(${params[0]},${params[1] ?? '0'})`;
  }
  return params && (family === 'VARCHAR' || family === 'BINARY') ? `${family}(${params[0]})` : family;
}
