import { SqlError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { parseFunctionReference } from '../sqlUdfs/functionReference';
import { isTemporary } from '../sqlUdfs/udfCatalog';
import { signatureText } from '../sqlUdfs/udfDefinition';
import { findOverload } from '../sqlUdfs/udfLookup';
import { CatalogLookup } from './describeTable';

// GET_DDL('FUNCTION', 'name(types)' [, fully_qualified]) for a SQL UDF
// (https://docs.snowflake.com/en/sql-reference/functions/get_ddl): the CREATE statement rebuilt
// from the stored definition, in the layout GET_DDL gives procedures here (quoted names,
// one clause a line, the body quoted).

export async function functionDdl(name: string, fullyQualified: boolean, session: DuckSession, lookup: CatalogLookup, queryId: string): Promise<string> {
  const reference = parseFunctionReference(name);
  const missing = (): SqlError =>
    new SqlError('002003', '02000', `SQL compilation error:\nFunction '${reference ? `${reference.nameParts.join('.')}${signatureText(reference.types)}` : name}' does not exist or not authorized.`, queryId);
  if (!reference) throw missing();
  const found = await findOverload(lookup, reference, session);
  if (!found) throw missing();
  const { stored, overload } = found;
  const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
  const temporary = isTemporary(stored, session);
  const where = temporary ? [session.context.database, session.context.schema] : [stored.catalog, stored.schema];
  const shown = fullyQualified ? [...where, stored.name].map(quote).join('.') : quote(stored.name);
  const args = overload.args.map((argument) => `${quote(argument.name)} ${argument.type}${argument.defaultSql === undefined ? '' : ` DEFAULT ${argument.defaultSql}`}`);
  const returns = overload.returns;
  const lines = [
    `CREATE OR REPLACE ${temporary ? 'TEMPORARY ' : ''}${overload.secure ? 'SECURE ' : ''}FUNCTION ${shown}(${args.join(', ')})`,
    returns.kind === 'table' ? `RETURNS TABLE (${returns.columns.map((column) => `${quote(column.name)} ${column.type}`).join(', ')})` : `RETURNS ${returns.type}${returns.notNull ? ' NOT NULL' : ''}`,
    'LANGUAGE SQL',
    ...(overload.strict ? ['RETURNS NULL ON NULL INPUT'] : []),
    ...(overload.volatility === 'IMMUTABLE' ? ['IMMUTABLE'] : []),
    ...(overload.memoizable ? ['MEMOIZABLE'] : []),
    ...(overload.comment === undefined ? [] : [`COMMENT='${overload.comment.replace(/'/g, "''")}'`]),
    `AS '${overload.body.replace(/'/g, "''")}';`,
  ];
  return lines.join('\n');
}
