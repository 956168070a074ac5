// `npm run demo`: the main job without an editor. Runs the bundled examples with the
// embedded engine (in memory, no account): the Snowflake docs' async child-job worksheet
// and a .py handler, printing what Snowflake would print.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const steps = [
  ['Snowflake docs: async child jobs (the last example fails on purpose with 000710)', ['sql', 'examples/async_child_jobs.sql', '--db', ':memory:', '--continue-on-error']],
  ['A .py handler with child jobs', ['run', 'examples/handlers/async_jobs.py', '--args', '[1]', '--db', ':memory:']],
  ['A handler written with the DataFrame API (filter, group_by, agg, Window, save_as_table)', ['run', 'examples/handlers/dataframe_orders.py', '--args', '[10]', '--db', ':memory:']],
  ['A handler returning a DataFrame (RETURNS TABLE)', ['run', 'examples/handlers/table_result.py', '--args', '[5]', '--db', ':memory:']],
  ['The saved runs in examples/.snowpark-local/runs.json, as tests (also in the Test Explorer)', ['test', 'examples']],
];
for (const [title, args] of steps) {
  console.log(`\n=== ${title}\n$ snowpark-local ${args.join(' ')}`);
  spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
}
console.log('\nOpen the same examples in a real VS Code with the extension: npm start');
