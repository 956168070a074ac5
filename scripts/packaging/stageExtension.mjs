// A folder that looks like the extension's root to vsce, for one target: the production
// files as they are today and exactly one native binding. Staging (rather than packaging
// the checkout) is what keeps the host's binding in node_modules out of other targets.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindingPackageName } from './targets.mjs';

const ROOT_FILES = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore'];
const ROOT_FOLDERS = ['media', 'syntaxes', 'dist'];

export function stageExtension(root, target, bindingFolder) {
  const stage = mkdtempSync(join(tmpdir(), `snowpark-local-${target.target}-`));
  for (const name of [...ROOT_FILES, ...ROOT_FOLDERS]) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(stage, name), { recursive: true, filter: (source) => !source.endsWith('.map') });
  }
  for (const name of productionPackages(root)) {
    cpSync(join(root, 'node_modules', name), join(stage, 'node_modules', name), { recursive: true, dereference: true });
  }
  cpSync(bindingFolder, join(stage, 'node_modules', bindingPackageName(target)), { recursive: true });
  return stage;
}

/**
 * The installed packages the extension depends on, transitively. Optional dependencies are
 * left out: they are the per-platform bindings, which come from the registry per target.
 * vsce lists the staged folder's production dependencies with npm, which needs them all
 * present; .vscodeignore still drops those bundled into dist/.
 */
export function productionPackages(root) {
  const found = new Set();
  const pending = Object.keys(readManifest(root).dependencies ?? {});
  while (pending.length > 0) {
    const name = pending.shift();
    if (found.has(name)) continue;
    const folder = join(root, 'node_modules', name);
    if (!existsSync(folder)) throw new Error(`${name} is a production dependency but is not in ${join(root, 'node_modules')}: run npm install first`);
    found.add(name);
    pending.push(...Object.keys(readManifest(folder).dependencies ?? {}));
  }
  return [...found];
}

function readManifest(folder) {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
}
