import * as vscode from 'vscode';
import type { SnowparkRuntime } from '../../core/snowparkRuntime';
import { readSettings, LOCAL_TARGET } from '../settings';
import { loadRunsPart } from '../parts/loadPart';
import { databasePathFor } from './databasePath';

/** A launch configuration's own target or database (see forUri). */
export interface RuntimeOverrides {
  target?: string;
  dbPath?: string;
}

export interface FolderRuntime {
  /** Key: the folder's URI, or '' for files outside any folder. */
  key: string;
  folder: vscode.WorkspaceFolder | undefined;
  dbPath: string;
  runtime: SnowparkRuntime;
}

/**
 * One SnowparkRuntime per workspace folder, opened on first use (never at activation:
 * the core and DuckDB cost more than the 50 ms activation budget), and closed together.
 * The DuckDB file is locked by one process, so this extension host is its only opener.
 */
export class WorkspaceRuntimes implements vscode.Disposable {
  private readonly opening = new Map<string, Promise<FolderRuntime>>();
  private readonly opened = new Map<string, FolderRuntime>();
  private readonly openedEmitter = new vscode.EventEmitter<FolderRuntime>();
  private readonly closedEmitter = new vscode.EventEmitter<FolderRuntime>();
  /** Fires once a runtime is open, so the tree and status bar can subscribe to its jobs. */
  readonly onDidOpen = this.openedEmitter.event;
  readonly onDidClose = this.closedEmitter.event;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The folder a file belongs to (or the first folder; or none). */
  folderFor(uri?: vscode.Uri): vscode.WorkspaceFolder | undefined {
    return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  get all(): FolderRuntime[] {
    return [...this.opened.values()];
  }

  find(jobId: string): FolderRuntime | undefined {
    return this.all.find((entry) => entry.runtime.jobs.get(jobId) !== undefined);
  }

  /**
   * The runtime for a file's folder. A launch.json configuration may name another target or
   * database: that pair gets a runtime of its own, kept (like the folder's) until closed.
   */
  async forUri(uri?: vscode.Uri, overrides: RuntimeOverrides = {}): Promise<FolderRuntime> {
    const folder = this.folderFor(uri);
    const settings = readSettings(folder?.uri);
    const target = overrides.target ?? settings.target;
    const dbPath = overrides.dbPath ?? databasePathFor(folder, settings.databasePath);
    const folderKey = folder?.uri.toString() ?? '';
    const isFolderDefault = target === settings.target && dbPath === databasePathFor(folder, settings.databasePath);
    const key = isFolderDefault ? folderKey : `${folderKey}#target=${target}#db=${dbPath}`;
    let pending = this.opening.get(key);
    if (!pending) {
      pending = this.open(key, folder, target, dbPath);
      this.opening.set(key, pending);
      // A failed open (bad connection, password refused) must be retryable.
      pending.catch(() => this.opening.delete(key));
    }
    return pending;
  }

  private async open(key: string, folder: vscode.WorkspaceFolder | undefined, target: string, dbPath: string): Promise<FolderRuntime> {
    const settings = readSettings(folder?.uri);
    // The core (and, through it, DuckDB or snowflake-sdk) loads on the first run only.
    const { openRuntime, openSnowflakeEngine } = loadRunsPart();
    const engine = target === LOCAL_TARGET ? undefined : await openSnowflakeEngine(target, this.secrets);
    const runtime = await openRuntime({
      dbPath,
      warehouseType: settings.warehouseType,
      workers: settings.workers,
      engine,
      session: engine?.sessionContext,
    });
    const entry: FolderRuntime = { key, folder, dbPath, runtime };
    this.opened.set(key, entry);
    this.openedEmitter.fire(entry);
    return entry;
  }

  /** Closes one folder's runtime (Reset Local Database, target change); the next run reopens it. */
  async close(key: string): Promise<void> {
    const pending = this.opening.get(key);
    this.opening.delete(key);
    const entry = this.opened.get(key) ?? (await pending?.catch(() => undefined));
    this.opened.delete(key);
    if (!entry) return;
    this.closedEmitter.fire(entry);
    await entry.runtime.dispose();
  }

  async closeAll(): Promise<void> {
    const keys = new Set([...this.opening.keys(), ...this.opened.keys()]);
    await Promise.all([...keys].map((key) => this.close(key)));
  }

  dispose(): void {
    void this.closeAll();
    this.openedEmitter.dispose();
    this.closedEmitter.dispose();
  }
}
