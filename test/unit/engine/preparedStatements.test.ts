import assert from 'node:assert/strict';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { mayPrepare, PreparedStatements } from '../../../src/core/engine/duckdb/preparedStatements';

// Repeated plain reads run from a plan kept on the connection; every answer must be the one a
// fresh run gives, whatever changed in between (tables, search path, time zone).
describe('prepared statements for repeated reads', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let other: DuckDBConnection;
  const never = (): boolean => false;

  beforeEach(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    other = await instance.connect();
    await other.run('CREATE SCHEMA s1; CREATE SCHEMA s2; CREATE TABLE s1.t AS SELECT 1 AS x; CREATE TABLE s2.t AS SELECT 2 AS y');
  });
  afterEach(() => {
    connection.closeSync();
    other.closeSync();
    instance.closeSync();
  });

  async function rows(cache: PreparedStatements, setup: string, sql: string): Promise<{ columns: string[]; rows: unknown[][] }> {
    const result = await cache.run(connection, setup, sql, never);
    return { columns: result.columnNames(), rows: await result.getRows() };
  }

  it('prepares a text on its second run, not its first, and answers as a plain run does', async () => {
    const cache = new PreparedStatements();
    assert.deepEqual(await rows(cache, 'a', 'select 1 as one'), { columns: ['one'], rows: [[1]] });
    assert.equal(cache.preparedOn(connection), 0, 'a one-off statement costs no extra round trip');
    assert.deepEqual(await rows(cache, 'a', 'select 1 as one'), { columns: ['one'], rows: [[1]] });
    assert.deepEqual(await rows(cache, 'a', 'select 1 as one'), { columns: ['one'], rows: [[1]] });
    assert.equal(cache.preparedOn(connection), 1);
    assert.equal(cache.preparedOn(other), 0, 'plans belong to their connection');
  });

  it('answers with the table as it is now after another connection replaced it', async () => {
    const cache = new PreparedStatements();
    await connection.run("SET search_path = 's1'");
    for (let i = 0; i < 3; i++) assert.deepEqual(await rows(cache, 's1', 'select * from t'), { columns: ['x'], rows: [[1]] });
    await other.run('DROP TABLE s1.t; CREATE TABLE s1.t AS SELECT 10 AS z, 11 AS w');
    assert.deepEqual(await rows(cache, 's1', 'select * from t'), { columns: ['z', 'w'], rows: [[10, 11]] });
    await other.run('INSERT INTO s1.t VALUES (12, 13)');
    assert.deepEqual((await rows(cache, 's1', 'select * from t order by z')).rows, [[10, 11], [12, 13]]);
  });

  it('keeps a plan per session set-up: a time zone change is not answered from the old plan', async () => {
    const cache = new PreparedStatements();
    const sql = "select '2020-01-01 00:00:00'::timestamptz::varchar as v";
    await connection.run("SET TimeZone = 'UTC'");
    for (let i = 0; i < 2; i++) assert.deepEqual((await rows(cache, 'tz=UTC', sql)).rows, [['2020-01-01 00:00:00+00']]);
    await connection.run("SET TimeZone = 'America/New_York'");
    for (let i = 0; i < 2; i++) assert.deepEqual((await rows(cache, 'tz=NY', sql)).rows, [['2020-01-01 00:00:00-05']]);
    assert.equal(cache.preparedOn(connection), 2);
  });

  it('answers a failing kept plan with the plain run\'s own error, and drops the plan', async () => {
    const cache = new PreparedStatements();
    for (let i = 0; i < 2; i++) await rows(cache, 'p', 'select * from s1.t');
    assert.equal(cache.preparedOn(connection), 1);
    await other.run('DROP TABLE s1.t');
    await assert.rejects(rows(cache, 'p', 'select * from s1.t'), /Table with name t does not exist/);
    assert.equal(cache.preparedOn(connection), 0);
  });

  it('does not run a cancelled statement again the plain way', async () => {
    const cache = new PreparedStatements();
    for (let i = 0; i < 2; i++) await rows(cache, 'p', 'select * from s1.t');
    await other.run('DROP TABLE s1.t');
    let plainRuns = 0;
    const plainRun = connection.run.bind(connection);
    connection.run = ((sql: string) => (plainRuns++, plainRun(sql))) as typeof connection.run;
    await assert.rejects(cache.run(connection, 'p', 'select * from s1.t', () => true), /does not exist/);
    assert.equal(plainRuns, 0);
  });

  it('keeps a bounded number of texts per connection, least recently used out first', async () => {
    const cache = new PreparedStatements(2);
    for (const sql of ['select 1', 'select 1', 'select 2', 'select 2']) await rows(cache, 'p', sql);
    assert.equal(cache.preparedOn(connection), 2);
    await rows(cache, 'p', 'select 3');
    assert.equal(cache.preparedOn(connection), 1, 'select 1 went first');
    assert.deepEqual((await rows(cache, 'p', 'select 2')).rows, [[2]]);
  });

  it('prepares plain reads of tables only', () => {
    for (const sql of ['select 1', ' (select a from t)', 'with x as (select 1) select * from x', 'SELECT "CREATED_AT", offset_days FROM T']) {
      assert.ok(mayPrepare(sql), sql);
    }
    for (const sql of [
      'insert into t values (1)',
      'with x as (select 1) insert into t select * from x',
      'select * from read_csv(\'a.csv\')',
      "select * from 'a.parquet'",
      'select * from parquet_scan(\'a\')',
      'select $1 from @stage/file.csv',
      'create table t as select 1',
      'show tables',
      'pragma version',
      'call f()',
      `select '${'x'.repeat(20_000)}'`,
    ]) {
      assert.ok(!mayPrepare(sql), sql);
    }
  });
});
