import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for the enclosing describe(), removed after it; write() returns a path. */
export function useTempDirectory(prefix: string): { write(name: string, text: string): string; path(name: string): string } {
  let directory = '';
  before(() => (directory = mkdtempSync(join(tmpdir(), prefix))));
  after(() => rmSync(directory, { recursive: true, force: true }));
  return {
    path: (name) => join(directory, name),
    write(name, text) {
      const path = join(directory, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
