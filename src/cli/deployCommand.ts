import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConnectionError } from '../core/connections/connectionsFile';
import { buildDeploySql, DeployError } from '../core/engine/snowflake/deploySql';
import { prepareConnection } from '../core/engine/snowflake/openConnection';
import { SqlError } from '../core/engine/sqlError';
import { ParsedArguments, stringFlag, UsageError } from './cliArguments';
import { CliIo } from './cliIo';
import { redactingIo } from './connectionsCommand';

// `snowpark-local deploy FILE --procedure NAME --connection NAME [--dry-run]`: emits the
// CREATE OR REPLACE PROCEDURE for a handler and runs it on the account. It goes to the
// Snowflake engine directly: in a runtime, ProcedureRouter would register it locally.

export async function deployCommand(parsed: ParsedArguments, io: CliIo): Promise<number> {
  const file = parsed.positionals[1];
  const procedure = stringFlag(parsed, 'procedure');
  const dryRun = parsed.flags.has('dry-run');
  const connection = stringFlag(parsed, 'connection');
  if (!file || !procedure) throw new UsageError('deploy needs a FILE and --procedure NAME: snowpark-local deploy handler.py --procedure MY_PROC --connection dev');
  if (!dryRun && !connection) throw new UsageError('deploy needs --connection NAME (or --dry-run to print the SQL only)');
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}: no such file`);
  }
  let plan;
  try {
    plan = buildDeploySql({ file, text }, { procedure, handler: stringFlag(parsed, 'handler') });
  } catch (error) {
    if (error instanceof DeployError) throw new UsageError(error.message);
    throw error;
  }
  const asJson = parsed.flags.has('json');
  if (dryRun) {
    io.stdout(asJson ? JSON.stringify({ procedure: plan.name, handler: plan.handler, packages: plan.packages, sql: plan.sql, deployed: false }) + '\n' : `${plan.sql}\n`);
    return 0;
  }
  let prepared;
  try {
    prepared = prepareConnection(connection, (warning) => io.stderr(`warning: ${warning}\n`));
  } catch (error) {
    if (error instanceof ConnectionError) {
      io.stderr(`snowpark-local: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const out = redactingIo(io, prepared.redactor);
  try {
    const engine = await prepared.connect();
    try {
      const result = await engine.execute({
        queryId: 'deploy',
        sql: plan.sql,
        signal: new AbortController().signal,
        context: { session: engine.sessionContext, lastQueryId: () => undefined, cancelQuery: async () => undefined, queryState: () => 'unknown' },
      });
      const status = String(result.data[0]?.[0] ?? 'done');
      out.stdout(asJson ? JSON.stringify({ procedure: plan.name, handler: plan.handler, packages: plan.packages, sql: plan.sql, deployed: true, queryId: result.queryId, status }) + '\n' : `${status} (query id ${result.queryId})\n`);
      return 0;
    } finally {
      await engine.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = error instanceof SqlError && error.queryId ? ` (query id ${error.queryId})` : '';
    if (asJson) out.stdout(JSON.stringify({ procedure: plan.name, deployed: false, error: { message, errorCode: (error as SqlError).errorCode ?? null, sqlState: (error as SqlError).sqlState ?? null } }) + '\n');
    else out.stderr(`Deploying ${plan.name} with connection '${prepared.entry.name}' failed${where}: ${message}\nRun with --dry-run to see the statement.\n`);
    return 1;
  }
}
