import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..', '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** Runs the bundled CLI (dist/cli.js) as a user would, in its own process. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; onStart?: (pid: number) => void } = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    child.once('error', reject);
    if (child.pid !== undefined) options.onStart?.(child.pid);
    child.once('close', (code) => resolve({ code, stdout, stderr, elapsedMs: Date.now() - started }));
  });
}
