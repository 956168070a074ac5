// The same integration suite under desktop VS Code, for machines that can download it
// (@vscode/test-electron fetches a VS Code build; these machines cannot, so `npm test`
// uses runInCodeServer.ts instead). Both trust modes, like the code-server launcher.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const workspace = path.join(repoRoot, 'test', 'workspaces', 'basic');

async function main(): Promise<void> {
  for (const mode of ['trusted', 'untrusted'] as const) {
    console.log(`=== integration suite under desktop VS Code, ${mode} workspace ===`);
    await runTests({
      version: process.env.SNOWPARK_LOCAL_VSCODE_VERSION ?? '1.96.4',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, ...(mode === 'trusted' ? ['--disable-workspace-trust'] : []), '--disable-extensions'],
      extensionTestsEnv: { SNOWPARK_LOCAL_TEST_TRUST: mode },
    });
  }
}

main().catch((error) => {
  console.error(`The desktop VS Code run failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
