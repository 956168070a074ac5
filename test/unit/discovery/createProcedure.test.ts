import assert from 'node:assert/strict';
import { parseCreateProcedure } from '../../../src/core/discovery/createProcedure';
import { splitStatements } from '../../../src/core/sql/splitStatements';
import { BOTH_EXAMPLES } from './docsExamples';

/** Parses the first statement of `sql`, as a worksheet would. */
function parseFirst(sql: string) {
  const [statement] = splitStatements(sql);
  return parseCreateProcedure(statement, sql);
}

describe('parseCreateProcedure', () => {
  describe('on the Snowflake docs examples', () => {
    const statements = splitStatements(BOTH_EXAMPLES);

    it('reads the joblib example', () => {
      const definition = parseCreateProcedure(statements[0], BOTH_EXAMPLES);
      assert.ok(definition);
      assert.equal(definition.name, 'JOBLIB_MULTIPROCESSING_PROC');
      assert.deepEqual(definition.args, [{ name: 'I', type: 'INT' }]);
      assert.deepEqual(definition.returns, { kind: 'scalar', type: 'STRING', notNull: false });
      assert.equal(definition.language, 'PYTHON');
      assert.equal(definition.runtimeVersion, '3.12');
      assert.equal(definition.handler, 'joblib_multiprocessing');
      assert.deepEqual(definition.packages, ['snowflake-snowpark-python', 'joblib']);
      assert.deepEqual(definition.imports, []);
      assert.equal(definition.orReplace, true);
      assert.equal(definition.ifNotExists, false);
      assert.equal(definition.statementStartLine, 0);
      assert.equal(definition.bodyStartLine, 6);
      assert.ok(definition.body.startsWith('\nimport joblib\n'));
      assert.ok(definition.body.endsWith('return str(result)\n'));
      assert.equal(BOTH_EXAMPLES.slice(definition.bodyStartOffset, definition.bodyStartOffset + 14), '\nimport joblib');
    });

    it('reads the async example, with EXECUTE AS CALLER', () => {
      const definition = parseCreateProcedure(statements[1], BOTH_EXAMPLES);
      assert.ok(definition);
      assert.equal(definition.name, 'CHECKSTATUS');
      assert.deepEqual(definition.args, []);
      assert.deepEqual(definition.returns, { kind: 'scalar', type: 'VARCHAR', notNull: false });
      assert.equal(definition.handler, 'async_handler');
      assert.deepEqual(definition.packages, ['snowflake-snowpark-python']);
      assert.equal(definition.executeAs, 'CALLER');
      assert.equal(definition.statementStartLine, 15);
      assert.equal(definition.bodyStartLine, 22);
      const lines = BOTH_EXAMPLES.split('\n');
      assert.equal(lines[definition.bodyStartLine + 1], 'def async_handler(session):');
    });

    it('is undefined for the CALL', () => {
      assert.equal(parseCreateProcedure(statements[2], BOTH_EXAMPLES), undefined);
    });
  });

  it('gives statement-relative lines when given the statement text as the document', () => {
    const [, second] = splitStatements(BOTH_EXAMPLES);
    const definition = parseCreateProcedure(second, second.text);
    assert.equal(definition?.statementStartLine, 0);
    assert.equal(definition?.bodyStartLine, 7);
  });

  it('reads every clause, in any order, case-insensitively', () => {
    const definition = parseFirst(`create secure temporary procedure if not exists MyDb.public."mixedName"(
        a number(10, 2), "Quoted" varchar(16777216) default 'x', ts timestamp_ntz(9) default current_timestamp())
      copy grants
      handler = 'pkg.module.run'
      comment = 'it''s here'
      external_access_integrations = (my_integration)
      secrets = ('cred' = my_secret)
      runtime_version = '3.11'
      imports = ('@stage/x.py', '@stage/y.zip')
      packages = ('pandas==2.2.2')
      execute as restricted caller
      returns number(38, 0) not null
      language python
      as 'def run(session, a):\\n    return 1'`);
    assert.ok(definition);
    assert.equal(definition.name, 'MYDB.PUBLIC."mixedName"');
    assert.deepEqual(definition.args, [
      { name: 'A', type: 'NUMBER(10, 2)' },
      { name: '"Quoted"', type: 'VARCHAR(16777216)', defaultSql: "'x'" },
      { name: 'TS', type: 'TIMESTAMP_NTZ(9)', defaultSql: 'current_timestamp()' },
    ]);
    assert.deepEqual(definition.returns, { kind: 'scalar', type: 'NUMBER(38, 0)', notNull: true });
    assert.equal(definition.handler, 'pkg.module.run');
    assert.equal(definition.comment, "it's here");
    assert.equal(definition.runtimeVersion, '3.11');
    assert.deepEqual(definition.imports, ['@stage/x.py', '@stage/y.zip']);
    assert.deepEqual(definition.packages, ['pandas==2.2.2']);
    assert.equal(definition.executeAs, 'RESTRICTED CALLER');
    assert.equal(definition.ifNotExists, true);
    assert.equal(definition.orReplace, false);
    assert.equal(definition.body, 'def run(session, a):\n    return 1');
    assert.equal(definition.bodyIsVerbatim, false);
  });

  it('reads RETURNS TABLE with and without columns', () => {
    const withColumns = parseFirst(`create procedure p() returns table (id number, "Name" varchar) language python runtime_version=3.12 handler='h' as $$x$$`);
    assert.deepEqual(withColumns?.returns, { kind: 'table', columns: [{ name: 'ID', type: 'NUMBER' }, { name: '"Name"', type: 'VARCHAR' }] });
    const empty = parseFirst(`create procedure p() returns table () language python handler='h' as $$x$$`);
    assert.deepEqual(empty?.returns, { kind: 'table', columns: [] });
  });

  it('returns non-Python procedures with their language', () => {
    const definition = parseFirst(`create or replace procedure p(x float) returns float language javascript as $$ return X; $$`);
    assert.equal(definition?.language, 'JAVASCRIPT');
    assert.equal(definition?.handler, '');
  });

  it('is undefined for other statements', () => {
    for (const sql of ['select 1', 'create table t (a int)', 'create function f() returns int as $$1$$', 'create or procedure']) {
      assert.equal(parseFirst(sql), undefined, sql);
    }
  });

  it('reads multi-word types such as DOUBLE PRECISION', () => {
    const definition = parseFirst(`create procedure p(x double precision) returns timestamp with time zone language python handler='h' as $$x$$`);
    assert.deepEqual(definition?.args, [{ name: 'X', type: 'DOUBLE PRECISION' }]);
    assert.deepEqual(definition?.returns, { kind: 'scalar', type: 'TIMESTAMP WITH TIME ZONE', notNull: false });
  });
});
