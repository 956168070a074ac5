import assert from 'node:assert/strict';
import { SessionState } from '../../../src/core/jobs/queryExecutor';
import { parseCreateFunction } from '../../../src/core/engine/duckdb/sqlUdfs/createFunctionStatement';
import { parseDropFunction } from '../../../src/core/engine/duckdb/sqlUdfs/functionReference';
import { castArgumentReferences } from '../../../src/core/engine/duckdb/sqlUdfs/argumentReferences';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { StatementOutcome } from '../../../src/core/worksheet/worksheetRunner';
import { onlyCell, openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { columnNames, resultRows } from '../support/resultRows';
import { useTempDirectory } from '../support/tempDirectory';

// Snowflake SQL UDFs on the local engine: CREATE [TEMPORARY] FUNCTION … AS '<expression>' as a
// DuckDB macro whose body is the translated Snowflake expression. Expected values come from
// Snowflake's pages: "Scalar SQL UDFs" (area_of_circle(1.0) = 3.141592654; profit() over the
// purchases rows), CREATE FUNCTION (pi_udf() returns 3.141592654), "Tabular SQL UDFs (UDTFs)"
// (simple_table_function, orders_for_product), DESCRIBE FUNCTION (multiply's property/value
// rows), DIV0 ("returns 0 when the divisor is 0") and NOT NULL ("NULL result in a non-nullable column").

const context = { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null };

function cells(outcome: StatementOutcome): unknown[] {
  if (outcome.error) throw new Error(`statement failed: ${outcome.error.message}`);
  return outcome.result!.data.map((column) => column[0]);
}

function succeeded(outcomes: StatementOutcome[]): void {
  for (const outcome of outcomes) assert.equal(outcome.error, undefined, outcome.error?.message);
}

describe('SQL UDFs on the local engine', function () {
  this.timeout(120_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(async () => runtime.dispose());

  it('scalar UDFs of the documentation give the documented results', async () => {
    const outcomes = await runSql(
      runtime,
      `CREATE FUNCTION area_of_circle(radius FLOAT)
  RETURNS FLOAT
  AS
  $$
    pi() * radius * radius
  $$
  ;
SELECT area_of_circle(1.0);
create function pi_udf() returns float as '3.141592654::FLOAT';
select pi_udf();
create or replace table purchases (number_sold integer, wholesale_price number(7,2), retail_price number(7,2));
insert into purchases (number_sold, wholesale_price, retail_price) values (3, 10.00, 20.00), (5, 100.00, 200.00);
CREATE FUNCTION profit()
  RETURNS NUMERIC(11, 2)
  AS
  $$
    SELECT SUM((retail_price - wholesale_price) * number_sold)
        FROM purchases
  $$
  ;
select profit();`,
    );
    const [created, area, , pi, , , , profit] = outcomes;
    assert.equal(onlyCell(created), 'Function AREA_OF_CIRCLE successfully created.');
    assert.ok(Math.abs(Number(onlyCell(area)) - 3.141592654) < 1e-9, String(onlyCell(area)));
    assert.equal(area.result!.columns[0].type, 'FLOAT');
    assert.equal(onlyCell(pi), 3.141592654);
    assert.equal(onlyCell(profit), '530.00');
    assert.equal(profit.result!.columns[0].type, 'NUMBER(11,2)');
  });

  it('a body may call Snowflake-only functions: IFF, DIV0 and a v:path of a VARIANT argument', async () => {
    const [, ratios, , cities] = await runSql(
      runtime,
      `create function safe_ratio(a number, b number) returns number(10,2) as 'iff(b is null, null, div0(a, b))';
select safe_ratio(1, 4), safe_ratio(1, 0), safe_ratio(1, null);
create function city_of(v variant) returns varchar as 'v:address.city::string';
select city_of(parse_json('{"address": {"city": "Oslo"}}')), city_of(parse_json('{}'));`,
    );
    assert.deepEqual(cells(ratios), ['0.25', '0.00', null]);
    assert.deepEqual(cells(cities), ['Oslo', null]);
  });

  it('converts arguments and the result to their declared types, as Snowflake does', async () => {
    const [, added, , halves, , labels] = await runSql(
      runtime,
      `create function conv_add1(x int) returns int as 'x + 1';
select conv_add1(1), conv_add1(1.6);
create function conv_half(x float) returns number as 'x / 2';
select conv_half(5), conv_half(3), conv_half(-5);
create function conv_label(n int) returns varchar as 'n';
select conv_label(7), conv_label(7.5);`,
    );
    // 1.6 becomes the INT 2 before the body adds 1; 2.5 rounds half away from zero to NUMBER.
    assert.deepEqual(cells(added), [2, 3]);
    assert.deepEqual(added.result!.columns.map((column) => column.type), ['NUMBER(38,0)', 'NUMBER(38,0)']);
    assert.deepEqual(cells(halves).map(Number), [3, 2, -3]);
    assert.deepEqual(cells(labels), ['7', '8']);
    assert.equal(labels.result!.columns[0].type, 'VARCHAR');
  });

  it('NULL handling: CALLED ON NULL INPUT, RETURNS NULL ON NULL INPUT / STRICT, RETURNS … NOT NULL', async () => {
    const outcomes = await runSql(
      runtime,
      `create function nh_called(a int) returns int called on null input as 'coalesce(a, 42)';
create function nh_strict(a int) returns int returns null on null input as 'coalesce(a, 42)';
create function nh_strict2(a int, b int) returns int strict as 'coalesce(a, b, 42)';
select nh_called(null), nh_strict(null), nh_strict2(1, null), nh_strict2(1, 2);
create function nh_not_null(a int) returns int not null as 'a';
select nh_not_null(1);
select nh_not_null(null);`,
    );
    assert.deepEqual(cells(outcomes[3]), [42, null, null, 1]);
    assert.deepEqual(cells(outcomes[5]), [1]);
    assert.equal(outcomes[6].error?.errorCode, '100072');
    assert.match(outcomes[6].error?.message ?? '', /NULL result in a non-nullable column/);
  });

  it('overloads by argument count (optional arguments too) and by type at the same count; a call no overload takes fails', async () => {
    const outcomes = await runSql(
      runtime,
      `create function ov_add(x int) returns int as 'x + 1';
create function ov_add(x int, y int) returns int as 'x + y';
create function ov_add(x int, y int, z int, w int default 5) returns int as 'x + y + z + w';
select ov_add(1), ov_add(1, 2), ov_add(1, 2, 3), ov_add(1, 2, 3, 4);
create function ov_kind(x number) returns varchar as '''number '' || x';
create function ov_kind(x varchar) returns varchar as '''text '' || x';
select ov_kind(7), ov_kind('seven');
select ov_add(1, 2, 3, 4, 5);
select ov_missing(1);`,
    );
    const [, , , counts, , , kinds, tooMany, unknown] = outcomes;
    succeeded(outcomes.slice(0, 3));
    assert.deepEqual(cells(counts), [2, 3, 11, 10]);
    assert.deepEqual(cells(kinds), ['number 7', 'text seven']);
    assert.equal(tooMany.error?.errorCode, '001044');
    assert.match(tooMany.error?.message ?? '', /Invalid argument types for function 'OV_ADD'/);
    assert.equal(unknown.error?.errorCode, '002140');
    assert.match(unknown.error?.message ?? '', /Unknown function OV_MISSING/);
  });

  it('optional arguments take their DEFAULT; arguments may be passed by name', async () => {
    const [, called] = await runSql(
      runtime,
      `create function na_price(amount number(10,2), rate number(4,2) default 0.25) returns number(10,2) as 'amount * (1 + rate)';
select na_price(100), na_price(100, 0.5), na_price(rate => 0.1, amount => 200);`,
    );
    assert.deepEqual(cells(called), ['125.00', '150.00', '220.00']);
  });

  it('OR REPLACE replaces one signature; CREATE of an existing one fails (002002); IF NOT EXISTS keeps it', async () => {
    const outcomes = await runSql(
      runtime,
      `create function rp(x int) returns int as 'x + 1';
create function rp(x varchar) returns varchar as 'x';
create function rp(x number) returns int as 'x + 2';
create function if not exists rp(x int) returns int as 'x + 3';
select rp(1);
create or replace function rp(x int) returns int as 'x + 4';
select rp(1), rp('a');`,
    );
    assert.equal(outcomes[2].error?.errorCode, '002002');
    assert.match(outcomes[2].error?.message ?? '', /Object 'RP\(NUMBER\)' already exists/);
    assert.equal(onlyCell(outcomes[3]), 'RP already exists, statement succeeded.');
    assert.deepEqual(cells(outcomes[4]), [2]);
    assert.deepEqual(cells(outcomes[6]), [5, 'a']);
  });

  it('tabular UDFs: RETURNS TABLE, called as TABLE(f(args)), also per row of a joined table', async () => {
    const outcomes = await runSql(
      runtime,
      `CREATE FUNCTION simple_table_function ()
  RETURNS TABLE (x INTEGER, y INTEGER)
  AS
  $$
    SELECT 1, 2
    UNION ALL
    SELECT 3, 4
  $$
  ;
SELECT * FROM TABLE(simple_table_function()) ORDER BY x;
create or replace table orders (product_id varchar, quantity_sold numeric(11, 2));
insert into orders (product_id, quantity_sold) values ('compostable bags', 2000), ('re-usable cups', 1000);
create or replace function orders_for_product(PROD_ID varchar)
    returns table (Product_ID varchar, Quantity_Sold numeric(11, 2))
    as
    $$
        select product_ID, quantity_sold
            from orders
            where product_ID = PROD_ID
    $$
    ;
select product_id, quantity_sold
    from table(orders_for_product('compostable bags'))
    order by product_id;
create function tf_upto(n int) returns table (i int) as 'select range + 1 from range(n)';
select o.product_id, u.i from orders o, table(tf_upto(2)) u order by 1, 2;`,
    );
    succeeded(outcomes);
    const [, simple, , , , products, , perRow] = outcomes;
    assert.deepEqual(columnNames(simple), ['X', 'Y']);
    assert.deepEqual(resultRows(simple), [{ X: 1, Y: 2 }, { X: 3, Y: 4 }]);
    assert.deepEqual(resultRows(products), [{ PRODUCT_ID: 'compostable bags', QUANTITY_SOLD: '2000.00' }]);
    assert.equal(products.result!.columns[1].type, 'NUMBER(11,2)');
    assert.equal(perRow.result!.rowCount, 4);
  });

  it('DROP FUNCTION name(types) drops one overload; a missing one is 002003 unless IF EXISTS', async () => {
    const outcomes = await runSql(
      runtime,
      `create function dr(x int) returns int as 'x';
create function dr(x int, y int) returns int as 'x + y';
drop function dr(number, number);
select dr(1);
select dr(1, 2);
drop function dr(int, int);
drop function if exists dr(int, int);
drop function dr(int);
select dr(1);
drop function dr;`,
    );
    assert.equal(onlyCell(outcomes[2]), 'DR successfully dropped.');
    assert.deepEqual(cells(outcomes[3]), [1]);
    assert.equal(outcomes[4].error?.errorCode, '001044');
    assert.equal(outcomes[5].error?.errorCode, '002003');
    assert.match(outcomes[5].error?.message ?? '', /Function 'DR\(NUMBER, NUMBER\)' does not exist or not authorized/);
    assert.equal(onlyCell(outcomes[6]), 'Drop statement executed successfully (DR already dropped).');
    succeeded([outcomes[7]]);
    assert.equal(outcomes[8].error?.errorCode, '002140');
    assert.equal(outcomes[9].error?.errorCode, '001003');
  });

  it('SHOW USER FUNCTIONS lists each overload; SHOW FUNCTIONS lists them after the built-ins', async () => {
    const [, , , , , shown, inOther, all] = await runSql(
      runtime,
      `create function su_area(radius float) returns float comment = 'circle area' as 'pi() * radius * radius';
create function su_area(radius float, times int default 1) returns float as 'pi() * radius * radius * times';
create schema su_other;
create function su_other.su_elsewhere() returns table (a int) as 'select 1'; use schema public;
show user functions like 'SU_%';
show user functions in schema su_other;
show functions like 'su_area';`,
    );
    assert.ok(columnNames(shown).includes('external_access_integrations'));
    assert.deepEqual(
      resultRows(shown).map((row) => [row.name, row.schema_name, row.is_builtin, Number(row.min_num_arguments), Number(row.max_num_arguments), row.arguments, row.description, row.language]),
      [
        ['SU_AREA', 'PUBLIC', 'N', 1, 1, 'SU_AREA(FLOAT) RETURN FLOAT', 'circle area', 'SQL'],
        ['SU_AREA', 'PUBLIC', 'N', 1, 2, 'SU_AREA(FLOAT, DEFAULT NUMBER) RETURN FLOAT', 'user-defined function', 'SQL'],
        // Without IN: the current database, every schema of it (as SHOW OBJECTS).
        ['SU_ELSEWHERE', 'SU_OTHER', 'N', 0, 0, 'SU_ELSEWHERE() RETURN TABLE (A NUMBER)', 'user-defined function', 'SQL'],
      ],
    );
    assert.deepEqual(resultRows(inOther).map((row) => [row.name, row.schema_name, row.is_table_function]), [['SU_ELSEWHERE', 'SU_OTHER', 'Y']]);
    assert.deepEqual(resultRows(all).map((row) => [row.name, row.is_builtin]), [['SU_AREA', 'N'], ['SU_AREA', 'N']]);
  });

  it("DESCRIBE FUNCTION shows the documentation's property/value rows; GET_DDL rebuilds the CREATE", async () => {
    const [, described, ddl, missing] = await runSql(
      runtime,
      `CREATE OR REPLACE FUNCTION multiply(a NUMBER, b NUMBER)
  RETURNS NUMBER
  COMMENT='multiply two numbers'
  AS 'a * b';
DESC FUNCTION multiply(NUMBER, NUMBER);
select get_ddl('function', 'multiply(number, number)');
desc function multiply(varchar);`,
    );
    assert.deepEqual(columnNames(described), ['property', 'value']);
    assert.deepEqual(resultRows(described).slice(0, 4), [
      { property: 'signature', value: '(A NUMBER, B NUMBER)' },
      { property: 'returns', value: 'NUMBER(38,0)' },
      { property: 'language', value: 'SQL' },
      { property: 'body', value: 'a * b' },
    ]);
    assert.equal(onlyCell(ddl), `CREATE OR REPLACE FUNCTION "MULTIPLY"("A" NUMBER, "B" NUMBER)\nRETURNS NUMBER\nLANGUAGE SQL\nCOMMENT='multiply two numbers'\nAS 'a * b';`);
    assert.equal(missing.error?.errorCode, '002003');
    assert.match(missing.error?.message ?? '', /Function 'MULTIPLY\(VARCHAR\)' does not exist or not authorized/);
  });

  it('other languages, external functions and Scripting bodies fail saying SQL UDFs only, and what to do', async () => {
    const [python, javascript, scripting] = await runSql(
      runtime,
      `create or replace function py_add(x int) returns int language python runtime_version = '3.12' handler = 'add' as $$
def add(x):
    return x + 1
$$;
create function js_add(x float) returns float language javascript as 'return X + 1;';
create function sc_add(x int) returns int language sql as $$ begin return x + 1; end $$;`,
    );
    for (const outcome of [python, javascript, scripting]) assert.equal(outcome.error?.errorCode, '000002', outcome.error?.message);
    assert.match(python.error?.message ?? '', /LANGUAGE PYTHON': Snowpark Local runs SQL user-defined functions only[\s\S]*Run it against Snowflake instead \(snowpark-local --connection NAME/);
    assert.match(javascript.error?.message ?? '', /LANGUAGE JAVASCRIPT/);
    assert.match(scripting.error?.message ?? '', /Snowflake Scripting UDF/);
  });

  it('a bad body fails at CREATE with Snowflake\'s error, naming the function; nothing is created', async () => {
    const outcomes = await runSql(
      runtime,
      `create function bad_col(x int) returns int as 'y + 1';
create function bad_fn(x int) returns int as 'no_such_function(x)';
create function bad_syntax(x int) returns int as 'x +';
create function bad_wait() returns int as 'system$wait(1)';
create function abs(x int) returns int as 'x';
create function no_returns(x int) as 'x';
select bad_col(1);`,
    );
    const [column, fn, syntax, wait, builtIn, noReturns, call] = outcomes;
    assert.equal(column.error?.errorCode, '000904');
    assert.match(column.error?.message ?? '', /invalid identifier 'Y'\n\(in the body of function BAD_COL\)/);
    assert.equal(fn.error?.errorCode, '002140');
    assert.match(fn.error?.message ?? '', /Unknown function NO_SUCH_FUNCTION/);
    assert.equal(syntax.error?.errorCode, '001003');
    assert.match(wait.error?.message ?? '', /SYSTEM\$WAIT cannot be called inside a function body locally/);
    assert.equal(builtIn.error?.errorCode, '002002');
    assert.match(builtIn.error?.message ?? '', /Function 'ABS' is a system-defined function/);
    assert.equal(noReturns.error?.errorCode, '001003');
    assert.match(noReturns.error?.message ?? '', /RETURNS <type> or RETURNS TABLE \(…\) is missing/);
    assert.equal(call.error?.errorCode, '002140');
  });

  it('a TEMPORARY function is its session\'s alone and ends with it', async () => {
    const mine = new SessionState(context);
    const other = new SessionState(context);
    const run = (session: SessionState, sql: string) => runtime.executor.run({ runId: session.id, parentId: session.id, sql, session });
    await run(mine, "create temporary function tmp_times100(x int) returns int as 'x * 100'");
    assert.deepEqual((await run(mine, 'select tmp_times100(2)')).data, [[200]]);
    await assert.rejects(run(other, 'select tmp_times100(2)'), /Unknown function TMP_TIMES100/);
    const listed = await run(mine, "show user functions like 'TMP_%'");
    assert.deepEqual(listed.data[1], ['TMP_TIMES100']);
    assert.equal((await run(other, "show user functions like 'TMP_%'")).rowCount, 0);
    await runtime.executor.endSession(mine);
    const later = new SessionState(context);
    await assert.rejects(run(later, 'select tmp_times100(2)'), /Unknown function TMP_TIMES100/);
  });

  describe('parsing', () => {
    it('reads every clause of CREATE FUNCTION, in any order', () => {
      const parsed = parseCreateFunction(
        `create or replace temporary secure function if not exists db.s."myFn"(a number(10, 2), "b" varchar default 'x')
  copy grants returns number not null language sql returns null on null input immutable memoizable comment = 'c' as $$ a || b $$;`,
        'q',
      );
      assert.deepEqual(parsed, {
        nameParts: ['DB', 'S', 'myFn'],
        orReplace: true,
        ifNotExists: true,
        temporary: true,
        language: 'SQL',
        external: false,
        definition: {
          args: [{ name: 'A', type: 'NUMBER(10, 2)' }, { name: 'b', type: 'VARCHAR', defaultSql: "'x'" }],
          returns: { kind: 'scalar', type: 'NUMBER', notNull: true },
          body: ' a || b ',
          secure: true,
          strict: true,
          volatility: 'IMMUTABLE',
          memoizable: true,
          comment: 'c',
        },
      });
      assert.equal(parseCreateFunction('create table t (a int)', 'q'), undefined);
      assert.equal(parseCreateFunction('create procedure p() returns int language sql as $$ select 1 $$', 'q'), undefined);
      assert.deepEqual(parseDropFunction('DROP FUNCTION IF EXISTS s.f(NUMBER, varchar);'), { reference: { nameParts: ['S', 'F'], types: ['NUMBER', 'VARCHAR'] }, ifExists: true });
    });

    it('converts bare argument references only: not columns of a table, paths, aliases or calls', () => {
      const args = [{ name: 'X', type: 'INT' }, { name: 'V', type: 'VARIANT' }];
      assert.equal(castArgumentReferences("x + t.x + v:x::int + x(1) + \"X\" + 'x'", args), "CAST(x AS INT) + t.x + v:x::int + x(1) + CAST(\"X\" AS INT) + 'x'");
      assert.equal(castArgumentReferences('select 1 as x from t where t.a = x', args), 'select 1 as x from t where t.a = CAST(x AS INT)');
    });
  });
});

describe('SQL UDFs in the workspace database file', function () {
  this.timeout(120_000);
  const directory = useTempDirectory('snowpark-local-udfs-');

  it('a permanent function outlives the engine; a temporary one does not', async () => {
    const dbPath = directory.path('local.duckdb');
    const first = await SnowparkRuntime.open({ dbPath });
    try {
      succeeded(
        await runSql(
          first,
          `create function kept_third(a number) returns number(10,6) as 'a / 3';
create temporary function gone_soon(a int) returns int as 'a';`,
        ),
      );
    } finally {
      await first.dispose();
    }
    const reopened = await SnowparkRuntime.open({ dbPath });
    try {
      // a / 3 calls one of the dialect's macros: the reopened database gets it without being asked.
      const [kept, gone, shown] = await runSql(reopened, "select kept_third(1); select gone_soon(1); show user functions like '%'");
      assert.equal(onlyCell(kept), '0.333333');
      assert.equal(gone.error?.errorCode, '002140');
      assert.deepEqual(resultRows(shown).map((row) => row.name), ['KEPT_THIRD']);
    } finally {
      await reopened.dispose();
    }
  });
});
