import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql, runSqlOk } from '../support/runtimeFixture';

// Everyday Snowflake DDL with storage and governance clauses
// (https://docs.snowflake.com/en/sql-reference/sql/create-table,
// https://docs.snowflake.com/en/sql-reference/sql/alter-table,
// https://docs.snowflake.com/en/sql-reference/sql/alter-table-column): the clauses change no
// answer locally and are dropped; comments are kept where SHOW TABLES and DESCRIBE show them
// (https://docs.snowflake.com/en/sql-reference/sql/comment).
describe('CREATE TABLE and ALTER TABLE storage and governance clauses', () => {
  let runtime: SnowparkRuntime;
  beforeEach(async () => (runtime = await openMemoryRuntime()));
  afterEach(async () => runtime.dispose());

  const status = async (text: string): Promise<unknown> => (await runSqlOk(runtime, text))[0].result!.data[0][0];
  /** The last statement's rows as objects (results are column by column). */
  const rows = async (text: string): Promise<Record<string, unknown>[]> => {
    const outcomes = await runSqlOk(runtime, text);
    const result = outcomes[outcomes.length - 1].result!;
    const count = result.data[0]?.length ?? 0;
    return Array.from({ length: count }, (_, row) => Object.fromEntries(result.columns.map((column, i) => [column.name, result.data[i][row]])));
  };

  it('runs CREATE TABLE with every clause of the page, and the table works', async () => {
    const clauses = [
      'CLUSTER BY (id)',
      'CLUSTER BY LINEAR (id, note)',
      'ENABLE_SCHEMA_EVOLUTION = FALSE',
      'DATA_RETENTION_TIME_IN_DAYS = 1',
      'MAX_DATA_EXTENSION_TIME_IN_DAYS = 14',
      'CHANGE_TRACKING = TRUE',
      "DEFAULT_DDL_COLLATION = 'en-ci'",
      'COPY GRANTS',
      "STAGE_FILE_FORMAT = (TYPE = CSV FIELD_DELIMITER = '|')",
      'STAGE_COPY_OPTIONS = (ON_ERROR = CONTINUE)',
      'WITH ROW ACCESS POLICY governance.rap ON (id)',
      'ROW ACCESS POLICY rap ON (id, note)',
      'WITH AGGREGATION POLICY ap ENTITY KEY (id)',
      'WITH JOIN POLICY jp ALLOWED JOIN KEYS (id)',
      "WITH TAG (cost_center = 'sales', env = 'dev')",
      "TAG (cost_center = 'sales')",
      "WITH CONTACT (steward = admin)",
    ];
    for (const clause of clauses) {
      assert.equal(await status(`create or replace transient table opts (id number, note varchar) ${clause}`), 'Table OPTS successfully created.', clause);
      await runSqlOk(runtime, "insert into opts values (1, 'a')");
      assert.deepEqual(await rows('select id::varchar as id, note from opts'), [{ ID: '1', NOTE: 'a' }], clause);
    }
    // Several at once, and in CREATE … AS SELECT before AS.
    assert.equal(await status("create table many (id int) cluster by (id) data_retention_time_in_days = 0 copy grants comment = 'c' with tag (t = 'v')"), 'Table MANY successfully created.');
    assert.equal(await status('create table ctas cluster by (x) data_retention_time_in_days = 1 as select 1 as x'), 'Table CTAS successfully created.');
    assert.deepEqual(await rows('select x::varchar as x from ctas'), [{ X: '1' }]);
  });

  it("keeps a table's, a view's and a column's COMMENT where SHOW and DESCRIBE show them", async () => {
    await runSqlOk(runtime, "create table example (col1 number comment 'a column comment', col2 int default 1 not null comment 'second') comment = 'a table comment'");
    assert.deepEqual((await rows("show tables like 'EXAMPLE'")).map((row) => row.comment), ['a table comment']);
    assert.deepEqual((await rows('describe table example')).map((row) => [row.name, row.type, row.default, row.comment]), [
      ['COL1', 'NUMBER(38,0)', null, 'a column comment'],
      ['COL2', 'NUMBER(38,0)', '1', 'second'],
    ]);
    await runSqlOk(runtime, "create view example_view comment = 'a view comment' as select col1 from example");
    assert.deepEqual((await rows("show views like 'EXAMPLE_VIEW'")).map((row) => row.comment), ['a view comment']);
    // A temporary table's too (in the session that made it: one worksheet run).
    const scratch = "create temporary table scratch (x int with masking policy m comment 'x!') comment = 'temp'";
    assert.deepEqual((await rows(`${scratch}; show tables like 'SCRATCH'`)).map((row) => row.comment), ['temp']);
    assert.deepEqual((await rows(`${scratch}; describe table scratch`)).map((row) => row.comment), ['x!']);
  });

  it('answers ALTER TABLE storage and governance actions, and sets and unsets comments', async () => {
    await runSqlOk(runtime, 'create table t (x int, y varchar)');
    for (const action of [
      'cluster by (x)',
      'cluster by linear (x, y)',
      'drop clustering key',
      'suspend recluster',
      'resume recluster',
      'set data_retention_time_in_days = 1 change_tracking = true',
      'unset data_retention_time_in_days',
      "set tag cost_center = 'x'",
      'unset tag cost_center',
      'add row access policy rap on (x)',
      'drop row access policy rap',
      'drop all row access policies',
      'alter column x set masking policy m',
      'modify column y unset masking policy',
      "alter column x set tag pii = 'no'",
    ]) {
      assert.equal(await status(`alter table t ${action}`), 'Statement executed successfully.', action);
    }
    await runSqlOk(runtime, "alter table t set comment = 'table note'; alter table t alter column x comment 'x note'; alter table t modify y comment 'y note'");
    assert.deepEqual((await rows("show tables like 'T'")).map((row) => row.comment), ['table note']);
    assert.deepEqual((await rows('describe table t')).map((row) => row.comment), ['x note', 'y note']);
    await runSqlOk(runtime, 'alter table t unset comment; alter table t alter column x unset comment');
    assert.deepEqual((await rows("show tables like 'T'")).map((row) => row.comment), ['']);
    assert.deepEqual((await rows('describe table t')).map((row) => row.comment), [null, 'y note']);
    // DuckDB's own ALTER TABLE actions are untouched.
    await runSqlOk(runtime, 'alter table t add column z int; alter table t rename column z to w; alter table t drop column w');
    assert.deepEqual((await rows('describe table t')).map((row) => row.name), ['X', 'Y']);
  });

  it('refuses what Snowflake refuses: a missing table, and a clause written wrong', async () => {
    const [missing] = await runSql(runtime, "alter table nosuch set comment = 'x'");
    assert.match(missing.error?.message ?? '', /^002003 .*'NOSUCH' does not exist/s);
    const [clustered] = await runSql(runtime, 'alter table nosuch cluster by (x)');
    assert.match(clustered.error?.message ?? '', /^002003 /);
    const [wrong] = await runSql(runtime, 'create table w (x int) cluster by x');
    assert.match(wrong.error?.message ?? '', /^001003 /);
    const [unknown] = await runSql(runtime, 'create table w (x int) no_such_option = 1');
    assert.match(unknown.error?.message ?? '', /^001003 /);
  });

  it('leaves a CREATE TABLE … AS query alone, even where its words look like clauses', async () => {
    await runSqlOk(runtime, "create table src (comment varchar, tag int); insert into src values ('c', 1)");
    assert.equal(await status('create table q as with copy as (select comment, tag from src) select * from copy'), 'Table Q successfully created.');
    assert.deepEqual(await rows('select comment, tag::varchar as tag from q'), [{ COMMENT: 'c', TAG: '1' }]);
  });
});
