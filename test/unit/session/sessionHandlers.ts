import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunHandle } from '../../../src/core/runner/runTypes';
import { untag } from '../../../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';

/** Starts a handler (`def main(session)`) as its own run, i.e. its own Snowflake session. */
export function startHandler(runtime: SnowparkRuntime, source: string): RunHandle {
  const directory = mkdtempSync(join(tmpdir(), 'snowpark-local-session-'));
  const file = join(directory, 'session_handler.py');
  writeFileSync(file, source);
  return runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: 'VARIANT' });
}

/** What the handler returned; a failed run throws with its traceback. */
export async function handlerValue(handle: RunHandle): Promise<Record<string, unknown>> {
  const outcome = await handle.outcome;
  if (!outcome.ok) throw new Error(`${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
  return untag(outcome.value ?? null) as Record<string, unknown>;
}
