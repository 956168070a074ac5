import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Processes whose command line contains `needle`, from the real process table. */
export function processesMatching(needle: string): Array<{ pid: number; args: string }> {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), args: match[2] }))
    .filter((entry) => entry.args.includes(needle) && entry.pid !== process.pid && !entry.args.startsWith('ps '));
}

export async function waitUntil(condition: () => boolean, timeoutMs: number, stepMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return condition();
}

/** Every live descendant of `rootPid`, from the real process table. */
export function descendantsOf(rootPid: number): Array<{ pid: number; args: string }> {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const rows = out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] }));
  const found: Array<{ pid: number; args: string }> = [];
  const frontier = [rootPid];
  while (frontier.length) {
    const parent = frontier.pop()!;
    for (const row of rows) {
      if (row.ppid === parent) {
        found.push({ pid: row.pid, args: row.args });
        frontier.push(row.pid);
      }
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Live processes whose environment holds `name=value` (Linux /proc), this one excluded. */
export function processesWithEnv(name: string, value: string): number[] {
  const needle = Buffer.from(`\0${name}=${value}\0`);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`);
      // A zombie (exited, not yet reaped) has an empty environ and is not a survivor.
      if (Buffer.concat([Buffer.from([0]), environ]).indexOf(needle) >= 0) found.push(Number(entry));
    } catch {
      // Gone, or not ours.
    }
  }
  return found;
}
