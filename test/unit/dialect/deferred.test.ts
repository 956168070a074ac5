import assert from 'node:assert/strict';
import { DialectError, fillDeferred, translateToDuckDb } from '../../../src/core/engine/duckdb/dialect';

const P = (n: number): string => `__snowpark_local_deferred_${n}__`;

describe('deferred calls', () => {
  it('defers SYSTEM$WAIT with its raw constant arguments', () => {
    const translation = translateToDuckDb("insert into t (select system$wait(10)); select SYSTEM$WAIT(250, 'MILLISECONDS') as w");
    assert.equal(translation.sql, `insert into t (select ${P(0)}); select ${P(1)} as "W"`);
    assert.deepEqual(translation.deferred, [
      { placeholder: P(0), fn: 'SYSTEM$WAIT', args: [10] },
      { placeholder: P(1), fn: 'SYSTEM$WAIT', args: [250, 'MILLISECONDS'] },
    ]);
  });

  it('defers SYSTEM$CANCEL_QUERY and LAST_QUERY_ID, with signed numbers and NULL', () => {
    const translation = translateToDuckDb("select system$cancel_query('01b-x') c, last_query_id(-2) l, last_query_id() m, system$wait(null) n");
    assert.deepEqual(translation.deferred.map((d) => [d.fn, d.args]), [
      ['SYSTEM$CANCEL_QUERY', ['01b-x']],
      ['LAST_QUERY_ID', [-2]],
      ['LAST_QUERY_ID', []],
      ['SYSTEM$WAIT', [null]],
    ]);
  });

  it('replaces TABLE(RESULT_SCAN(...)) as a whole, keeping the alias after it', () => {
    const translation = translateToDuckDb("SELECT * FROM TABLE ( RESULT_SCAN('01b2-it''s') ) AS r WHERE r.a > 0");
    assert.equal(translation.sql, `SELECT * FROM ${P(0)} AS r WHERE r.a > 0`);
    assert.deepEqual(translation.deferred, [{ placeholder: P(0), fn: 'RESULT_SCAN', args: ["01b2-it's"] }]);
  });

  it('resolves RESULT_SCAN(LAST_QUERY_ID()) as a nested deferred call, inner first', () => {
    const translation = translateToDuckDb('select * from table(result_scan(last_query_id(-1)))');
    assert.equal(translation.sql, `select * from ${P(1)}`);
    assert.deepEqual(translation.deferred, [
      { placeholder: P(0), fn: 'LAST_QUERY_ID', args: [-1] },
      { placeholder: P(1), fn: 'RESULT_SCAN', args: [P(0)] },
    ]);
  });

  it('defers the CURRENT_* context functions', () => {
    const names = ['CURRENT_DATABASE', 'CURRENT_SCHEMA', 'CURRENT_ROLE', 'CURRENT_WAREHOUSE', 'CURRENT_USER', 'CURRENT_ACCOUNT', 'CURRENT_SESSION', 'CURRENT_REGION', 'CURRENT_VERSION'];
    const translation = translateToDuckDb(`select ${names.map((n) => `${n.toLowerCase()}()`).join(', ')}`);
    assert.deepEqual(translation.deferred.map((d) => d.fn), names);
    assert.ok(translation.sql.startsWith(`select ${P(0)} AS "CURRENT_DATABASE()", ${P(1)} AS "CURRENT_SCHEMA()"`));
  });

  it('never matches inside strings, quoted identifiers or comments', () => {
    const sql = `select 'system$wait(1)' s, "SYSTEM$WAIT(1)" -- system$wait(1)\n from t /* result_scan('x') */`;
    const translation = translateToDuckDb(sql);
    assert.deepEqual(translation.deferred, []);
  });

  const nonConstant: Array<[string, RegExp]> = [
    ['select system$wait(a)', /SYSTEM\$WAIT needs constant arguments in Snowpark Local \(got a column expression `a`\)/],
    ['select system$wait(t.a)', /got a column expression `t\.a`/],
    ['select system$wait(abs(1))', /got a function call `abs\(1\)`/],
    ['select system$wait(1 + 1)', /got an expression `1 \+ 1`/],
    ["select * from table(result_scan((select 'x')))", /RESULT_SCAN needs constant arguments .*got a subquery/],
  ];
  for (const [sql, message] of nonConstant) {
    it(`rejects non-constant arguments: ${sql}`, () => {
      assert.throws(() => translateToDuckDb(sql), (error: unknown) => error instanceof DialectError && message.test(error.message) && error.offset > 0);
    });
  }

  it('checks argument counts', () => {
    assert.throws(() => translateToDuckDb('select current_database(1)'), /CURRENT_DATABASE takes 0 arguments \(got 1\)/);
    assert.throws(() => translateToDuckDb('select system$wait()'), /SYSTEM\$WAIT takes 1 to 2 arguments \(got 0\)/);
  });

  it('chooses placeholders that cannot collide with the user text', () => {
    const translation = translateToDuckDb(`select '${P(0)}' x, system$wait(1) w`);
    const [call] = translation.deferred;
    assert.notEqual(call.placeholder, P(0));
    assert.equal(translation.sql.split(call.placeholder).length, 2);
  });

  describe('fillDeferred', () => {
    it('puts each fragment in place of its placeholder', () => {
      const translation = translateToDuckDb('select * from table(result_scan(last_query_id())) r, (select system$wait(1) w)');
      const values = new Map([
        [P(0), "'01b2'"],
        [P(1), '"results"."q_01b2"'],
        [P(2), "'waited 1 seconds'"],
      ]);
      assert.equal(fillDeferred(translation, values), `select * from "results"."q_01b2" r, (select 'waited 1 seconds' w)`);
    });

    it('needs no value for a placeholder that is only an argument', () => {
      const translation = translateToDuckDb("select * from table(result_scan(last_query_id()))");
      assert.equal(fillDeferred(translation, new Map([[P(1), 'tbl']])), 'select * from tbl');
    });

    it('throws when a placeholder in the SQL has no value', () => {
      assert.throws(() => fillDeferred(translateToDuckDb('select system$wait(1)'), new Map()), /No value was supplied for SYSTEM\$WAIT/);
    });
  });
});
