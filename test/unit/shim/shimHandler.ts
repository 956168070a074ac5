import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { untag } from '../../../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';

/** Runs `main(session)` from the given Python source through the real channel and engine. */
export async function runShimHandler(runtime: SnowparkRuntime, source: string): Promise<Record<string, unknown>> {
  const directory = mkdtempSync(join(tmpdir(), 'snowpark-local-shim-'));
  const file = join(directory, 'shim_handler.py');
  writeFileSync(file, source);
  const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: 'VARIANT' }).outcome;
  if (!outcome.ok) throw new Error(`${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
  return untag(outcome.value ?? null) as Record<string, unknown>;
}

/** Python helper prepended to handlers: `attempt(fn)` is fn's repr, or `ERR <class>: <code> …`. */
export const ATTEMPT = `
def attempt(fn):
    try:
        return repr(fn())
    except Exception as error:
        code = getattr(error, "sql_error_code", None)
        qid = getattr(error, "sfqid", None)
        return "ERR {}: {} {} {}".format(type(error).__name__, code, "qid" if qid else "-", " ".join(str(error).split()))
`;
