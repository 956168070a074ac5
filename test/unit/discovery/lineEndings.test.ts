import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCall } from '../../../src/core/discovery/callStatement';
import { findHandlersInSql, findPythonHandlers, parsePackagesComment } from '../../../src/core/discovery/pythonHandlers';
import { splitStatements } from '../../../src/core/sql/splitStatements';
import { runCli } from '../support/cliProcess';
import { BOTH_EXAMPLES } from './docsExamples';

// Files saved on Windows end lines with \r\n. Everything found in them (handlers, procedures,
// lines for CodeLens and tracebacks) must be what the same file with \n gives.
const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

const HANDLER = [
  '# packages: joblib',
  'from snowflake.snowpark import Session',
  '',
  'def main(session: Session, n: int = 3,',
  '         label: str = "x") -> str:',
  '    rows = session.sql("select 1 as one").collect()',
  '    return f"{label}{n}"',
].join('\n');

describe('\\r\\n line endings (files saved on Windows)', () => {
  it('Python handlers: the same defs, lines, parameters and # packages: comment', () => {
    assert.deepEqual(findPythonHandlers(crlf(HANDLER)), findPythonHandlers(HANDLER));
    assert.equal(findPythonHandlers(crlf(HANDLER))[0].line, 3);
    assert.deepEqual(parsePackagesComment(crlf(HANDLER)), ['joblib']);
  });

  it("procedures in a .sql file: the same names, handler lines and argument types; the body runs as Python reads it", () => {
    const lf = findHandlersInSql(BOTH_EXAMPLES);
    const windows = findHandlersInSql(crlf(BOTH_EXAMPLES));
    assert.equal(windows.length, lf.length);
    assert.ok(windows.length >= 2);
    for (const [index, location] of windows.entries()) {
      assert.equal(location.procedure.name, lf[index].procedure.name);
      assert.deepEqual(location.procedure.args, lf[index].procedure.args);
      assert.deepEqual(location.procedure.packages, lf[index].procedure.packages);
      assert.equal(location.procedure.bodyStartLine, lf[index].procedure.bodyStartLine);
      assert.deepEqual([location.line, location.column], [lf[index].line, lf[index].column]);
      assert.equal(location.procedure.body.replace(/\r\n/g, '\n'), lf[index].procedure.body);
    }
  });

  it('worksheets: the same statements at the same lines; CALL arguments unchanged', () => {
    const sheet = 'select 1;\n\n-- a comment\nCALL my_proc(\n  1,\n  \'two\'\n);\nselect $$a\nb$$;\n';
    const lf = splitStatements(sheet);
    const windows = splitStatements(crlf(sheet));
    assert.deepEqual(windows.map((s) => [s.startLine, s.startColumn, s.text.replace(/\r\n/g, '\n')]), lf.map((s) => [s.startLine, s.startColumn, s.text]));
    assert.deepEqual(parseCall(windows[1]), parseCall(lf[1]));
  });

  describe('running them', function () {
    this.timeout(60_000);
    let folder: string;
    before(() => (folder = mkdtempSync(join(tmpdir(), 'snowpark-local-crlf-'))));
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('a \\r\\n .py handler runs, and its traceback names the right line', async () => {
      const file = join(folder, 'handler.py');
      writeFileSync(file, crlf('def main(session, n: int):\n    total = n * 2\n    return total / 0\n'));
      const run = await runCli(['run', file, '--args', '[4]', '--db', ':memory:']);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /ZeroDivisionError: division by zero at .*handler\.py:3\b/);
    });

    it('a \\r\\n .sql procedure runs, and an error in its $$ body maps to the .sql line', async () => {
      const file = join(folder, 'procs.sql');
      writeFileSync(
        file,
        crlf(
          [
            'CREATE OR REPLACE PROCEDURE doubled(n INT)', // 1
            'RETURNS INT', // 2
            'LANGUAGE PYTHON', // 3
            "RUNTIME_VERSION = '3.11'", // 4
            "PACKAGES = ('snowflake-snowpark-python')", // 5
            "HANDLER = 'run'", // 6
            'AS', // 7
            '$$', // 8
            'def run(session, n):', // 9
            '    if n < 0:', // 10
            '        raise ValueError("negative")', // 11
            '    return session.sql(f"select {n} * 2").collect()[0][0]', // 12
            '$$;', // 13
          ].join('\n'),
        ),
      );
      const ok = await runCli(['run', file, '--procedure', 'doubled', '--args', '[21]', '--db', ':memory:', '--json']);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(JSON.parse(ok.stdout).result, 42);
      const failed = await runCli(['run', file, '--procedure', 'doubled', '--args', '[-1]', '--db', ':memory:']);
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /ValueError: negative at .*procs\.sql:11\b/);
    });
  });
});
