import * as path from 'path';
import * as vscode from 'vscode';

/**
 * Same value as core's DEFAULT_DB_RELATIVE_PATH (an integration test checks they agree).
 * Not imported from there: that module pulls in the whole core, and activation must not.
 */
export const DEFAULT_DB_RELATIVE_PATH = path.join('.snowpark-local', 'local.duckdb');

/** The DuckDB file for a folder: the setting (absolute, relative to the folder, or ':memory:') or the default. */
export function databasePathFor(folder: vscode.WorkspaceFolder | undefined, configured: string): string {
  if (configured === ':memory:') return configured;
  if (!folder) return configured && path.isAbsolute(configured) ? configured : ':memory:';
  if (!configured) return path.join(folder.uri.fsPath, DEFAULT_DB_RELATIVE_PATH);
  return path.isAbsolute(configured) ? configured : path.join(folder.uri.fsPath, configured);
}

export { procedureCatalogPathFor } from '../../core/procedures/procedureCatalogPath';
