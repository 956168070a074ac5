import assert from 'node:assert/strict';
import { parseSessionStatement } from '../../../src/core/engine/duckdb/session/sessionStatements';
import { targetSessionCatalog } from '../../../src/core/engine/duckdb/session/tempObjects';
import { substituteVariables } from '../../../src/core/engine/duckdb/session/sessionVariables';

// The forms of USE/SET/ALTER SESSION/transactions in Snowflake's SQL reference, and the
// statements that must pass through untouched (a Scripting BEGIN … END block, SELECTs).

describe('Session statements (parsing)', () => {
  it('USE in each documented form', () => {
    assert.deepEqual(parseSessionStatement('USE mydb'), { kind: 'use', target: 'database', database: 'MYDB' });
    assert.deepEqual(parseSessionStatement('use database "MyDb";'), { kind: 'use', target: 'database', database: 'MyDb' });
    assert.deepEqual(parseSessionStatement('USE SCHEMA myschema'), { kind: 'use', target: 'schema', schema: 'MYSCHEMA' });
    assert.deepEqual(parseSessionStatement('USE mydb.myschema'), { kind: 'use', target: 'schema', database: 'MYDB', schema: 'MYSCHEMA' });
    assert.deepEqual(parseSessionStatement('/* c */ USE ROLE analyst'), { kind: 'use', target: 'role', name: 'ANALYST' });
    assert.deepEqual(parseSessionStatement('USE WAREHOUSE wh'), { kind: 'use', target: 'warehouse', name: 'WH' });
  });

  it('SET, UNSET, ALTER SESSION and transactions; Scripting blocks pass through', () => {
    assert.deepEqual(parseSessionStatement('SET (V1, V2) = (10, \'example\')'), { kind: 'set', names: ['V1', 'V2'], expressions: "(10, 'example')" });
    assert.deepEqual(parseSessionStatement('unset (a, b)'), { kind: 'unset', names: ['A', 'B'] });
    assert.deepEqual(parseSessionStatement("ALTER SESSION SET TIMEZONE = 'UTC' QUERY_TAG = 'x'"), {
      kind: 'alterSession',
      set: [{ name: 'TIMEZONE', value: 'UTC' }, { name: 'QUERY_TAG', value: 'x' }],
    });
    for (const sql of ['BEGIN', 'begin transaction', 'START TRANSACTION NAME t1', 'BEGIN WORK;']) {
      assert.deepEqual(parseSessionStatement(sql), { kind: 'transaction', action: 'begin' }, sql);
    }
    assert.deepEqual(parseSessionStatement('commit work'), { kind: 'transaction', action: 'commit' });
    assert.equal(parseSessionStatement('BEGIN SELECT 1; END'), undefined);
    assert.equal(parseSessionStatement('select 1'), undefined);
    assert.equal(parseSessionStatement('create table t (a int)'), undefined);
  });

  it('temporary objects go to the session catalog; $var is replaced outside strings only', () => {
    assert.equal(targetSessionCatalog('create or replace temporary table db.s.t as select 1', 'C'), 'create or replace table "C".main.t as select 1');
    assert.equal(targetSessionCatalog('CREATE TEMP VIEW IF NOT EXISTS "v" AS SELECT 1', 'C'), 'CREATE VIEW IF NOT EXISTS "C".main."v" AS SELECT 1');
    const vars = new Map([['X', '10']]);
    assert.equal(substituteVariables("select $x, '$x', $1, system$wait(0)", vars, 'q'), "select (10), '$x', $1, system$wait(0)");
  });
});
