import assert from 'node:assert/strict';
import { findHandlersInSql, findPythonHandlers, parsePackagesComment } from '../../../src/core/discovery/pythonHandlers';
import { BOTH_EXAMPLES } from './docsExamples';

describe('findPythonHandlers', () => {
  it('finds top-level defs whose first parameter is session', () => {
    const source = [
      'import snowflake.snowpark as snowpark', // 0
      '', // 1
      'def helper(x):', // 2
      '    return x', // 3
      '', // 4
      'def main(session, count: int = 3, *args, label: str = "a,b", **kwargs) -> str:', // 5
      '    def inner(session):', // 6
      '        pass', // 7
      '    return "ok"', // 8
    ].join('\n');
    assert.deepEqual(findPythonHandlers(source), [
      {
        name: 'main',
        line: 5,
        column: 0,
        nameColumn: 4,
        sessionParam: 'session',
        params: [{ name: 'count', annotation: 'int', default: '3' }, { name: '*args' }, { name: 'label', annotation: 'str', default: '"a,b"' }, { name: '**kwargs' }],
        returnAnnotation: 'str',
      },
    ]);
  });

  it('accepts a first parameter annotated as a Snowpark Session, whatever its name', () => {
    const source = [
      'def a(s: Session): pass',
      'def b(s: snowpark.Session): pass',
      "def c(s: 'snowflake.snowpark.Session'): pass",
      'def d(s: int): pass',
    ].join('\n');
    assert.deepEqual(findPythonHandlers(source).map((h) => [h.name, h.sessionParam]), [['a', 's'], ['b', 's'], ['c', 's']]);
  });

  it('reads multi-line signatures with comments, brackets and defaults', () => {
    const source = [
      'def run(',
      '    session,  # the session',
      '    items: list[tuple[int, int]] = [(1, 2)],',
      '    sep: str = ")",',
      ') -> dict[str, int]:',
      '    return {}',
    ].join('\n');
    const [handler] = findPythonHandlers(source);
    assert.deepEqual(handler.params, [{ name: 'items', annotation: 'list[tuple[int, int]]', default: '[(1, 2)]' }, { name: 'sep', annotation: 'str', default: '")"' }]);
    assert.equal(handler.returnAnnotation, 'dict[str, int]');
  });

  it('includes functions named by extraHandlerNames, dropping their first (session) parameter', () => {
    const [handler] = findPythonHandlers('def run(sess, n):\n    pass\n', ['run']);
    assert.equal(handler.name, 'run');
    assert.equal(handler.sessionParam, 'sess');
    assert.deepEqual(handler.params, [{ name: 'n' }]);
  });

  it('skips async defs, nested defs and defs inside strings or brackets', () => {
    const source = [
      'async def a(session): pass',
      'class K:',
      '    def b(session): pass',
      '"""',
      'def c(session): pass',
      '"""',
      'x = (',
      'def d(session): pass',
      ')',
      'def e(session): pass',
    ].join('\n');
    assert.deepEqual(findPythonHandlers(source).map((h) => h.name), ['e']);
  });

  it('ignores a signature that is still being typed', () => {
    assert.deepEqual(findPythonHandlers('def main(session, x'), []);
  });
});

describe('parsePackagesComment', () => {
  it('reads # packages: lines from the top comment block', () => {
    const source = '#!/usr/bin/env python\n# packages: joblib, pandas==2.2.2\n\n# Packages: "numpy"\nimport joblib\n# packages: ignored\n';
    assert.deepEqual(parsePackagesComment(source), ['joblib', 'pandas==2.2.2', 'numpy']);
  });

  it('is empty without such a comment', () => {
    assert.deepEqual(parsePackagesComment('import os\n# packages: late'), []);
  });
});

describe('findHandlersInSql', () => {
  it('places each handler at its absolute line in the worksheet', () => {
    const locations = findHandlersInSql(BOTH_EXAMPLES);
    const lines = BOTH_EXAMPLES.split('\n');
    assert.deepEqual(locations.map((l) => [l.procedure.name, l.handlerName, l.line]), [
      ['JOBLIB_MULTIPROCESSING_PROC', 'joblib_multiprocessing', 10],
      ['CHECKSTATUS', 'async_handler', 23],
    ]);
    assert.ok(lines[10].startsWith('def joblib_multiprocessing('));
    assert.ok(lines[23].startsWith('def async_handler('));
    assert.deepEqual(locations[0].handler?.params, [{ name: 'i' }]);
  });

  it('finds a handler whose def starts on the $$ line, and falls back to the statement line', () => {
    const sql = [
      'select 1;',
      "create procedure p() returns int language python handler='mod.go' as $$def go(session): return 1",
      '$$;',
      "create procedure q() returns int language python handler='missing' as $$",
      'x = 1',
      '$$;',
      "create procedure r() returns int language sql as $$ begin return 1; end $$;",
    ].join('\n');
    const locations = findHandlersInSql(sql);
    assert.deepEqual(locations.map((l) => [l.procedure.name, l.line, l.column, l.handler !== undefined]), [
      ['P', 1, 71, true],
      ['Q', 3, 0, false],
    ]);
  });
});
