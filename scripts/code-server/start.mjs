// `npm start`: this working tree's extension in a real VS Code (code-server) with the
// examples folder open. There is no desktop here, so it prints the URL (127.0.0.1 only)
// and opens a visible Chromium only when a DISPLAY exists. Ctrl-C stops everything.
// Reuses the test harness (compiled to out/ by `npm run compile-tests`).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const harness = join(root, 'out', 'test', 'integration', 'codeServer.js');
if (!existsSync(harness) || !existsSync(join(root, 'dist', 'extension.js'))) {
  console.error('Build first: npm run build && npm run compile-tests');
  process.exit(1);
}
const { startCodeServer, openWorkbench, onInterrupt } = createRequire(import.meta.url)(harness);

const folder = process.argv[2] ?? join(root, 'examples');
const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const server = await startCodeServer({ workspace: folder, trusted: true, port });
console.log(`VS Code (code-server) with Snowpark Local: ${server.url}`);
console.log(`logs: ${server.logFile}   Ctrl-C to stop`);
if (process.env.DISPLAY) {
  const workbench = await openWorkbench(server, false);
  onInterrupt(() => workbench.close());
}
// Stay alive until a signal: the interrupt hooks stop code-server (and Chromium).
setInterval(() => undefined, 1 << 30);
