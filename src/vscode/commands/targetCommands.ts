import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { WorkspaceRuntimes } from '../runtime/workspaceRuntimes';
import { LOCAL_TARGET, readSettings, updateSetting } from '../settings';
import { listConnections } from '../target/snowflakeTarget';
import { CommandTable } from './commandTable';

// Select Target (Local DuckDB or a connections.toml connection) and Select Warehouse Type.

export function targetCommands(runtimes: WorkspaceRuntimes): CommandTable {
  return {
    [COMMANDS.selectTarget]: async (chosen?: string) => {
      let target = chosen;
      if (!target) {
        const current = readSettings().target;
        const listing = await listConnections().catch((error: Error) => ({ names: [], file: error.message, found: false, defaultName: '', warnings: [] }));
        const items: Array<vscode.QuickPickItem & { target?: string }> = [
          { label: '$(database) Local (DuckDB)', description: current === LOCAL_TARGET ? 'current' : 'embedded, per workspace', target: LOCAL_TARGET },
        ];
        if (listing.names.length) {
          items.push({ label: 'Snowflake connections', kind: vscode.QuickPickItemKind.Separator });
          for (const name of listing.names) {
            items.push({
              label: `$(cloud) ${name}`,
              description: [name === listing.defaultName ? 'default' : '', current === name ? 'current' : ''].filter(Boolean).join(', '),
              detail: listing.file,
              target: name,
            });
          }
        } else {
          items.push({ label: `No connections.toml found at ${listing.file}`, description: 'add one to run on Snowflake', kind: vscode.QuickPickItemKind.Separator });
        }
        const pick = await vscode.window.showQuickPick(items, { title: 'Snowpark Local: run handlers on…' });
        target = pick?.target;
        if (!target) return undefined;
      }
      await updateSetting('target', target === LOCAL_TARGET ? undefined : target);
      // The next run opens the runtime on the new target.
      if (runtimes.all.some((entry) => entry.runtime.jobs.running().length)) {
        void vscode.window.showInformationMessage(`Target set to ${target}; runs in progress finish on the old one, new runs use ${target}.`);
      } else {
        await runtimes.closeAll();
      }
      return target;
    },
    [COMMANDS.selectWarehouseType]: async (chosen?: string) => {
      let type = chosen;
      if (!type) {
        const current = readSettings().warehouseType;
        const pick = await vscode.window.showQuickPick(
          [
            { label: 'standard', description: current === 'standard' ? 'current' : '', detail: 'joblib runs threads in the handler process (its default backend on a standard warehouse)' },
            { label: 'snowpark-optimized', description: current === 'snowpark-optimized' ? 'current' : '', detail: 'joblib runs processes (loky), as on a Snowpark-optimized warehouse' },
          ],
          { title: 'Snowpark Local: warehouse type' },
        );
        type = pick?.label;
        if (!type) return undefined;
      }
      if (type !== 'standard' && type !== 'snowpark-optimized') throw new Error(`warehouse type must be standard or snowpark-optimized, not ${type}`);
      await updateSetting('warehouseType', type);
      return type;
    },
  };
}
