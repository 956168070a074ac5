import assert from 'node:assert/strict';
import { SessionState } from '../../../src/core/jobs/queryExecutor';
import { QueryResult } from '../../../src/core/runner/protocol';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { columnNames, columnValues, resultRows } from '../support/resultRows';

// SHOW OBJECTS / SEQUENCES / PROCEDURES / FUNCTIONS / VARIABLES / PARAMETERS, DESCRIBE
// SEQUENCE / PROCEDURE and GET_DDL on the local engine. Columns and their order come from
// Snowflake's pages (https://docs.snowflake.com/en/sql-reference/sql/show-objects, …).

describe('metadata statements: objects, sequences, procedures, functions, session state, GET_DDL', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(async () => runtime.dispose());

  async function run(statements: string) {
    return runSql(runtime, statements);
  }

  it('SHOW OBJECTS: tables (temporary ones too) and views, with kind; TERSE has the five terse columns', async () => {
    const [, , , objects, terse] = await run(
      'create or replace table mo_t (id int); create or replace temporary table mo_tmp (id int); create or replace view mo_v as select * from mo_t; ' +
        "show objects like 'mo_%'; show terse objects like 'MO_V'",
    );
    assert.deepEqual(columnNames(objects).slice(0, 5), ['created_on', 'name', 'database_name', 'schema_name', 'kind']);
    assert.deepEqual(resultRows(objects).map((row) => [row.name, row.kind]), [['MO_T', 'TABLE'], ['MO_TMP', 'TABLE'], ['MO_V', 'VIEW']]);
    assert.deepEqual(columnNames(terse), ['created_on', 'name', 'kind', 'database_name', 'schema_name']);
    assert.deepEqual(columnValues(terse, 'kind'), ['VIEW']);
  });

  it('SHOW SEQUENCES: next_value follows NEXTVAL; IN SCHEMA scopes; DESCRIBE SEQUENCE has the same columns', async () => {
    const outcomes = await run(
      "create or replace sequence ms_seq start with 10 increment by 3; select nextval('ms_seq'); show sequences like 'ms_%'; " +
        'create schema if not exists ms_other; create or replace sequence ms_other.ms_seq2; use schema public; show sequences in schema ms_other; desc sequence ms_other.ms_seq2',
    );
    const [, , shown, , , , inOther, described] = outcomes;
    assert.deepEqual(columnNames(shown), ['created_on', 'name', 'schema_name', 'database_name', 'next_value', 'interval', 'owner', 'owner_role_type', 'comment', 'ordered']);
    assert.deepEqual(resultRows(shown).map((row) => [row.name, Number(row.next_value), Number(row.interval)]), [['MS_SEQ', 13, 3]]);
    assert.deepEqual(columnValues(inOther, 'name'), ['MS_SEQ2']);
    assert.deepEqual(columnNames(described), columnNames(shown));
    assert.deepEqual(resultRows(described).map((row) => [row.name, row.schema_name, Number(row.next_value)]), [['MS_SEQ2', 'MS_OTHER', 1]]);
  });

  it('DESCRIBE SEQUENCE of an unknown sequence: 002003', async () => {
    const [outcome] = await run('desc sequence ms_missing');
    assert.match(outcome.error?.message ?? '', /Sequence 'MS_MISSING' does not exist or not authorized/);
  });

  it('SHOW PROCEDURES / DESCRIBE PROCEDURE / GET_DDL(PROCEDURE) for a registered procedure', async () => {
    const create = `create or replace procedure mp_echo(s varchar, n number default 1)
returns varchar
language python
runtime_version = '3.12'
packages = ('snowflake-snowpark-python')
handler = 'run'
as $$
def run(session, s, n):
    return s * n
$$`;
    const [, shown, described, ddl, wrongTypes] = await run(
      `${create};\nshow procedures like 'MP_%';\ndesc procedure mp_echo(string, int);\nselect get_ddl('procedure', 'mp_echo(varchar, number)');\ndesc procedure mp_echo(varchar)`,
    );
    const [row] = resultRows(shown);
    assert.equal(row.arguments, 'MP_ECHO(VARCHAR, DEFAULT NUMBER) RETURN VARCHAR');
    assert.equal(Number(row.min_num_arguments), 1);
    assert.equal(Number(row.max_num_arguments), 2);
    assert.equal(row.is_builtin, 'N');
    const properties = Object.fromEntries(resultRows(described).map((entry) => [entry.property, entry.value]));
    assert.equal(properties.signature, '(S VARCHAR, N NUMBER)');
    assert.equal(properties.language, 'PYTHON');
    assert.equal(properties.handler, 'run');
    const text = String(ddl.result!.data[0][0]);
    assert.match(text, /^CREATE OR REPLACE PROCEDURE "MP_ECHO"\("S" VARCHAR, "N" NUMBER\)\nRETURNS VARCHAR\nLANGUAGE PYTHON\n/);
    assert.match(text, /\nEXECUTE AS OWNER\nAS '\ndef run/);
    assert.match(wrongTypes.error?.message ?? '', /Procedure 'MP_ECHO\(VARCHAR\)' does not exist or not authorized/);
  });

  // A handler's session.sql sends the text whole, comments and empty statements included:
  // the procedure statements are still recognised behind them, and a word that only starts
  // with a keyword is not one.
  it('a session.sql statement behind comments and `;` is still a procedure statement; `call_log` is not CALL', async () => {
    const session = new SessionState(runtime.runner.sessionContext);
    const statement = async (sql: string) => runtime.executor.run({ runId: 'mp', parentId: 'mp', sql, session });
    const rows = (result: QueryResult) => resultRows({ statement: '', line: 0, durationMs: 0, result });
    const created = await statement(
      "-- the one procedure\n/* registered here */ ;\ncreate or replace procedure mp_lead(n number) returns number language python runtime_version = '3.12' handler = 'run' as $$\ndef run(session, n):\n    return n\n$$",
    );
    assert.equal(created.data[0][0], 'Function MP_LEAD successfully created.');
    const shown = await statement("// which ones\n;  show procedures like 'MP_LEAD'");
    assert.deepEqual(rows(shown).map((row) => row.name), ['MP_LEAD']);
    const described = await statement('/* c */ DESC procedure mp_lead(number)');
    assert.equal(Object.fromEntries(rows(described).map((row) => [row.property, row.value])).handler, 'run');
    const ddl = await statement("select /* x */ get_ddl('procedure', 'mp_lead(number)')");
    assert.match(String(ddl.data[0][0]), /^CREATE OR REPLACE PROCEDURE "MP_LEAD"/);
    const passedThrough = await statement("select 'x' as call_log, 2 as create_time");
    assert.deepEqual(rows(passedThrough).map((row) => [row.CALL_LOG, Number(row.CREATE_TIME)]), [['x', 2]]);
    await assert.rejects(statement(' ; call mp_missing(1)'), /Unknown user-defined function MP_MISSING/);
  });

  it('SHOW FUNCTIONS lists built-ins (is_builtin Y); SHOW USER FUNCTIONS is empty with its columns', async () => {
    const [functions, user] = await run("show functions like '%round%'; show user functions");
    assert.ok(columnValues(functions, 'name').includes('ROUND'));
    assert.ok(columnValues(functions, 'is_builtin').every((value) => value === 'Y'));
    assert.equal(columnNames(functions).length, 18);
    assert.equal(resultRows(user).length, 0);
    assert.ok(columnNames(user).includes('external_access_integrations'));
  });

  it('SHOW VARIABLES and SHOW PARAMETERS follow SET / UNSET and ALTER SESSION', async () => {
    const [, , , variables, , parameters, , unset] = await run(
      "set mv_a = 'x'; set mv_b = 3; unset mv_b; show variables like 'MV_%'; alter session set timezone = 'UTC'; show parameters like 'timezone'; " +
        "alter session unset timezone; show parameters like 'timezone'",
    );
    assert.deepEqual(resultRows(variables).map((row) => [row.name, row.value, row.type]), [['MV_A', 'x', 'text']]);
    assert.deepEqual(resultRows(parameters).map((row) => [row.key, row.value, row.default, row.level]), [['TIMEZONE', 'UTC', 'America/Los_Angeles', 'SESSION']]);
    assert.equal(resultRows(unset)[0].level, '');
  });

  it('GET_DDL: views, schemas and databases; NULL gives NULL; unknown kinds and objects fail', async () => {
    const outcomes = await run(
      'create or replace table gd_t (a int, b varchar); create or replace view gd_v as select a from gd_t; ' +
        "select get_ddl('VIEW', 'gd_v'), get_ddl('table', 'gd_v'); select get_ddl('schema', 'public'); select get_ddl('database', 'local_db'); " +
        "select get_ddl('table', null); select get_ddl('nonsense', 'gd_t'); select get_ddl('function', 'f()'); select get_ddl('schema', 'gd_missing')",
    );
    const [, , views, schema, database, nullResult, nonsense, fn, missing] = outcomes;
    const [view, viewAsTable] = views.result!.data.map((column) => String(column[0]));
    assert.match(view, /^create or replace view GD_V\(\n\tA\n\) as SELECT a FROM gd_t;$/i);
    assert.equal(viewAsTable, view);
    const schemaText = String(schema.result!.data[0][0]);
    assert.ok(schemaText.startsWith('create or replace schema PUBLIC;\n'));
    assert.ok(schemaText.includes('create or replace TABLE GD_T (\n\tA NUMBER(38,0),\n\tB VARCHAR(16777216)\n);'));
    assert.ok(String(database.result!.data[0][0]).includes('create or replace TABLE PUBLIC.GD_T ('));
    assert.equal(nullResult.result!.data[0][0], null);
    assert.match(nonsense.error?.message ?? '', /Invalid object type 'NONSENSE'/);
    assert.match(fn.error?.message ?? '', /Function 'F\(\)' does not exist or not authorized/);
    assert.match(missing.error?.message ?? '', /Schema 'GD_MISSING' does not exist or not authorized/);
  });

  it('INFORMATION_SCHEMA.VIEWS, SCHEMATA and SEQUENCES: Snowflake column names, the current database', async () => {
    const [, , , views, schemata, sequences] = await run(
      'create or replace table is_t (a int); create or replace view is_v as select a from is_t; create or replace sequence is_seq start with 7 increment by 2; ' +
        "select * from information_schema.views where table_name = 'IS_V'; select catalog_name, schema_name from local_db.information_schema.schemata order by schema_name; " +
        "select sequence_name, start_value, next_value, increment from information_schema.sequences s where s.sequence_name = 'IS_SEQ'",
    );
    assert.deepEqual(columnNames(views), [
      'TABLE_CATALOG', 'TABLE_SCHEMA', 'TABLE_NAME', 'TABLE_OWNER', 'VIEW_DEFINITION', 'CHECK_OPTION', 'IS_UPDATABLE', 'INSERTABLE_INTO', 'IS_SECURE',
      'CREATED', 'LAST_ALTERED', 'LAST_DDL', 'LAST_DDL_BY', 'COMMENT',
    ]);
    assert.deepEqual(resultRows(views).map((row) => [row.TABLE_CATALOG, row.TABLE_SCHEMA]), [['LOCAL_DB', 'PUBLIC']]);
    assert.ok(columnValues(schemata, 'SCHEMA_NAME').includes('INFORMATION_SCHEMA'));
    assert.ok(columnValues(schemata, 'SCHEMA_NAME').includes('PUBLIC'));
    assert.deepEqual(resultRows(sequences).map((row) => [row.SEQUENCE_NAME, row.START_VALUE, row.NEXT_VALUE, row.INCREMENT]), [['IS_SEQ', '7', '7', '2']]);
  });
});
