import * as fs from 'fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { RunController } from '../runs/runController';
import { databasePathFor, procedureCatalogPathFor } from '../runtime/databasePath';
import { readSettings } from '../settings';
import { WorkspaceRuntimes } from '../runtime/workspaceRuntimes';
import { requireTrust } from '../trust';
import { UserFacingError } from '../userError';
import { CommandTable } from './commandTable';

// Open Local Database (run SQL against the workspace's DuckDB file) and Reset Local
// Database (close it, delete it and procedures.json; the next run starts empty).

export function databaseCommands(runtimes: WorkspaceRuntimes, controller: RunController): CommandTable {
  return {
    [COMMANDS.openDatabase]: async (sql?: string) => {
      requireTrust();
      const entry = await runtimes.forUri();
      const text =
        sql ??
        (await vscode.window.showInputBox({
          title: `Snowpark Local: run SQL on ${entry.runtime.engineDescription}`,
          prompt: 'Snowflake SQL; separate statements with ;. For longer scripts, use a .sql file and "Run SQL Worksheet".',
          value: 'show tables',
          ignoreFocusOut: true,
        }));
      if (!text?.trim()) return undefined;
      return controller.runWorksheet({ text, lineOffset: 0, label: 'Local database' });
    },
    [COMMANDS.resetDatabase]: async (options?: { confirmed?: boolean }) => {
      const folderRuntime = runtimes.all[0];
      const dbPath = folderRuntime?.dbPath ?? databasePathFor(runtimes.folderFor(), readSettings().databasePath);
      if (dbPath === ':memory:') throw new UserFacingError('The local database is in memory (snowparkLocal.databasePath is ":memory:"): there is nothing on disk to reset.');
      if (!options?.confirmed) {
        const answer = await vscode.window.showWarningMessage(
          `Reset the local database? This deletes ${dbPath} and procedures.json beside it (all local tables and procedures) and cancels running jobs.`,
          { modal: true },
          'Reset',
        );
        if (answer !== 'Reset') return undefined;
      }
      await controller.cancelAll();
      const key = folderRuntime?.key ?? runtimes.folderFor()?.uri.toString() ?? '';
      await runtimes.close(key);
      const removed: string[] = [];
      for (const file of [dbPath, `${dbPath}.wal`, procedureCatalogPathFor(dbPath)]) {
        if (file && fs.existsSync(file)) {
          fs.rmSync(file, { force: true });
          removed.push(file);
        }
      }
      void vscode.window.showInformationMessage(`Local database reset: removed ${removed.length ? removed.join(', ') : 'nothing (it did not exist yet)'}. The next run starts empty.`);
      return removed;
    },
  };
}
