import assert from 'node:assert/strict';
import { LaunchConfigurationError, readLaunchConfiguration, splitQualifiedName } from '../../../src/core/targets/launchConfiguration';
import { useTempDirectory } from '../support/tempDirectory';

function problemsOf(configuration: Record<string, unknown>, folder = '/ws'): string[] {
  try {
    readLaunchConfiguration(configuration, folder);
  } catch (error) {
    assert.ok(error instanceof LaunchConfigurationError);
    return error.problems;
  }
  assert.fail('expected the configuration to be refused');
}

describe('launch.json configurations of type snowpark-local', () => {
  const files = useTempDirectory('snowpark-local-launch-');

  it('a handler with inline args, relative to the workspace folder', () => {
    const selection = readLaunchConfiguration({ type: 'snowpark-local', request: 'launch', name: 'Debug', handler: 'handlers/orders.py:main', args: [10, 'x'] }, '/ws');
    assert.deepEqual(selection, { file: '/ws/handlers/orders.py', handler: 'main', procedure: undefined, args: [10, 'x'], warehouseType: undefined, target: undefined, dbPath: undefined, python: undefined, justMyCode: true, workers: undefined });
  });

  it('a procedure with argsFile, warehouse, target, database, workers and justMyCode', () => {
    const argsFile = files.write('month.json', '[3, "2024-03"]');
    const selection = readLaunchConfiguration(
      { procedure: '/abs/procs.sql:MONTHLY_TOTALS', argsFile, warehouse: 'snowpark-optimized', target: 'dev', database: 'data/test.duckdb', workers: 4, justMyCode: false },
      '/ws',
    );
    assert.equal(selection.file, '/abs/procs.sql');
    assert.equal(selection.procedure, 'MONTHLY_TOTALS');
    assert.deepEqual(selection.args, [3, '2024-03']);
    assert.equal(selection.warehouseType, 'snowpark-optimized');
    assert.equal(selection.target, 'dev');
    assert.equal(selection.dbPath, '/ws/data/test.duckdb');
    assert.equal(selection.workers, 4);
    assert.equal(selection.justMyCode, false);
    assert.equal(readLaunchConfiguration({ procedure: 'p.sql:P', database: ':memory:' }, '/ws').dbPath, ':memory:');
  });

  it('a file alone (one handler in it) and Windows paths with a drive letter', () => {
    assert.deepEqual(splitQualifiedName('handlers/only.py'), { file: 'handlers/only.py' });
    assert.deepEqual(splitQualifiedName('C:\\work\\h.py:main'), { file: 'C:\\work\\h.py', name: 'main' });
    assert.deepEqual(splitQualifiedName('C:\\work\\procs.sql:"My Proc"'), { file: 'C:\\work\\procs.sql', name: '"My Proc"' });
    assert.equal(readLaunchConfiguration({ handler: 'handlers/only.py' }, '/ws').handler, undefined);
  });

  it('every problem is reported at once, naming the attribute and what to write', () => {
    const problems = problemsOf({ name: 'Bad one', request: 'attach', handler: 'orders.txt', args: '10', warehouse: 'xl', workers: 0, justMyCode: 'yes' });
    assert.equal(problems.length, 6, problems.join('\n'));
    assert.match(problems[0], /"request" must be "launch"/);
    assert.match(problems[1], /"handler" must name a \.py file and its function, as "handlers\/orders\.py:main"; got "orders\.txt"/);
    assert.match(problems[2], /"args" must be a JSON array/);
    assert.match(problems[3], /"warehouse" must be "standard" or "snowpark-optimized"; got "xl"/);
    assert.match(problems[4], /"justMyCode" must be true or false/);
    assert.match(problems[5], /"workers" must be a whole number of at least 1/);
    assert.throws(() => readLaunchConfiguration({ name: 'Bad one' }, '/ws'), /configuration "Bad one" cannot start: add "handler"/);
  });

  it('handler and procedure together, or args and argsFile together, are refused', () => {
    assert.match(problemsOf({ handler: 'a.py:main', procedure: 'b.sql:P' })[0], /either "handler".*or "procedure".*not both/);
    assert.match(problemsOf({ handler: 'a.py:main', args: [], argsFile: 'x.json' })[0], /either "args" or "argsFile"/);
    assert.match(problemsOf({ procedure: 'a.py:P' })[0], /"procedure" must name a \.sql file/);
  });

  it('an argsFile that is missing, not JSON, or not an array says which and what to put there', () => {
    assert.match(problemsOf({ handler: 'a.py:main', argsFile: files.path('none.json') })[0], /none\.json cannot be read: create it with a JSON array/);
    assert.match(problemsOf({ handler: 'a.py:main', argsFile: files.write('bad.json', '[1,') })[0], /bad\.json is not valid JSON/);
    assert.match(problemsOf({ handler: 'a.py:main', argsFile: files.write('obj.json', '{"n": 1}') })[0], /must hold a JSON array of arguments; it holds an object/);
  });
});
