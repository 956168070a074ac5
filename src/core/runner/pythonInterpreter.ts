import { execFile } from 'node:child_process';
import { interpreterCache } from './interpreterCache';

// Resolving `python3` through a pyenv-style shim costs ~300 ms per start on these machines;
// the interpreter behind it starts in ~30–70 ms. So we ask once for sys.executable and
// start that directly, cached per configured command.

export class PythonNotFoundError extends Error {
  constructor(readonly command: string, reason: string) {
    super(
      `Python was not found: '${command}' ${reason}. Install Python 3.9 or later, or choose an ` +
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

export function defaultPythonCommand(): string {
  return process.platform === 'win32' ? 'python' : 'python3';
}

export function resolvePython(command: string = defaultPythonCommand(), cwd: string = process.cwd()): Promise<ResolvedPython> {
  const key = `${command}\0${cwd}`;
  let resolved = cache.get(key);
  if (!resolved) {
    // A CLI call is a fresh process: the disk cache saves it the probe, too.
    const remembered = interpreterCache.lookup(command, cwd);
    resolved = remembered
      ? Promise.resolve(remembered)
      : probe(command).then((found) => {
          interpreterCache.remember(command, cwd, found);
          return found;
        });
    cache.set(key, resolved);
    resolved.catch(() => cache.delete(key));
  }
  return resolved;
}

function probe(command: string): Promise<ResolvedPython> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      ['-c', 'import sys; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3])'],
      { timeout: 20_000 },
      (error, stdout) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          return reject(new PythonNotFoundError(command, code === 'ENOENT' ? 'is not on PATH' : `failed to start (${error.message.split('\n')[0]})`));
        }
        const [executable, version] = stdout.trim().split('\n');
        const [major, minor] = version.split('.').map(Number);
        if (major !== 3 || minor < 9) {
          return reject(new PythonNotFoundError(command, `is Python ${version}; Snowflake runs 3.9–3.13`));
        }
        resolve({ command, executable: executable || command, version });
      },
    );
  });
}
