import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { descendantsOf, isAlive, waitUntil } from '../support/processTable';
import { repoRoot, runCli } from '../support/cliProcess';

describe('snowpark-local run', function () {
  this.timeout(60_000);
  let directory: string;
  const write = (name: string, text: string) => {
    const path = join(directory, name);
    writeFileSync(path, text);
    return path;
  };

  before(() => (directory = mkdtempSync(join(tmpdir(), 'snowpark-local-cli-'))));
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('runs a .py handler with typed arguments and prints --json with its jobs', async () => {
    const file = write(
      'h.py',
      'def main(session, n: int, label: str):\n' +
        '    print("hello from the handler")\n' +
        '    job = session.sql("select system$wait(1)").collect_nowait()\n' +
        '    rows = session.sql(f"select {n} * 2 as doubled").collect()\n' +
        '    return f"{label}: {rows[0][\'DOUBLED\']} {job.result()[0][0]}"\n',
    );
    const result = await runCli(['run', file, '--args', '[21, "x"]', '--db', ':memory:', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.result, 'x: 42 waited 1 seconds');
    assert.equal(summary.error, null);
    assert.ok(summary.durationMs >= 1000);
    assert.deepEqual(
      summary.jobs.map((job: { query: string; status: string }) => [job.query, job.status]),
      [['select system$wait(1)', 'SUCCESS'], ['select 21 * 2 as doubled', 'SUCCESS']],
    );
    for (const job of summary.jobs) assert.match(job.queryId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.match(result.stderr, /hello from the handler/, 'prints go to stderr with --json, stdout stays JSON');
  });

  it('returns plain-JSON values and values needing tags exactly, in --json and as a table', async () => {
    const file = write(
      'values.py',
      'import decimal\n' +
        'def plain(session):\n' +
        '    return [{"$t": "object", "v": -0.0, "k": ("a", 2**53 - 1)}, {"s": "żółć 🚀", "n": None, "b": True}]\n' +
        'def tagged(session):\n' +
        '    return [{"big": 2**64, "d": decimal.Decimal("1.50"), "f": float("nan")}]\n',
    );
    const plain = await runCli(['run', file, '--handler', 'plain', '--db', ':memory:', '--json']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.deepEqual(JSON.parse(plain.stdout).result, [{ $t: 'object', v: 0, k: ['a', 9007199254740991] }, { s: 'żółć 🚀', n: null, b: true }]);
    const tagged = await runCli(['run', file, '--handler', 'tagged', '--db', ':memory:', '--json']);
    assert.equal(tagged.code, 0, tagged.stderr);
    assert.deepEqual(JSON.parse(tagged.stdout).result, [{ big: '18446744073709551616', d: '1.50', f: 'NaN' }]);
    const table = await runCli(['run', file, '--handler', 'plain', '--db', ':memory:']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /"\$t": "object"/, 'the VARIANT cell shows the dict key "$t" as it is');
  });

  // Python sends a plain-JSON value as its JSON text, which --json writes as it is when
  // JavaScript would print the same (python: 1.0, 1e+16; JavaScript: 1, 10000000000000000; and
  // a JavaScript object lists integer-like keys first): the output must be JSON.stringify's.
  it('--json prints every value exactly as JSON.stringify does, whether passed through or re-printed', async () => {
    const file = write(
      'printed.py',
      'def exact(session):\n' +
        '    return [{"id": 2**53 - 1, "n": -7, "s": "żółć 🚀 \\u2028 \\x7f \\"q\\" \\\\ \\n \\x00", "x": [[], {}, None, True]}, {"$t": "object", "a1": {"b": [0]}}]\n' +
        'def floats(session):\n' +
        '    return {"one": 1.0, "big": 1e16, "huge": 1e21, "tiny": 1e-7, "neg_zero": -0.0, "sum": 0.1 + 0.2, "ints": [1, 2]}\n' +
        'def integer_keys(session):\n' +
        '    return [{"b": 1, "10": 2, "2": 3, "a": 4, "01": 5}]\n' +
        'def escaped_str(session):\n' +
        '    return "tab\\there \\"quoted\\" back\\\\slash \\x01" * 5000\n' +
        'def plain_str(session):\n' +
        '    return "żółć 🚀 \\u2028 " * 7000\n' +
        'def short_str(session):\n' +
        '    return "short \\"str\\""\n',
    );
    const expected: Record<string, unknown> = {
      exact: [{ id: 9007199254740991, n: -7, s: 'żółć 🚀 \u2028 \x7f "q" \\ \n \u0000', x: [[], {}, null, true] }, { $t: 'object', a1: { b: [0] } }],
      floats: { one: 1, big: 1e16, huge: 1e21, tiny: 1e-7, neg_zero: 0, sum: 0.1 + 0.2, ints: [1, 2] },
      integer_keys: [{ b: 1, 10: 2, 2: 3, a: 4, '01': 5 }],
      // Strs of 64 Ki characters or more travel as text, shorter ones as before.
      escaped_str: 'tab\there "quoted" back\\slash \x01'.repeat(5000),
      plain_str: 'żółć 🚀 \u2028 '.repeat(7000),
      short_str: 'short "str"',
    };
    for (const [handler, value] of Object.entries(expected)) {
      const result = await runCli(['run', file, '--handler', handler, '--db', ':memory:', '--json']);
      assert.equal(result.code, 0, result.stderr);
      const printed = JSON.parse(result.stdout);
      assert.deepEqual(printed.result, value, handler);
      assert.equal(result.stdout, JSON.stringify(printed) + '\n', `${handler}: printed as JSON.stringify prints it`);
    }
    // Without --json the VARIANT cell starts as JSON.stringify(value, null, 2) does, on one line.
    const table = await runCli(['run', file, '--handler', 'exact', '--db', ':memory:']);
    assert.equal(table.code, 0, table.stderr);
    const start = JSON.stringify(expected.exact, null, 2).replace(/\n/g, ' ').slice(0, 79);
    assert.ok(table.stdout.includes(`| ${start}… |`), table.stdout);
  });

  it('prints a readable table without --json, named after the handler', async () => {
    const file = write('t.py', 'def main(session):\n    return session.sql("select 1 as a, \'b\' as b union all select 2, \'c\'")\n');
    const result = await runCli(['run', file, '--db', ':memory:']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\| A \| B \|/);
    assert.match(result.stdout, /\| 2 \| c \|/);
    assert.match(result.stdout, /2 Rows produced/);
  });

  it('a failing handler exits 1 with its traceback and the file:line to fix', async () => {
    const result = await runCli(['run', join(repoRoot, 'examples', 'handlers', 'failing_handler.py'), '--db', ':memory:']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /ZeroDivisionError: division by zero/);
    assert.match(result.stderr, /failing_handler\.py:7/);
    assert.doesNotMatch(result.stderr, /snowpark_local[/\\]bootstrap/, 'shim frames are left out');
  });

  it('a syntax error names the file and line', async () => {
    const file = write('bad.py', 'def main(session):\n    return (\n');
    const result = await runCli(['run', file, '--handler', 'main', '--db', ':memory:']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /SyntaxError/);
    assert.match(result.stderr, /bad\.py:\d/);
  });

  it('a missing handler name says which functions exist', async () => {
    const file = write('two.py', 'def a(session):\n    return 1\n\ndef b(session):\n    return 2\n');
    const ambiguous = await runCli(['run', file, '--db', ':memory:']);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /2 handlers \(a, b\); choose one with --handler NAME/);
    const missing = await runCli(['run', file, '--handler', 'nope', '--db', ':memory:']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope/);
    assert.match(missing.stderr, /a, b/);
  });

  it('wrong argument count and types are one clear line and exit 2', async () => {
    const file = write('args.py', 'def main(session, n: int):\n    return n\n');
    const count = await runCli(['run', file, '--args', '[]', '--db', ':memory:']);
    assert.equal(count.code, 2);
    assert.match(count.stderr, /main\(n int\) takes 1 argument; 0 given/);
    const type = await runCli(['run', file, '--args', '["x"]', '--db', ':memory:']);
    assert.equal(type.code, 2);
    assert.match(type.stderr, /argument 1 \(n\) int: "x" is not a whole number/);
    const json = await runCli(['run', file, '--args', 'nope', '--db', ':memory:']);
    assert.equal(json.code, 2);
    assert.match(json.stderr, /--args must be a JSON array/);
  });

  it('a missing Python interpreter is a clear error saying how to fix it', async () => {
    const file = write('p.py', 'def main(session):\n    return 1\n');
    const result = await runCli(['run', file, '--python', '/nonexistent/python3', '--db', ':memory:']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Python was not found: '\/nonexistent\/python3' is not on PATH/);
    assert.match(result.stderr, /--python PATH/);
  });

  it('runs a procedure from a .sql file, and a bad usage exits 2', async () => {
    const sql = join(repoRoot, 'examples', 'async_child_jobs.sql');
    const result = await runCli(['run', sql, '--procedure', 'checkStatus', '--db', ':memory:', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).result, 'False');
    const usage = await runCli(['run', sql, '--warehouse', 'huge']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--warehouse must be standard or snowpark-optimized/);
  });

  it('Ctrl-C cancels the run and leaves no Python process behind', async () => {
    const file = write(
      'slow.py',
      'import subprocess, sys, time\n' +
        'def main(session):\n' +
        '    session.sql("select system$wait(30)").collect_nowait()\n' +
        '    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])\n' +
        '    time.sleep(30)\n',
    );
    let cliPid = 0;
    const running = runCli(['run', file, '--db', ':memory:'], { onStart: (pid) => (cliPid = pid) });
    // Wait for the handler and the grandchild it starts.
    assert.ok(await waitUntil(() => cliPid > 0 && descendantsOf(cliPid).filter((p) => /python/.test(p.args)).length >= 2, 15_000));
    const pythons = descendantsOf(cliPid).filter((p) => /python/.test(p.args));
    process.kill(cliPid, 'SIGINT');
    const result = await running;
    assert.equal(result.code, 130);
    assert.ok(await waitUntil(() => pythons.every((p) => !isAlive(p.pid)), 5_000), `left behind: ${JSON.stringify(pythons.filter((p) => isAlive(p.pid)))}`);
  });
});

describe('snowpark-local sql', function () {
  this.timeout(30_000);

  it('prints one JSON object per statement, rows keyed by column', async () => {
    const result = await runCli(['sql', '-e', "create table t (a int); insert into t values (1), (2); select a, iff(a > 1, 'big', 'small') as size from t order by a", '--db', ':memory:', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[2].rows, [{ A: 1, SIZE: 'small' }, { A: 2, SIZE: 'big' }]);
    assert.deepEqual(lines[1].rows, [{ 'number of rows inserted': 2 }]);
    for (const line of lines) assert.equal(line.error, null);
  });

  it('stops at the first failing statement, names its line and query id, exits 1', async () => {
    const result = await runCli(['sql', '-e', 'select 1;\nselect * from missing_table;\nselect 3', '--db', ':memory:']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /statement at line 2 \(query id [0-9a-f-]{36}\)/);
    assert.match(result.stderr, /002003 \(42S02\): SQL compilation error:\nObject 'MISSING_TABLE' does not exist or not authorized/);
    assert.doesNotMatch(result.stdout, /\| 3 /);
  });

  it('no FILE and no -e is a usage error', async () => {
    const result = await runCli(['sql']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /sql needs either a FILE or -e "SQL"/);
  });
});
