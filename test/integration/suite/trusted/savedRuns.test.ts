// Saved runs in the real VS Code: the Test Explorer's controller lists the fixture's
// .snowpark-local/runs.json tests under file → handler, its Run profile gives a pass and a
// failure with the diff, "Save Current Result as Expected" turns the failure into a pass,
// the lenses show ▶ Run "name", and an invalid runs.json shows its error on an item.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { SavedRunTestController } from '../../../../src/vscode/savedRuns/testsPart';
import { codeLensesOf, extensionApi, fixtureUri, waitFor, workspaceFolder } from '../helpers';

const RUNS = (): string => fixtureUri('.snowpark-local/runs.json').fsPath;

function children(item: vscode.TestItem | vscode.TestItemCollection): vscode.TestItem[] {
  const list: vscode.TestItem[] = [];
  ('children' in item ? item.children : item).forEach((child) => void list.push(child));
  return list;
}

function find(tests: SavedRunTestController, name: string): vscode.TestItem {
  const all = children(tests.controller.items).flatMap((file) => children(file).flatMap((handler) => children(handler)));
  const item = all.find((candidate) => candidate.label === name);
  assert.ok(item, `no test item "${name}" (have: ${all.map((candidate) => candidate.label).join(', ')})`);
  return item;
}

async function runTests(tests: SavedRunTestController, items: vscode.TestItem[]): Promise<void> {
  const source = new vscode.CancellationTokenSource();
  try {
    // The Run profile's own handler, as the Test Explorer's ▶ calls it.
    await tests.run(new vscode.TestRunRequest(items), source.token, false);
  } finally {
    source.dispose();
  }
}

describe('saved runs as tests (trusted workspace)', function () {
  this.timeout(120_000);
  let tests: SavedRunTestController;
  let original: string;

  before(async () => {
    original = fs.readFileSync(RUNS(), 'utf8');
    const api = await extensionApi();
    tests = await waitFor('the saved-run test controller', () => api.savedRunTests);
  });
  afterEach(() => {
    if (fs.readFileSync(RUNS(), 'utf8') !== original) fs.writeFileSync(RUNS(), original);
  });

  it('lists each saved run with an expectation under its file and handler', async () => {
    const files = children(tests.controller.items);
    assert.deepStrictEqual(files.map((file) => file.label), ['saved_runs.py']);
    const handlers = children(files[0]);
    assert.deepStrictEqual(handlers.map((handler) => [handler.label, children(handler).map((run) => run.label)]), [
      ['month_total', ['small month']],
      ['orders_in', ['january orders']],
      ['bad_cast', ['bad cast']],
    ]);
    assert.strictEqual(find(tests, 'small month').range?.start.line, 5, 'the item sits on the handler\'s def');
    assert.strictEqual(find(tests, 'small month').description, '["2024-02"]');
  });

  it('runs a passing and a failing saved run: passed, and failed with the diff', async () => {
    await runTests(tests, [find(tests, 'small month'), find(tests, 'january orders'), find(tests, 'bad cast')]);
    const result = (name: string) => tests.lastResults.get(find(tests, name).id)!;
    assert.strictEqual(result('small month').state, 'passed', JSON.stringify(result('small month')));
    assert.strictEqual(result('bad cast').state, 'passed', JSON.stringify(result('bad cast')));
    const failed = result('january orders');
    assert.strictEqual(failed.state, 'failed');
    const [message] = failed.messages;
    assert.match(message.message, /rows\[1\]\.AMOUNT: expected 25, got "20\.00"/);
    assert.deepStrictEqual(JSON.parse(message.expectedOutput!), { rows: [{ ID: 1, AMOUNT: 10.5 }, { ID: 2, AMOUNT: 25 }] });
    assert.deepStrictEqual(JSON.parse(message.actualOutput!), { rows: [{ ID: 1, AMOUNT: 10.5 }, { ID: 2, AMOUNT: '20.00' }] });
    assert.deepStrictEqual(message.location, { file: fixtureUri('saved_runs.py').fsPath, line: 11 });
  });

  it('saves the current result as expected, and the run then passes', async () => {
    const item = find(tests, 'january orders');
    await runTests(tests, [item]);
    const saved = await vscode.commands.executeCommand('snowparkLocal.saveResultAsExpected', item);
    assert.deepStrictEqual(saved, { columns: ['ID', 'AMOUNT'], rows: [{ ID: 1, AMOUNT: '10.50' }, { ID: 2, AMOUNT: '20.00' }] });
    const written = JSON.parse(fs.readFileSync(RUNS(), 'utf8'));
    assert.deepStrictEqual(written.runs.find((run: { name: string }) => run.name === 'january orders').expect, saved);
    assert.strictEqual(written.runs.length, 4, 'the other runs are kept');
    await runTests(tests, [find(tests, 'january orders')]);
    assert.strictEqual(tests.lastResults.get(item.id)!.state, 'passed');
  });

  it('reports a crashing handler as errored with its traceback at the handler\'s file:line', async () => {
    const data = JSON.parse(original);
    data.runs.push({ name: 'no table', handler: 'saved_runs.py:month_total', args: ['2024-02'], expect: { returns: 1 } });
    fs.writeFileSync(RUNS(), JSON.stringify(data, null, 2));
    const item = await waitFor('the new run to be listed', () => {
      try {
        return find(tests, 'no table');
      } catch {
        return undefined;
      }
    });
    await runTests(tests, [item]);
    const result = tests.lastResults.get(item.id)!;
    assert.strictEqual(result.state, 'errored');
    assert.match(result.messages[0].message, /Traceback[\s\S]*002003/);
    assert.deepStrictEqual(result.messages[0].location, { file: fixtureUri('saved_runs.py').fsPath, line: 7 });
  });

  it('shows ▶ Run "name" lenses for a handler\'s saved runs, and saves typed arguments under a name', async () => {
    const file = fixtureUri('saved_runs.py');
    await vscode.workspace.openTextDocument(file); // the lens command needs the document loaded
    const titlesAt = async (line: number): Promise<string[]> =>
      (await codeLensesOf(file, 10)).filter((lens) => lens.range.start.line === line).map((lens) => lens.command?.title ?? '');
    assert.deepStrictEqual(await titlesAt(5), ['▶ Run locally', 'Run with arguments…', 'Debug', '▶ Run "small month"', '▶ Run "february"']);
    const name = await vscode.commands.executeCommand('snowparkLocal.saveArgumentsAsSavedRun', { file: file.fsPath, handler: 'orders_in', args: ['2024-02'], name: 'feb orders' });
    assert.strictEqual(name, 'feb orders');
    const written = JSON.parse(fs.readFileSync(RUNS(), 'utf8'));
    assert.deepStrictEqual(written.runs.at(-1), { name: 'feb orders', handler: 'saved_runs.py:orders_in', args: ['2024-02'] });
    await waitFor('the lens of the new saved run', async () => (await titlesAt(10)).includes('▶ Run "feb orders"'));
  });

  it('shows an invalid runs.json as an item with its error, naming the run and field', async () => {
    fs.writeFileSync(RUNS(), JSON.stringify({ version: 1, runs: [{ name: 'x', handler: 'saved_runs.py', args: 'no' }] }));
    const item = await waitFor('the error item', () => children(tests.controller.items).find((candidate) => candidate.error));
    assert.match(String(item.error), /runs\.json: run "x": "args" must be a JSON array/);
    assert.strictEqual(workspaceFolder().uri.fsPath.length > 0, true);
  });
});
