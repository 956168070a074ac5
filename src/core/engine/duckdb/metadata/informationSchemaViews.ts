import { DuckSession } from '../session/duckSession';
import { literal, objectsSql, schemasSql, selectColumns as select } from './catalogSql';
import { sequencesSql } from './sequenceSql';

// [<db>.]INFORMATION_SCHEMA.VIEWS, .SCHEMATA and .SEQUENCES with Snowflake's columns, in its
// order (https://docs.snowflake.com/en/sql-reference/info-schema/views, …/schemata,
// …/sequences). VIEWS lists the user's views only (not INFORMATION_SCHEMA's own), and
// VIEW_DEFINITION is the query DuckDB keeps: the translated text, not the original.

const owner = (session: DuckSession): string => literal(session.context.role || null);

export function viewsSql(catalog: string, session: DuckSession): string {
  const columns: Array<readonly [string, string]> = [
    ['TABLE_CATALOG', 'db'],
    ['TABLE_SCHEMA', 'sch'],
    ['TABLE_NAME', 'name'],
    ['TABLE_OWNER', owner(session)],
    ['VIEW_DEFINITION', 'text'],
    ['CHECK_OPTION', "'NONE'"],
    ['IS_UPDATABLE', "'NO'"],
    ['INSERTABLE_INTO', "'NO'"],
    ['IS_SECURE', "'NO'"],
    ['CREATED', 'NULL::TIMESTAMPTZ'],
    ['LAST_ALTERED', 'NULL::TIMESTAMPTZ'],
    ['LAST_DDL', 'NULL::TIMESTAMPTZ'],
    ['LAST_DDL_BY', 'NULL::VARCHAR'],
    ['COMMENT', 'comment'],
  ];
  return `SELECT ${select(columns)} FROM (${objectsSql(session)}) WHERE is_view AND lower(db) = lower(${literal(catalog)})`;
}

export function schemataSql(catalog: string, session: DuckSession): string {
  const columns: Array<readonly [string, string]> = [
    ['CATALOG_NAME', 'db'],
    ['SCHEMA_NAME', 'name'],
    ['SCHEMA_OWNER', `CASE WHEN info THEN NULL ELSE ${owner(session)} END`],
    ['IS_TRANSIENT', "'NO'"],
    ['IS_MANAGED_ACCESS', "'NO'"],
    ['RETENTION_TIME', 'CASE WHEN info THEN NULL ELSE 1 END'],
    ['DEFAULT_CHARACTER_SET_CATALOG', 'NULL::VARCHAR'],
    ['DEFAULT_CHARACTER_SET_SCHEMA', 'NULL::VARCHAR'],
    ['DEFAULT_CHARACTER_SET_NAME', 'NULL::VARCHAR'],
    ['SQL_PATH', 'NULL::VARCHAR'],
    ['CREATED', 'NULL::TIMESTAMPTZ'],
    ['LAST_ALTERED', 'NULL::TIMESTAMPTZ'],
    ['COMMENT', 'comment'],
  ];
  return `SELECT ${select(columns)} FROM (${schemasSql()}) WHERE lower(db) = lower(${literal(catalog)})`;
}

export function sequencesInfoSql(catalog: string, session: DuckSession): string {
  const columns: Array<readonly [string, string]> = [
    ['SEQUENCE_CATALOG', 'database_name'],
    ['SEQUENCE_SCHEMA', 'schema_name'],
    ['SEQUENCE_NAME', 'name'],
    ['SEQUENCE_OWNER', owner(session)],
    ['DATA_TYPE', "'NUMBER'"],
    ['NUMERIC_PRECISION', '38'],
    ['NUMERIC_PRECISION_RADIX', '10'],
    ['NUMERIC_SCALE', '0'],
    ['START_VALUE', 'start_value::VARCHAR'],
    ['MINIMUM_VALUE', 'NULL::VARCHAR'],
    ['MAXIMUM_VALUE', 'NULL::VARCHAR'],
    ['NEXT_VALUE', 'next_value::VARCHAR'],
    ['INCREMENT', 'increment::VARCHAR'],
    ['CYCLE_OPTION', 'NULL::VARCHAR'],
    ['CREATED', 'NULL::TIMESTAMPTZ'],
    ['LAST_ALTERED', 'NULL::TIMESTAMPTZ'],
    ['ORDERED', "'NO'"],
    ['COMMENT', 'comment'],
  ];
  return `SELECT ${select(columns)} FROM (${sequencesSql(session)}) WHERE lower(database_name) = lower(${literal(catalog)})`;
}
