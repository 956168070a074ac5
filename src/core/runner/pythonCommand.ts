import { existsSync } from 'node:fs';
import { HostFacts, pathRulesFor } from '../platform/platformPaths';

// How a configured interpreter (the pythonPath setting, --python, the Python extension's
// choice) becomes a program and its arguments. Nothing goes through a shell, so a path with
// spaces needs no quoting; but users paste quoted paths and launcher commands ("py -3"), so
// those forms are understood too.

export interface PythonCommand {
  /** The program to start. */
  file: string;
  /** Arguments that come before ours (`-3` of `py -3`). */
  args: string[];
  /** As the user wrote it, for messages. */
  text: string;
}

/**
 * Reads a configured interpreter:
 * - a path to an existing file is the program, spaces and all (`C:\Program Files\Python312\python.exe`);
 * - a quoted program may be followed by arguments (`"C:\My Tools\python.exe" -X utf8`);
 * - otherwise the first word is the program and the rest its arguments (`py -3.12`);
 * - a leading `~` is the home folder.
 */
export function parsePythonCommand(text: string, host: Pick<HostFacts, 'platform' | 'home'>, exists: (path: string) => boolean = existsSync): PythonCommand {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('The Python interpreter setting is empty: name an interpreter (python3, a path, or py -3 on Windows).');
  const expand = (path: string): string => (path === '~' || /^~[\\/]/.test(path) ? pathRulesFor(host.platform).join(host.home, path.slice(1)) : path);
  const quote = trimmed[0];
  if (quote === '"' || quote === "'") {
    const close = trimmed.indexOf(quote, 1);
    if (close < 0) throw new Error(`The Python interpreter setting ${trimmed} opens a quote it never closes.`);
    return { file: expand(trimmed.slice(1, close)), args: splitWords(trimmed.slice(close + 1)), text: trimmed };
  }
  const whole = expand(trimmed);
  if (exists(whole) || !/\s/.test(trimmed)) return { file: whole, args: [], text: trimmed };
  const [file, ...args] = splitWords(trimmed);
  return { file: expand(file), args, text: trimmed };
}

/**
 * What to try when no interpreter is configured, in order. On Windows `python` is often the
 * Microsoft Store's placeholder, so the launcher `py -3` (python.org installers) goes first.
 */
export function defaultPythonCommands(platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? ['py -3', 'python', 'python3'] : ['python3', 'python'];
}

function splitWords(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}
