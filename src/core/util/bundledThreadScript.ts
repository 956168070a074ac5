import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A worker thread's entry file: `dist/<fileName>` when bundled (the bundle may sit in dist/
 * or beside it), beside the compiled source under tsc. `callerDirectory` is the caller's
 * __dirname (under tsc the entry sits beside its caller); `what` names it in the error.
 */
export function bundledThreadScript(fileName: string, what: string, callerDirectory: string): string {
  let directory = callerDirectory;
  for (let depth = 0; depth < 6; depth++) {
    for (const candidate of [join(directory, fileName), join(directory, 'dist', fileName)]) {
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new Error(`Snowpark Local's ${what} (${fileName}) was not found near ${callerDirectory}; rebuild or reinstall.`);
}
