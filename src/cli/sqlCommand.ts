import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SnowparkRuntime } from '../core/snowparkRuntime';
import { runWorksheet } from '../core/worksheet/worksheetRunner';
import { ParsedArguments, stringFlag, UsageError } from './cliArguments';
import { CliIo } from './cliIo';
import { engineFromConnectionFlag } from './connectionsCommand';
import { formatTable, rowsAsObjects } from './formatTable';
import { dbPathFrom } from './runCommand';

export async function sqlCommand(parsed: ParsedArguments, io: CliIo): Promise<number> {
  const inline = stringFlag(parsed, 'e');
  const file = parsed.positionals[1];
  if ((inline === undefined) === (file === undefined)) throw new UsageError('sql needs either a FILE or -e "SQL", not both');
  let text = inline ?? '';
  let path: string | undefined;
  if (file !== undefined) {
    path = resolve(io.cwd, file);
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`Cannot read ${file}: no such file`);
    }
  }
  const asJson = parsed.flags.has('json');
  const snowflake = await engineFromConnectionFlag(parsed, io);
  io = snowflake.io;
  const runtime = await SnowparkRuntime.open({ dbPath: dbPathFrom(parsed, io), python: stringFlag(parsed, 'python'), engine: snowflake.engine, session: snowflake.engine?.sessionContext });
  runtime.runner.onOutput((output) => (output.stream === 'stdout' && !asJson ? io.stdout(output.text) : io.stderr(output.text)));
  const abort = new AbortController();
  io.onInterrupt(() => abort.abort());
  let failed = false;
  try {
    for await (const outcome of runWorksheet(runtime, text, path, { signal: abort.signal, continueOnError: parsed.flags.has('continue-on-error') })) {
      if (outcome.error) failed = true;
      if (asJson) {
        io.stdout(
          JSON.stringify({
            statement: outcome.statement,
            queryId: outcome.queryId ? runtime.executor.engineQueryId(outcome.queryId) : null,
            columns: outcome.result?.columns ?? [],
            rows: outcome.result ? rowsAsObjects(outcome.result) : [],
            error: outcome.error ?? null,
            durationMs: outcome.durationMs,
          }) + '\n',
        );
      } else if (outcome.error) {
        const where = path ? `${path}:${outcome.line + 1}` : `statement at line ${outcome.line + 1}`;
        io.stderr(`error in ${where} (query id ${outcome.queryId && runtime.executor.engineQueryId(outcome.queryId)}):\n${outcome.error.message}\n`);
      } else if (outcome.result) {
        io.stdout(`${formatTable(outcome.result)}\n`);
      }
    }
  } finally {
    await runtime.dispose();
  }
  // A cancel fails the statement it stopped; the worksheet was cancelled, not broken: 130.
  return abort.signal.aborted ? 130 : failed ? 1 : 0;
}
