// `npm run package`: one .vsix per VS Code target (packages/snowpark-local-<target>-<version>.vsix),
// each with exactly its own DuckDB native binding. Options: --target <t> (repeatable; default
// all five), --out <folder> (default packages/). Prints each archive's size and file count.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bindingsCacheFolder, cachedTarball, lockedPackage, unpackTarball } from './packaging/bindingTarball.mjs';
import { slimBinding } from './packaging/slimNative.mjs';
import { stageExtension } from './packaging/stageExtension.mjs';
import { bindingPackageName, TARGETS, targetNamed } from './packaging/targets.mjs';
import { zipEntryCount } from './packaging/zipEntryCount.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

try {
  const started = performance.now();
  const { values } = parseArgs({ options: { target: { type: 'string', multiple: true }, out: { type: 'string' } } });
  const targets = values.target ? values.target.map(targetNamed) : TARGETS;
  const out = resolve(root, values.out ?? 'packages');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  mkdirSync(out, { recursive: true });
  const rows = targets.map((target) => packageTarget(target, out));
  for (const row of rows) {
    console.log(`${row.target.padEnd(13)} ${(row.bytes / 1e6).toFixed(1).padStart(5)} MB  ${String(row.bytes).padStart(9)} bytes  ${String(row.files).padStart(4)} files  ${row.seconds.toFixed(1).padStart(5)} s  ${row.file}`);
    for (const note of row.notes) console.log(`${''.padEnd(13)} ${note}`);
  }
  console.log(`${rows.length} package(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`npm run package: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

function packageTarget(target, out) {
  const started = performance.now();
  const binding = lockedPackage(root, bindingPackageName(target));
  const loader = lockedPackage(root, '@duckdb/node-bindings');
  if (binding.version !== loader.version) {
    throw new Error(`package-lock.json pins @duckdb/node-bindings ${loader.version} but ${binding.name} ${binding.version}: run npm install so they agree`);
  }
  const { file: tarball, downloaded } = cachedTarball(binding, bindingsCacheFolder(binding.version));
  const unpacked = mkdtempSync(join(tmpdir(), `snowpark-local-binding-${target.target}-`));
  let stage;
  try {
    const bindingFolder = unpackTarball(tarball, unpacked);
    const notes = [`${binding.name}@${binding.version} ${downloaded ? 'downloaded' : 'from the cache'}`, ...slimBinding(bindingFolder, target)];
    stage = stageExtension(root, target, bindingFolder);
    const file = join(out, `${name}-${target.target}-${version}.vsix`);
    execFileSync(process.execPath, [vsce, 'package', '--target', target.target, '--out', file, '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links'], {
      cwd: stage,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return { target: target.target, file, bytes: statSync(file).size, files: zipEntryCount(file), seconds: (performance.now() - started) / 1000, notes };
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
    if (stage) rmSync(stage, { recursive: true, force: true });
  }
}
