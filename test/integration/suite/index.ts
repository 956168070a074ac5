// Entry for @vscode/test-electron (extensionTestsPath) on machines that can download
// desktop VS Code: runs the same compiled suite with the same runner as code-server does.
import * as path from 'path';
import { runMochaSuite } from '../../../src/vscode/testMode/runIntegrationSuite';

export async function run(): Promise<void> {
  const mode = process.env.SNOWPARK_LOCAL_TEST_TRUST === 'untrusted' ? 'untrusted' : 'trusted';
  const results = await runMochaSuite({
    extensionRoot: path.resolve(__dirname, '..', '..', '..', '..'),
    glob: process.env.SNOWPARK_LOCAL_TEST_GLOB ?? `${__dirname}/{*,${mode}/**/*}.test.js`,
    grep: process.env.SNOWPARK_LOCAL_TEST_GREP,
  });
  console.log(results.report);
  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed`);
}
