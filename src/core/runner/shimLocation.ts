import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The shim ships beside the bundle (dist/python); in tests compiled to out/ it is still
// in src/python. Look for the marker package in both, nearest first.
export function shimDirectory(): string {
  const override = process.env.SNOWPARK_LOCAL_PYTHON_DIR;
  if (override) return override;
  let directory = __dirname;
  for (let depth = 0; depth < 8; depth++) {
    for (const candidate of [join(directory, 'python'), join(directory, 'src', 'python')]) {
      if (existsSync(join(candidate, 'snowpark_local', 'bootstrap.py'))) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new Error(`Snowpark Local's Python shim was not found near ${__dirname}; reinstall the extension.`);
}
