import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSavedRuns, readSavedRuns, SavedRunsError } from '../../../src/core/savedRuns/readSavedRuns';
import { savedRunTarget, splitReference } from '../../../src/core/savedRuns/savedRunsFormat';
import { saveExpectation, saveRun } from '../../../src/core/savedRuns/writeSavedRuns';
import { useTempDirectory } from '../support/tempDirectory';

// runs.json: what is read, what is refused (with file, run and field named), what is written.

const FILE = '/ws/.snowpark-local/runs.json';
const parse = (data: unknown) => parseSavedRuns(FILE, JSON.stringify(data));
const refused = (data: unknown, message: RegExp) =>
  assert.throws(() => parse(data), (error: unknown) => error instanceof SavedRunsError && error.message.startsWith(`${FILE}: `) && message.test(error.message));

describe('runs.json: reading and validation', () => {
  it('reads every documented field and defaults args to []', () => {
    const file = parse({
      version: 1,
      runs: [
        { name: 'small month', handler: 'handlers/orders.py:main', args: [1, 'a'], setup: ['fixtures/orders.sql'], database: 'copy', expect: { returns: 3 } },
        { name: 'table', procedure: 'procs.sql:MONTHLY', target: 'local', expect: { rows: [{ ID: 1 }], columns: ['ID'], rowCount: 1, ordered: false } },
        { name: 'fails', handler: 'h.py', description: 'bad cast', expect: { error: { code: '100038', type: 'SnowparkSQLException', messageContains: 'Numeric' } } },
      ],
    });
    assert.equal(file.runs.length, 3);
    assert.deepEqual(file.runs[0], { name: 'small month', handler: 'handlers/orders.py:main', args: [1, 'a'], setup: ['fixtures/orders.sql'], database: 'copy', expect: { returns: 3 } });
    assert.deepEqual(file.runs[1].args, []);
    assert.equal(file.runs[2].description, 'bad cast');
  });

  it('refuses broken JSON, a wrong version and a missing runs array', () => {
    assert.throws(() => parseSavedRuns(FILE, '{"version": 1, runs: []}'), /runs\.json: is not valid JSON .*Fix the syntax/);
    refused({ version: 2, runs: [] }, /"version" is 2; this Snowpark Local reads version 1/);
    refused({ runs: [] }, /"version" is undefined/);
    refused({ version: 1 }, /"runs" must be an array/);
    refused([], /must be a JSON object/);
  });

  it('names the run and the field of each mistake', () => {
    refused({ version: 1, runs: [{ handler: 'h.py' }] }, /runs\[0\]: "name" must be a non-empty string/);
    refused({ version: 1, runs: [{ name: 'a' }] }, /run "a": give exactly one of "handler"/);
    refused({ version: 1, runs: [{ name: 'a', handler: 'h.py', procedure: 'p.sql:P' }] }, /run "a": give exactly one/);
    refused({ version: 1, runs: [{ name: 'a', procedure: 'p.py' }] }, /run "a": "procedure" must be "path\/to\/file\.sql:PROCEDURE_NAME"/);
    refused({ version: 1, runs: [{ name: 'a', handler: 'h.py', args: 5 }] }, /run "a": "args" must be a JSON array/);
    refused({ version: 1, runs: [{ name: 'a', handler: 'h.py', database: 'disk' }] }, /run "a": "database" must be ":memory:" .* not "disk"/);
    refused({ version: 1, runs: [{ name: 'a', handler: 'h.py', setup: 'x.sql' }] }, /run "a": "setup" must be an array of \.sql file paths/);
    refused({ version: 1, runs: [{ name: 'a', handler: 'h.py', argz: [] }] }, /run "a": "argz" is not a run field/);
    refused({ version: 1, runs: [{ name: 'a', handler: 'h.py' }, { name: 'a', handler: 'h.py' }] }, /run "a": the name is used twice/);
  });

  it('refuses expectations that mix shapes or have the wrong types', () => {
    const run = (expect: unknown) => ({ version: 1, runs: [{ name: 'r', handler: 'h.py', expect }] });
    refused(run(3), /run "r": "expect" must be \{"returns": VALUE\}/);
    refused(run({ returns: 1, rows: [] }), /"expect" with "returns" takes nothing else/);
    refused(run({ rows: [1] }), /"expect" \.rows must be an array of objects/);
    refused(run({ rowCount: -1 }), /\.rowCount must be a whole number/);
    refused(run({ columns: [3] }), /\.columns must be an array of column names/);
    refused(run({ ordered: false }), /"expect" must be/);
    refused(run({ error: { code: 100038 } }), /\.error\.code must be a non-empty string/);
    refused(run({ error: { status: 'x' } }), /\.error\."status" is not known/);
    refused(run({ row: [] }), /"expect" \."row" is not known/);
  });

  it('splits file:function references and resolves them against the folder', () => {
    assert.deepEqual(splitReference('handlers/orders.py:main'), { file: 'handlers/orders.py', name: 'main' });
    assert.deepEqual(splitReference('handlers/orders.py'), { file: 'handlers/orders.py' });
    assert.deepEqual(splitReference('C:\\ws\\h.py'), { file: 'C:\\ws\\h.py' }, 'a drive letter is not a function');
    assert.deepEqual(savedRunTarget('/ws', { name: 'a', procedure: 'sql/p.sql:MONTHLY', args: [] }), { file: '/ws/sql/p.sql', procedure: 'MONTHLY' });
  });
});

describe('runs.json: writing', () => {
  const temp = useTempDirectory('snowpark-local-runs-');

  it('creates the file, adds and replaces runs by name, and keeps the others as written', () => {
    const file = join(temp.path('ws'), '.snowpark-local', 'runs.json');
    assert.equal(readSavedRuns(file), undefined, 'no file: no runs');
    saveRun(file, { name: 'a', handler: 'h.py:main', args: [1] });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"args"', '"description": "written by hand", "args"'));
    saveRun(file, { name: 'b', handler: 'h.py:main', args: [2] });
    saveRun(file, { name: 'b', handler: 'h.py:main', args: [3], expect: undefined });
    const data = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(data.runs.map((run: { name: string }) => run.name), ['a', 'b']);
    assert.deepEqual(Object.keys(data.runs[0]), ['name', 'handler', 'description', 'args'], 'a hand-written run keeps its fields and their order');
    assert.deepEqual(data.runs[1].args, [3]);
  });

  it('saves an expectation on one run, and refuses a run that is gone or a broken file', () => {
    const file = temp.write('runs.json', JSON.stringify({ version: 1, runs: [{ name: 'a', handler: 'h.py', args: [] }] }));
    saveExpectation(file, 'a', { rows: [{ ID: 1 }] });
    assert.deepEqual(readSavedRuns(file)!.runs[0].expect, { rows: [{ ID: 1 }] });
    assert.throws(() => saveExpectation(file, 'gone', { returns: 1 }), /has no run "gone" any more/);
    writeFileSync(file, '{oops');
    assert.throws(() => saveRun(file, { name: 'x', handler: 'h.py', args: [] }), /is not valid JSON/);
    assert.equal(readFileSync(file, 'utf8'), '{oops', 'a broken file is left for the person to fix');
  });
});
