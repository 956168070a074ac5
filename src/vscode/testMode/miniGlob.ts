// TEST-ONLY. The few glob forms the integration suite needs ('**', '*', '{a,b}'), so the
// bundled extension does not have to carry a glob library for its test mode.
import * as fs from 'fs';
import * as path from 'path';

/** Files matching any of the ';'-separated absolute globs, sorted for a stable order. */
export function findFiles(globs: string): string[] {
  const found = new Set<string>();
  for (const glob of globs.split(';').filter(Boolean)) {
    const pattern = globToRegExp(glob);
    for (const file of walk(staticPrefix(glob))) if (pattern.test(file)) found.add(file);
  }
  return [...found].sort();
}

export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) { out += '(?:.*/)?'; i += 2; }
    else if (glob.startsWith('**', i)) { out += '.*'; i += 1; }
    else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The directory part before the first segment with a wildcard: where walking starts. */
function staticPrefix(glob: string): string {
  const segments = glob.split('/');
  const firstWild = segments.findIndex((s) => /[*?{]/.test(s));
  return firstWild < 0 ? path.dirname(glob) : segments.slice(0, firstWild).join('/') || '/';
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'node_modules') files.push(...walk(full)); }
    else files.push(full);
  }
  return files;
}
