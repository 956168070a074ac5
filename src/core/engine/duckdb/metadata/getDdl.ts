import { SqlError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { describeTypeSql, literal, objectsSql, snowflakeName, userCatalog, userSchema, varcharLengthSql } from './catalogSql';
import { CatalogLookup } from './describeTable';
import { functionDdl } from './functionDdl';
import { displayName, nameParts, qualifiedParts } from './objectNames';
import { sequencesSql } from './sequenceSql';

// GET_DDL('TABLE'|'VIEW'|'SCHEMA'|'DATABASE'|'SEQUENCE'|'FUNCTION', 'name' [, fully_qualified])
// (https://docs.snowflake.com/en/sql-reference/functions/get_ddl), rebuilt from DuckDB's
// catalog in Snowflake's layout: `create or replace TABLE T (\n\tA NUMBER(38,0)\n);`.
// TABLE and VIEW are interchangeable; SCHEMA and DATABASE list the DDL of what they hold.
// A view's query is the one DuckDB keeps, i.e. the translated text, not the original.
// FUNCTION (a SQL UDF, 'name(types)') is rebuilt from its stored definition (functionDdl.ts).

/** Object types Snowflake's GET_DDL knows but the local engine has nothing of (PROCEDURE is answered by procedureRouter.ts). */
const NOT_LOCAL = [
  'PROCEDURE', 'STREAM', 'TASK', 'PIPE', 'FILE_FORMAT', 'POLICY', 'TAG', 'WAREHOUSE', 'INTEGRATION', 'DYNAMIC_TABLE', 'EVENT_TABLE',
  'ICEBERG_TABLE', 'ALERT', 'TYPE', 'CONTACT', 'CORTEX_AGENT', 'CORTEX_SEARCH_SERVICE', 'FAILOVER_GROUP', 'REPLICATION_GROUP', 'SEMANTIC VIEW',
];

interface Target {
  database: string;
  schema: string;
  name: string;
}

export async function objectDdl(kind: string, name: string, fullyQualified: boolean, session: DuckSession, lookup: CatalogLookup, queryId: string): Promise<string> {
  const type = kind.trim().toUpperCase();
  const parts = nameParts(name);
  const { database, schema } = session.context;
  const missing = (what: string): SqlError =>
    new SqlError('002003', '02000', `SQL compilation error:\n${what} '${displayName(parts)}' does not exist or not authorized.`, queryId);
  switch (type) {
    case 'TABLE':
    case 'VIEW': {
      const target = resolve(parts, database, schema);
      const ddl = target && (await objectsDdl(lookup, session, objectFilter(target), fullyQualified));
      if (!ddl) throw missing(type === 'VIEW' ? 'View' : 'Table');
      return ddl;
    }
    case 'SEQUENCE': {
      const target = resolve(parts, database, schema);
      const ddl = target && (await sequencesDdl(lookup, session, objectFilter(target), fullyQualified));
      if (!ddl) throw missing('Sequence');
      return ddl;
    }
    case 'SCHEMA': {
      if (parts.length < 1 || parts.length > 2) throw missing('Schema');
      const [db, sch] = parts.length === 2 ? parts : [database, parts[0]];
      const found = await lookup(
        `SELECT ${snowflakeName('database_name')}, ${snowflakeName('schema_name')} FROM duckdb_schemas() WHERE ${userCatalog('database_name')} AND ${userSchema('schema_name')} ` +
          'AND lower(database_name) = lower($1) AND lower(schema_name) = lower($2)',
        [db, sch],
      );
      if (found.length === 0) throw missing('Schema');
      return schemaDdl(lookup, session, String(found[0][0]), String(found[0][1]), fullyQualified);
    }
    case 'DATABASE': {
      if (parts.length !== 1) throw missing('Database');
      const schemas = await lookup(
        `SELECT ${snowflakeName('database_name')}, ${snowflakeName('schema_name')} FROM duckdb_schemas() WHERE ${userCatalog('database_name')} AND ${userSchema('schema_name')} ` +
          'AND lower(database_name) = lower($1) ORDER BY schema_name',
        [parts[0]],
      );
      const exists = schemas.length > 0 || (await lookup(`SELECT 1 FROM duckdb_databases() WHERE ${userCatalog('database_name')} AND lower(database_name) = lower($1)`, [parts[0]])).length > 0;
      if (!exists) throw missing('Database');
      const db = schemas.length ? String(schemas[0][0]) : parts[0];
      let out = `create or replace database ${db};\n`;
      // Inside a database, schema objects are always named with their schema (as Snowflake does).
      for (const [, sch] of schemas) out += `\n${await schemaDdl(lookup, session, db, String(sch), fullyQualified, true)}`;
      return out;
    }
    case 'FUNCTION':
      return functionDdl(name, fullyQualified, session, lookup, queryId);
    default:
      if (NOT_LOCAL.includes(type)) {
        throw new SqlError('000002', '0A000', `Unsupported feature 'GET_DDL of ${type}': the local engine has no ${type.toLowerCase()} objects.`, queryId);
      }
      throw new SqlError('002003', '02000', `SQL compilation error:\nInvalid object type '${type}' for GET_DDL.`, queryId);
  }
}

function resolve(parts: string[], database: string, schema: string): Target | undefined {
  if (parts.length < 1 || parts.length > 3) return undefined;
  const [db, sch, name] = qualifiedParts(parts, database, schema);
  return { database: db, schema: sch, name };
}

/** A predicate on the database_name, schema_name, name columns of the object lists. */
function objectFilter(target: Target): string {
  return `lower(database_name) = lower(${literal(target.database)}) AND lower(schema_name) = lower(${literal(target.schema)}) AND lower(name) = lower(${literal(target.name)})`;
}

function qualifiedName(fullyQualified: boolean, database: string, schema: string, name: string): string {
  return fullyQualified ? `${database}.${schema}.${name}` : name;
}

async function schemaDdl(lookup: CatalogLookup, session: DuckSession, database: string, schema: string, fullyQualified: boolean, withSchema = false): Promise<string> {
  const inSchema = `lower(database_name) = lower(${literal(database)}) AND lower(schema_name) = lower(${literal(schema)})`;
  const schemaName = fullyQualified ? `${database}.${schema}` : schema;
  let out = `create or replace schema ${schemaName};\n`;
  const tables = await objectsDdl(lookup, session, inSchema, fullyQualified, withSchema);
  const sequences = await sequencesDdl(lookup, session, inSchema, fullyQualified, withSchema);
  for (const ddl of [tables, sequences]) if (ddl) out += `\n${ddl}\n`;
  return out;
}

/** The DDL of the tables and views `filter` keeps: tables first, then views, each by name. */
async function objectsDdl(lookup: CatalogLookup, session: DuckSession, filter: string, fullyQualified: boolean, withSchema = false): Promise<string | undefined> {
  const objects = await lookup(
    `SELECT db, sch, name, duck_db, duck_schema, duck_name, is_view, text FROM (SELECT *, db AS database_name, sch AS schema_name FROM (${objectsSql(session)})) ` +
      `WHERE ${filter} ORDER BY is_view, name, is_temporary DESC`,
    [],
  );
  if (objects.length === 0) return undefined;
  const statements: string[] = [];
  for (const [db, sch, name, duckDb, duckSchema, duckName, isView, text] of objects) {
    const shown = fullyQualified ? qualifiedName(true, String(db), String(sch), String(name)) : withSchema ? `${sch}.${name}` : String(name);
    const columns = await lookup(
      `SELECT ${snowflakeName('c.column_name')}, ${describeTypeSql('c.data_type', varcharLengthSql('c'))}, c.is_nullable, ` +
        `EXISTS (SELECT 1 FROM duckdb_constraints() AS k WHERE k.database_name = c.database_name AND k.schema_name = c.schema_name AND k.table_name = c.table_name ` +
        `AND k.constraint_type = 'PRIMARY KEY' AND list_contains(k.constraint_column_names, c.column_name)) ` +
        'FROM duckdb_columns() AS c WHERE c.database_name = $1 AND c.schema_name = $2 AND c.table_name = $3 ORDER BY c.column_index',
      [String(duckDb), String(duckSchema), String(duckName)],
    );
    if (isView) {
      const query = String(text ?? '').replace(/^[\s\S]*?\bAS\s+/i, '').replace(/;\s*$/, '');
      statements.push(`create or replace view ${shown}(\n${columns.map(([column]) => `\t${column}`).join(',\n')}\n) as ${query};`);
      continue;
    }
    const lines = columns.map(([column, type, nullable]) => `\t${column} ${type}${nullable ? '' : ' NOT NULL'}`);
    const keys = columns.filter((column) => column[3]).map(([column]) => String(column));
    if (keys.length) lines.push(`\tprimary key (${keys.join(', ')})`);
    statements.push(`create or replace TABLE ${shown} (\n${lines.join(',\n')}\n);`);
  }
  return statements.join('\n\n');
}

async function sequencesDdl(lookup: CatalogLookup, session: DuckSession, filter: string, fullyQualified: boolean, withSchema = false): Promise<string | undefined> {
  const sequences = await lookup(`SELECT database_name, schema_name, name, start_value, increment FROM (${sequencesSql(session)}) WHERE ${filter} ORDER BY name`, []);
  if (sequences.length === 0) return undefined;
  return sequences
    .map(([db, sch, name, start, increment]) => {
      const shown = fullyQualified ? qualifiedName(true, String(db), String(sch), String(name)) : withSchema ? `${sch}.${name}` : String(name);
      return `create or replace sequence ${shown} start with ${start} increment by ${increment} noorder;`;
    })
    .join('\n\n');
}
