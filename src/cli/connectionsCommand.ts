import { ConnectionError, loadConnections } from '../core/connections/connectionsFile';
import { describeConnection, Redactor } from '../core/connections/secrets';
import { prepareConnection } from '../core/engine/snowflake/openConnection';
import { SnowflakeEngine } from '../core/engine/snowflake/snowflakeEngine';
import { SqlError } from '../core/engine/sqlError';
import { ParsedArguments, stringFlag, UsageError } from './cliArguments';
import { CliIo } from './cliIo';

// `snowpark-local connections list | test NAME`: what is configured (never a secret) and
// whether it logs in. Everything printed goes through the connection's Redactor too.

/** An io whose every line is scrubbed of the given secrets: the last guard before a terminal. */
export function redactingIo(io: CliIo, redactor: Redactor): CliIo {
  const stdout = (text: string): void => io.stdout(redactor.scrub(text));
  // Bytes are joined and decoded to be scrubbed like everything else (a secret may straddle
  // two pieces): never passed through unread.
  const stdoutBytes = (pieces: readonly Uint8Array[]): void => stdout(Buffer.concat(pieces).toString('utf8'));
  return { ...io, stdout, stdoutBytes, stderr: (text) => io.stderr(redactor.scrub(text)) };
}

export async function connectionsCommand(parsed: ParsedArguments, io: CliIo): Promise<number> {
  const action = parsed.positionals[1];
  const asJson = parsed.flags.has('json');
  try {
    if (action === 'list') return list(io, asJson);
    if (action === 'test') return await test(parsed.positionals[2] ?? undefined, io, asJson);
  } catch (error) {
    if (error instanceof ConnectionError) {
      if (asJson) io.stdout(JSON.stringify({ ok: false, error: { message: error.message } }) + '\n');
      else io.stderr(`snowpark-local: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  throw new UsageError(action ? `unknown connections action '${action}' (use list or test NAME)` : 'connections needs an action: list, or test NAME');
}

function list(io: CliIo, asJson: boolean): number {
  const catalog = loadConnections();
  const redactor = new Redactor();
  for (const entry of catalog.connections.values()) redactor.addConnection(entry);
  const out = redactingIo(io, redactor);
  for (const warning of catalog.warnings) out.stderr(`warning: ${warning}\n`);
  const rows = [...catalog.connections.values()].map((entry) => ({ ...describeConnection(entry), default: entry.name === catalog.defaultName }));
  if (asJson) {
    out.stdout(JSON.stringify({ file: catalog.file ?? null, home: catalog.home, defaultConnection: catalog.defaultName, connections: rows, warnings: catalog.warnings }) + '\n');
    return 0;
  }
  if (!rows.length) {
    out.stdout(`No connections in ${catalog.home} (connections.toml or config.toml). Add one, e.g.\n\n[dev]\naccount = "myorg-myaccount"\nuser = "me"\nauthenticator = "externalbrowser"\n`);
    return 0;
  }
  const header = ['', 'NAME', 'ACCOUNT', 'USER', 'AUTHENTICATOR', 'ROLE', 'WAREHOUSE', 'DATABASE'];
  const table = rows.map((row) => [row.default ? '*' : '', row.name, row.account, row.user, row.authenticator, row.role, row.warehouse, row.database].map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  const widths = header.map((title, c) => Math.max(title.length, ...table.map((row) => row[c].length)));
  const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  out.stdout(`${[line(header), ...table.map(line)].join('\n')}\n\nFrom ${catalog.file}; default: ${catalog.defaultName} (${catalog.defaultSource}). * marks the default.\n`);
  return 0;
}

async function test(name: string | undefined, io: CliIo, asJson: boolean): Promise<number> {
  const prepared = prepareConnection(name, (warning) => io.stderr(`warning: ${warning}\n`));
  const out = redactingIo(io, prepared.redactor);
  const summary = describeConnection(prepared.entry);
  const started = Date.now();
  try {
    const engine = await prepared.connect();
    const context = engine.sessionContext;
    await engine.close();
    const durationMs = Date.now() - started;
    if (asJson) out.stdout(JSON.stringify({ ok: true, connection: summary, session: context, durationMs }) + '\n');
    else
      out.stdout(
        `Connection '${prepared.entry.name}' works: account ${summary.account}, user ${summary.user ?? '(none)'}, ` +
          `role ${context.role || '(none)'}, warehouse ${context.warehouse || '(none)'}, database ${context.database || '(none)'}, ` +
          `schema ${context.schema || '(none)'} (${durationMs} ms).\n`,
      );
    return 0;
  } catch (error) {
    const sqlError = error instanceof SqlError ? error : undefined;
    const message = prepared.redactor.scrub(error instanceof Error ? error.message : String(error));
    if (asJson) {
      out.stdout(JSON.stringify({ ok: false, connection: summary, error: { message, errorCode: sqlError?.errorCode ?? null, sqlState: sqlError?.sqlState ?? null } }) + '\n');
    } else {
      out.stderr(
        `Connection '${prepared.entry.name}' (account ${summary.account}, user ${summary.user ?? '(none)'}) failed: ${message}\n` +
          `Check its settings in ${prepared.entry.source} (or SNOWFLAKE_CONNECTIONS_${prepared.entry.name.toUpperCase()}_<KEY> variables) and try again.\n`,
      );
    }
    return 1;
  }
}

/**
 * For run and sql: with --connection NAME, logs in once and returns the Snowflake engine
 * and an io that scrubs the connection's secrets; without it, nothing changes.
 */
export async function engineFromConnectionFlag(parsed: ParsedArguments, io: CliIo): Promise<{ engine?: SnowflakeEngine; io: CliIo }> {
  const name = stringFlag(parsed, 'connection');
  if (name === undefined) return { io };
  const prepared = prepareConnection(name, (warning) => io.stderr(`warning: ${warning}\n`));
  try {
    return { engine: await prepared.connect(), io: redactingIo(io, prepared.redactor) };
  } catch (error) {
    const message = prepared.redactor.scrub(error instanceof Error ? error.message : String(error));
    throw new ConnectionError(`Cannot connect with '${prepared.entry.name}' (${prepared.entry.source}): ${message}`);
  }
}
