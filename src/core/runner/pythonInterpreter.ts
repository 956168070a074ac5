import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import { interpreterCache } from './interpreterCache';
import { defaultPythonCommands, parsePythonCommand, PythonCommand } from './pythonCommand';

// Resolving `python3` through a pyenv-style shim costs ~300 ms per start on these machines;
// the interpreter behind it starts in ~30–70 ms. So we ask once for sys.executable and
// start that directly, cached per configured command.

export class PythonNotFoundError extends Error {
  constructor(readonly command: string, readonly reason: string) {
    super(
      `Python was not found: ${reason}. Install Python 3.9 or later, or choose an ` +
        'interpreter with the snowparkLocal.pythonPath setting (CLI: --python PATH).',
    );
    this.name = 'PythonNotFoundError';
  }
}

export interface ResolvedPython {
  command: string;
  executable: string;
  version: string;
}

const cache = new Map<string, Promise<ResolvedPython>>();

/**
 * The interpreter `command` names (see parsePythonCommand), or with none configured the first
 * of this OS's usual commands that starts a Python 3.9+.
 */
export function resolvePython(command?: string, cwd: string = process.cwd()): Promise<ResolvedPython> {
  const key = `${command ?? ''}\0${cwd}`;
  let resolved = cache.get(key);
  if (!resolved) {
    resolved = command === undefined ? firstDefault(cwd) : resolveCommand(command, cwd);
    cache.set(key, resolved);
    resolved.catch(() => cache.delete(key));
  }
  return resolved;
}

async function firstDefault(cwd: string): Promise<ResolvedPython> {
  const reasons: string[] = [];
  const commands = defaultPythonCommands(process.platform);
  for (const command of commands) {
    try {
      return await resolveCommand(command, cwd);
    } catch (error) {
      reasons.push(error instanceof PythonNotFoundError ? error.reason : String(error));
    }
  }
  throw new PythonNotFoundError(commands.join(', '), reasons.join('; '));
}

function resolveCommand(command: string, cwd: string): Promise<ResolvedPython> {
  // A CLI call is a fresh process: the disk cache saves it the probe, too.
  const remembered = interpreterCache.lookup(command, cwd);
  if (remembered) return Promise.resolve(remembered);
  return probe(command).then((found) => {
    interpreterCache.remember(command, cwd, found);
    return found;
  });
}

function probe(command: string): Promise<ResolvedPython> {
  let parsed: PythonCommand;
  try {
    parsed = parsePythonCommand(command, { platform: process.platform, home: homedir() });
  } catch (error) {
    return Promise.reject(new PythonNotFoundError(command, (error as Error).message));
  }
  return new Promise((resolve, reject) => {
    execFile(
      parsed.file,
      [...parsed.args, '-c', 'import sys; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3])'],
      { timeout: 20_000, windowsHide: true },
      (error, stdout) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          return reject(new PythonNotFoundError(command, code === 'ENOENT' ? `'${command}' is not on PATH` : `'${command}' failed to start (${error.message.split('\n')[0]})`));
        }
        const [executable, version = ''] = stdout.trim().split(/\r?\n/);
        const [major, minor] = version.split('.').map(Number);
        if (!(major >= 0 && minor >= 0)) {
          return reject(new PythonNotFoundError(command, `'${command}' did not report a Python version (on Windows, 'python' may be the Microsoft Store placeholder: install Python or use 'py -3')`));
        }
        if (major !== 3 || minor < 9) {
          return reject(new PythonNotFoundError(command, `'${command}' is Python ${version}; Snowflake runs 3.9–3.13`));
        }
        resolve({ command, executable: executable || parsed.file, version });
      },
    );
  });
}
