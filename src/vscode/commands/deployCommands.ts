import { basename } from 'node:path';
import * as vscode from 'vscode';
import { buildDeploySql, DeployError, DeployPlan } from '../../core/engine/snowflake/deploySql';
import { findPythonHandlers } from '../../core/discovery/pythonHandlers';
import { parseCreateProcedure } from '../../core/discovery/createProcedure';
import { splitStatements } from '../../core/sql/splitStatements';
import { COMMANDS } from '../commandIds';
import { LOCAL_TARGET, readSettings } from '../settings';
import { listConnections, openSnowflakeEngine } from '../target/snowflakeTarget';
import { requireTrust } from '../trust';
import { UserFacingError } from '../userError';
import { CommandTable } from './commandTable';

// Deploy Procedure: the CREATE OR REPLACE PROCEDURE that the CLI's `deploy` builds (handler
// inline in AS $$ … $$, its PACKAGES), shown for confirmation, then run on a Snowflake
// connection from connections.toml. Deploying sends the workspace's code to an account, so
// it asks for trust like a run does.

export interface DeployRequest {
  uri?: vscode.Uri;
  /** .py only: the handler function, when the file has more than one. */
  handler?: string;
  procedure?: string;
  connection?: string;
  /** Tests and scripts: skip the confirmation and only return the SQL. */
  dryRun?: boolean;
}

async function chooseHandler(document: vscode.TextDocument): Promise<string | undefined> {
  const handlers = findPythonHandlers(document.getText());
  if (handlers.length === 0) throw new UserFacingError(`${basename(document.fileName)} has no handler: no top-level def takes \`session\` first.`);
  if (handlers.length === 1) return handlers[0].name;
  return vscode.window.showQuickPick(handlers.map((handler) => handler.name), { title: 'Snowpark Local: deploy which handler?' });
}

async function chooseProcedure(document: vscode.TextDocument, handler: string | undefined): Promise<string | undefined> {
  const text = document.getText();
  if (document.fileName.toLowerCase().endsWith('.sql')) {
    const names = splitStatements(text)
      .map((statement) => parseCreateProcedure(statement, text))
      .filter((definition) => definition && definition.language.toUpperCase() === 'PYTHON')
      .map((definition) => definition!.name);
    if (names.length === 0) throw new UserFacingError(`${basename(document.fileName)} has no CREATE PROCEDURE … LANGUAGE PYTHON to deploy.`);
    return names.length === 1 ? names[0] : vscode.window.showQuickPick(names, { title: 'Snowpark Local: deploy which procedure?' });
  }
  return vscode.window.showInputBox({
    title: `Snowpark Local: deploy ${handler}() from ${basename(document.fileName)} as procedure…`,
    prompt: 'The procedure name on Snowflake (CREATE OR REPLACE PROCEDURE <name>)',
    value: handler?.toUpperCase(),
    validateInput: (value) => (/^[A-Za-z_][\w$.]*$|^"[^"]+"$/.test(value.trim()) ? undefined : 'A Snowflake identifier, e.g. MY_PROC or db.schema.MY_PROC'),
  });
}

async function chooseConnection(): Promise<string | undefined> {
  const current = readSettings().target;
  if (current && current !== LOCAL_TARGET) return current;
  const listing = await listConnections();
  if (listing.names.length === 0) {
    throw new UserFacingError(
      `Deploying needs a Snowflake connection, and there is no connections.toml at ${listing.file}. ` +
        'Add one (as the Snowflake CLI does), or print the SQL with `snowpark-local deploy FILE --procedure NAME --dry-run`.',
    );
  }
  return vscode.window.showQuickPick(listing.names, { title: 'Snowpark Local: deploy to which connection?' });
}

export function deployCommands(secrets: vscode.SecretStorage): CommandTable {
  return {
    [COMMANDS.deployProcedure]: async (request: DeployRequest = {}): Promise<DeployPlan | undefined> => {
      requireTrust();
      const uri = request.uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!uri) throw new UserFacingError('Open a .py handler or a .sql file with CREATE PROCEDURE, then run Deploy Procedure.');
      const document = await vscode.workspace.openTextDocument(uri);
      const isPython = document.fileName.toLowerCase().endsWith('.py');
      const handler = isPython ? request.handler ?? (await chooseHandler(document)) : undefined;
      if (isPython && !handler) return undefined;
      const procedure = request.procedure ?? (await chooseProcedure(document, handler));
      if (!procedure) return undefined;
      let plan: DeployPlan;
      try {
        plan = buildDeploySql({ file: document.fileName, text: document.getText() }, { procedure, handler });
      } catch (error) {
        if (error instanceof DeployError) throw new UserFacingError(error.message);
        throw error;
      }
      if (request.dryRun) return plan;
      const connection = request.connection ?? (await chooseConnection());
      if (!connection) return undefined;
      const answer = await vscode.window.showInformationMessage(
        `Deploy ${plan.name} (handler ${plan.handler}, packages ${plan.packages.join(', ') || 'none'}) to connection '${connection}'? It replaces any procedure of that name.`,
        { modal: true, detail: plan.sql.split('\n').slice(0, 8).join('\n') },
        'Deploy',
      );
      if (answer !== 'Deploy') return undefined;
      const engine = await openSnowflakeEngine(connection, secrets);
      try {
        const result = await engine.execute({
          queryId: `deploy-${Date.now()}`,
          sql: plan.sql,
          signal: new AbortController().signal,
          context: { session: engine.sessionContext, lastQueryId: () => undefined, cancelQuery: async () => undefined, queryState: () => 'unknown' },
        });
        void vscode.window.showInformationMessage(`Snowpark Local: ${String(result.data[0]?.[0] ?? `${plan.name} deployed`)} (connection '${connection}', query id ${result.queryId}).`);
      } finally {
        await engine.close();
      }
      return plan;
    },
  };
}
