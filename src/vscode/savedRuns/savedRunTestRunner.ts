import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { judgeOutcome, runSavedRunTest, SavedRunResult } from '../../core/savedRuns/runSavedRun';
import type { RunController } from '../runs/runController';
import { chooseInterpreter } from '../runtime/pythonInterpreter';
import { databasePathFor } from '../runtime/databasePath';
import { readSettings } from '../settings';
import { requireTrust } from '../trust';
import type { SavedRunResults } from './savedRunResults';
import { FolderSavedRun, savedRunsOfFolder } from './savedRunsOfFolder';

// What the Test Explorer's profiles run, in dist/runsPart.js with the core: Run tests a
// saved run in a fresh database of its own (as `snowpark-local test` does); Debug runs it
// through the editor's Debug path, in the workspace's runtime, so breakpoints and the Jobs
// view work as for any debugged run.

export interface SavedRunTests {
  test(folder: string, name: string, options: { signal?: AbortSignal; onOutput?: (text: string) => void }): Promise<SavedRunResult>;
  debug(folder: string, name: string): Promise<SavedRunResult>;
}

export function savedRunTests(runs: RunController, results: SavedRunResults): SavedRunTests {
  const find = (folder: string, name: string): FolderSavedRun => {
    const saved = savedRunsOfFolder(folder).find((entry) => entry.run.name === name);
    if (!saved) throw new Error(`${folder}: no saved run "${name}" any more (renamed or removed?).`);
    return saved;
  };
  const remember = (folder: string, result: SavedRunResult): SavedRunResult => {
    if (result.outcome) results.remember(folder, result.run.name, result.outcome);
    return result;
  };
  return {
    async test(folder, name, options) {
      requireTrust();
      const saved = find(folder, name);
      const uri = vscode.Uri.file(saved.target.file);
      const settings = readSettings(uri);
      const interpreter = await chooseInterpreter(uri);
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
      const result = await runSavedRunTest(saved.run, {
        folder,
        python: interpreter.command,
        warehouseType: settings.warehouseType,
        workers: settings.workers,
        workspaceDbPath: databasePathFor(workspaceFolder, settings.databasePath),
        signal: options.signal,
        onOutput: options.onOutput && ((text) => options.onOutput!(text)),
      });
      return remember(folder, result);
    },
    async debug(folder, name) {
      requireTrust();
      const saved = find(folder, name);
      const started = Date.now();
      const done = (result: Omit<SavedRunResult, 'run' | 'durationMs'>): SavedRunResult => remember(folder, { run: saved.run, durationMs: Date.now() - started, ...result });
      // The workspace database, not a fresh one: the setup files run there first, so the
      // handler under the debugger sees the tables its test would.
      for (const setup of saved.run.setup ?? []) {
        const file = path.resolve(folder, setup);
        const text = fs.readFileSync(file, 'utf8');
        const summary = await runs.runWorksheet({ text, file, lineOffset: 0, label: `setup ${path.basename(file)}` }, { showResult: false });
        const failed = summary.statements.find((statement) => statement.error);
        if (failed) return done({ status: 'errored', problem: { message: `setup ${file}:${failed.line + 1} failed: ${failed.error!.message}`, location: { file, line: failed.line + 1 } } });
      }
      const outcome = await runs.runHandler({ ...saved.target, args: saved.run.args }, { debug: true });
      return done(judgeOutcome(saved.run, outcome));
    },
  };
}
