// `npm run bench`: every benchmark under bench/, one after another (they time things, so
// never in parallel), each printing its figures and the ratio to its own baseline.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'out', 'bench');
const only = process.argv[2];
let failed = 0;
for (const file of readdirSync(compiled).filter((name) => name.endsWith('.bench.js')).sort()) {
  if (only && !file.includes(only)) continue;
  const result = spawnSync(process.execPath, [join(compiled, file)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
