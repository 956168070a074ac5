// Diagnostics for failures: the tails of code-server's log, the extension host's log and
// the browser console's errors.
import * as fs from 'fs';
import * as path from 'path';

export function logTail(logFile: string, userDataDir: string, lines: number): string {
  const parts = [tailOf(logFile, lines)];
  const extHostLog = findFile(path.join(userDataDir, 'logs'), /exthost\d*\.log$|remoteexthost\.log$/);
  if (extHostLog) parts.push(`--- ${extHostLog} ---`, tailOf(extHostLog, lines));
  // Written by browser.ts beside code-server's log.
  const browserLog = path.join(path.dirname(logFile), 'browser-console.log');
  if (fs.existsSync(browserLog)) parts.push('--- browser console errors ---', tailOf(browserLog, lines));
  return parts.join('\n');
}

function tailOf(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

function findFile(dir: string, pattern: RegExp): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(full, pattern);
      if (found) return found;
    } else if (pattern.test(entry.name)) return full;
  }
  return undefined;
}
