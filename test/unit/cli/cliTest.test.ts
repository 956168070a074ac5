import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot, runCli } from '../support/cliProcess';

// `snowpark-local test` end to end: the bundled CLI on a workspace of saved runs (a pass, a
// failure, an expected error, a crash, a setup file, a copied database), its exit codes, and
// its JUnit XML read back by a real XML parser (Python's ElementTree), as CI would read it.

interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

function parseXml(file: string): XmlElement {
  const script =
    'import json, sys, xml.etree.ElementTree as E\n' +
    'def walk(e): return {"tag": e.tag, "attributes": e.attrib, "text": e.text or "", "children": [walk(c) for c in e]}\n' +
    'print(json.dumps(walk(E.parse(sys.argv[1]).getroot())))\n';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

const BASIC = join(repoRoot, 'test', 'workspaces', 'basic');

describe('snowpark-local test', function () {
  this.timeout(120_000);
  let folder: string;
  const write = (name: string, text: string): string => {
    const path = join(folder, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const runsJson = (runs: unknown[]): string => write('.snowpark-local/runs.json', JSON.stringify({ version: 1, runs }, null, 2));

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'snowpark-local-test-cmd-'));
    mkdirSync(join(folder, 'fixtures'));
    copyFileSync(join(BASIC, 'saved_runs.py'), join(folder, 'saved_runs.py'));
    copyFileSync(join(BASIC, 'fixtures', 'orders.sql'), join(folder, 'fixtures', 'orders.sql'));
    write(
      'more.py',
      'def crash(session) -> int:\n    return 1 // 0\n\n' +
        'def add_order(session) -> int:\n' +
        '    session.sql("insert into orders values (9, \'2024-03\', 1)").collect()\n' +
        '    return session.sql("select count(*) as n from orders").collect()[0]["N"]\n',
    );
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('runs each saved run with an expectation in a fresh database, prints diffs, exits 1 and writes JUnit XML', async () => {
    runsJson([
      { name: 'small month', handler: 'saved_runs.py:month_total', args: ['2024-02'], setup: ['fixtures/orders.sql'], expect: { returns: 5.25 } },
      { name: 'january orders', handler: 'saved_runs.py:orders_in', args: ['2024-01'], setup: ['fixtures/orders.sql'], expect: { rows: [{ ID: 1, AMOUNT: 10.5 }, { ID: 2, AMOUNT: 25 }] } },
      { name: 'bad cast', handler: 'saved_runs.py:bad_cast', expect: { error: { code: '100038' } } },
      // No setup: the orders table of the tests before must not be visible here.
      { name: 'isolated', handler: 'saved_runs.py:month_total', args: ['2024-02'], expect: { error: { code: '002003' } } },
      { name: 'crash', handler: 'more.py:crash', expect: { returns: 1 } },
      { name: 'not a test', handler: 'more.py:crash' },
    ]);
    const junit = join(folder, 'out', 'junit.xml');
    mkdirSync(dirname(junit));
    const result = await runCli(['test', '--junit', 'out/junit.xml'], { cwd: folder });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /✔ saved_runs\.py:month_total › small month \(passed/);
    assert.match(result.stdout, /✖ saved_runs\.py:orders_in › january orders \(failed/);
    assert.match(result.stdout, /rows\[1\]\.AMOUNT: expected 25, got "20\.00"/);
    assert.match(result.stdout, /✔ saved_runs\.py:bad_cast › bad cast \(passed/);
    assert.match(result.stdout, /✔ saved_runs\.py:month_total › isolated \(passed/);
    assert.match(result.stdout, /! more\.py:crash › crash \(errored/);
    assert.match(result.stdout, /ZeroDivisionError: /);
    assert.match(result.stdout, new RegExp(`at ${join(folder, 'more.py').replace(/[.\\]/g, '\\$&')}:2`));
    assert.match(result.stdout, /5 test\(s\): 3 passed, 1 failed, 1 errored \(1 saved run\(s\) without "expect" are not tests\)/);

    const xml = parseXml(junit);
    assert.equal(xml.tag, 'testsuites');
    assert.deepEqual([xml.attributes.tests, xml.attributes.failures, xml.attributes.errors], ['5', '1', '1']);
    assert.deepEqual(xml.children.map((suite) => [suite.attributes.name, suite.attributes.tests, suite.attributes.failures, suite.attributes.errors]), [
      ['saved_runs.py', '4', '1', '0'],
      ['more.py', '1', '0', '1'],
    ]);
    const cases = xml.children.flatMap((suite) => suite.children);
    assert.deepEqual(cases.map((testcase) => testcase.attributes.name), ['small month', 'january orders', 'bad cast', 'isolated', 'crash']);
    for (const testcase of cases) assert.ok(Number(testcase.attributes.time) > 0, `${testcase.attributes.name} has a time`);
    const failure = cases[1].children.find((child) => child.tag === 'failure')!;
    assert.match(failure.attributes.message, /first at rows\[1\]\.AMOUNT/);
    assert.match(failure.text, /--- expected[\s\S]*"AMOUNT": 25[\s\S]*\+\+\+ actual[\s\S]*"AMOUNT": "20.00"/);
    const error = cases[4].children.find((child) => child.tag === 'error')!;
    assert.equal(error.attributes.type, 'ZeroDivisionError');
    assert.match(error.attributes.message, /more\.py:2\)$/);
    assert.match(error.text, /Traceback/);
    assert.deepEqual(cases[0].children.map((child) => child.tag), [], 'a pass has neither failure nor error');
  });

  it('exits 0 when every test passes, and --json gives one object with each test', async () => {
    const file = runsJson([{ name: 'small month', handler: 'saved_runs.py:month_total', args: ['2024-02'], setup: ['fixtures/orders.sql'], expect: { returns: '5.250' } }]);
    const result = await runCli(['test', file, '--json'], { cwd: tmpdir() });
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.deepEqual([summary.passed, summary.failed, summary.errored], [1, 0, 0]);
    assert.deepEqual(summary.tests[0].actual, { returns: '5.250' }, 'an equal value is shown as the expectation spells it');
  });

  it('"database": "copy" tests against a copy of the workspace database and leaves the original alone', async () => {
    const db = join(folder, '.snowpark-local', 'local.duckdb');
    const made = await runCli(['sql', join(folder, 'fixtures', 'orders.sql'), '--db', db]);
    assert.equal(made.code, 0, made.stderr);
    runsJson([{ name: 'copy', handler: 'more.py:add_order', database: 'copy', expect: { returns: 4 } }]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = await runCli(['test', folder]);
      assert.equal(result.code, 0, `attempt ${attempt}: ${result.stdout}${result.stderr}`);
    }
    const count = await runCli(['sql', '-e', 'select count(*) as n from orders', '--db', db, '--json']);
    assert.deepEqual(JSON.parse(count.stdout).rows, [{ N: 3 }], 'the workspace database kept its 3 rows');
  });

  it('reports a setup file that fails at its file:line, and a copy with no database to copy', async () => {
    write('fixtures/broken.sql', 'create table t (a int);\nselect * from no_such_table;\n');
    runsJson([
      { name: 'broken setup', handler: 'saved_runs.py:month_total', args: ['x'], setup: ['fixtures/broken.sql'], expect: { returns: 1 } },
      { name: 'missing setup', handler: 'saved_runs.py:month_total', args: ['x'], setup: ['fixtures/nope.sql'], expect: { returns: 1 } },
      { name: 'no such handler', handler: 'saved_runs.py:nope', expect: { returns: 1 } },
    ]);
    const result = await runCli(['test', folder]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /run "broken setup": setup .*broken\.sql:2 failed: 002003 \(42S02\)[\s\S]*'NO_SUCH_TABLE' does not exist/);
    assert.match(result.stdout, /run "missing setup": setup file .*nope\.sql cannot be read\. Fix the path in "setup"/);
    assert.match(result.stdout, /no such handler \(errored[\s\S]*handler 'nope' not found in .*saved_runs\.py/);
    rmSync(join(folder, '.snowpark-local', 'local.duckdb'), { force: true });
    runsJson([{ name: 'copy', handler: 'more.py:add_order', database: 'copy', expect: { returns: 4 } }]);
    const copy = await runCli(['test', folder]);
    assert.equal(copy.code, 1);
    assert.match(copy.stdout, /"database": "copy", but .*local\.duckdb does not exist yet/);
  });

  it('exits 2 on a runs.json that does not validate, a missing one, or bad usage', async () => {
    runsJson([{ name: 'a', handler: 'saved_runs.py:month_total', args: 'x' }]);
    const invalid = await runCli(['test', folder]);
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /runs\.json: run "a": "args" must be a JSON array/);
    assert.doesNotMatch(invalid.stderr, /Usage:/, 'the file needs fixing, not the command line');
    write('.snowpark-local/runs.json', '{"version": 1, "runs": [}');
    assert.equal((await runCli(['test', folder])).code, 2);
    const empty = mkdtempSync(join(tmpdir(), 'snowpark-local-test-empty-'));
    try {
      const missing = await runCli(['test'], { cwd: empty });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no saved runs: .*runs\.json does not exist/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    const usage = await runCli(['test', folder, 'extra']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /unexpected argument extra/);
    const help = await runCli(['--help']);
    assert.match(help.stdout, /snowpark-local test \[PATH\] \[--junit FILE\]/);
    assert.ok(readFileSync(join(repoRoot, 'dist', 'cli.js')).length > 0);
  });
});
