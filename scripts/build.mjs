// Bundles the extension and the CLI with esbuild and copies the Python shim beside them,
// because the runner starts Python with `dist/python` first on PYTHONPATH.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // The DuckDB binding is a native module: it ships as a package, never inside the bundle.
  external: ['vscode', '@duckdb/node-api', '@duckdb/node-bindings', 'snowflake-sdk'],
  logLevel: 'warning',
};

const entries = [
  { in: 'src/extension.ts', out: 'extension.js' },
  { in: 'src/cli.ts', out: 'cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/core/parallel/taskWorkerThread.ts', out: 'taskWorkerThread.js' },
];
for (const entry of entries) {
  if (!existsSync(join(root, entry.in))) continue;
  await build({
    ...common,
    entryPoints: [join(root, entry.in)],
    outfile: join(dist, entry.out),
    banner: entry.banner ? { js: entry.banner } : undefined,
  });
}
if (existsSync(join(dist, 'cli.js'))) chmodSync(join(dist, 'cli.js'), 0o755);

const pythonOut = join(dist, 'python');
rmSync(pythonOut, { recursive: true, force: true });
cpSync(join(root, 'src', 'python'), pythonOut, {
  recursive: true,
  filter: (source) => !source.includes('__pycache__'),
});
