import { DuckSession } from '../session/duckSession';
import { IDENTITY_SEQUENCE_PREFIX } from '../dialect/identityColumns';
import { literal, snowflakeName, userCatalog, userSchema } from './catalogSql';

// Sequences as SHOW SEQUENCES, DESCRIBE SEQUENCE and INFORMATION_SCHEMA.SEQUENCES show them,
// from DuckDB's duckdb_sequences(). DuckDB keeps the last value handed out, Snowflake shows
// the next one: the start value before the first NEXTVAL, last + increment after it.

/** SHOW SEQUENCES and DESCRIBE SEQUENCE: the same columns, in Snowflake's order. */
export const SHOW_SEQUENCES = ['created_on', 'name', 'schema_name', 'database_name', 'next_value', 'interval', 'owner', 'owner_role_type', 'comment', 'ordered'];

/**
 * Every sequence the session may see, one row each: database_name, schema_name, name (as
 * Snowflake shows them), duck_db, duck_schema, duck_name (to look up), next_value, increment,
 * start_value, comment. The session's temporary sequences show in its current schema; the
 * sequences behind AUTOINCREMENT columns do not show.
 */
export function sequencesSql(session: DuckSession): string {
  const { database, schema } = session.context;
  const permanent =
    `SELECT ${snowflakeName('database_name')} AS database_name, ${snowflakeName('schema_name')} AS schema_name, * EXCLUDE (database_name, schema_name) ` +
    `FROM duckdb_sequences() WHERE ${userCatalog('database_name')} AND ${userSchema('schema_name')}`;
  const temporary = session.tempCatalog
    ? ` UNION ALL SELECT ${snowflakeName(literal(database))}, ${snowflakeName(literal(schema))}, * EXCLUDE (database_name, schema_name) ` +
      `FROM duckdb_sequences() WHERE database_name = ${literal(session.tempCatalog)}`
    : '';
  return (
    `SELECT database_name, schema_name, ${snowflakeName('sequence_name')} AS name, database_name AS duck_db, schema_name AS duck_schema, sequence_name AS duck_name, ` +
    `coalesce(last_value + increment_by, start_value) AS next_value, increment_by AS increment, start_value, comment FROM (${permanent}${temporary}) ` +
    // AUTOINCREMENT columns' own sequences are not the user's objects.
    `WHERE NOT starts_with(lower(sequence_name), ${literal(IDENTITY_SEQUENCE_PREFIX)})`
  );
}

/** SHOW SEQUENCES rows for the sequences `filter` keeps (a predicate on database_name, schema_name, name). */
export function showSequencesSql(session: DuckSession, filter: string): string {
  return (
    `SELECT NULL::TIMESTAMPTZ AS created_on, name, schema_name, database_name, next_value, increment AS interval, ` +
    `${literal(session.context.role || null)} AS owner, 'ROLE' AS owner_role_type, coalesce(comment, '') AS comment, 'N' AS ordered ` +
    `FROM (${sequencesSql(session)}) WHERE ${filter}`
  );
}
