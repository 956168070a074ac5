// A plain .py handler has no PACKAGES clause, so it may declare its packages in a comment
// at the top of the file, the same list it would give CREATE PROCEDURE:
//   # packages: snowflake-snowpark-python, joblib, pandas==2.2.2

const PACKAGES_LINE = /^#\s*packages\s*:(.*)$/i;

/** Packages named in `# packages:` lines of the leading comment block (blank lines allowed). */
export function parsePackagesComment(source: string): string[] {
  const packages: string[] = [];
  for (const rawLine of source.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (!line.startsWith('#')) break; // the top comment block ends at the first code line
    const match = PACKAGES_LINE.exec(line);
    if (!match) continue;
    for (const name of match[1].split(',')) {
      const cleaned = name.trim().replace(/^(['"])(.*)\1$/, '$2').trim();
      if (cleaned) packages.push(cleaned);
    }
  }
  return packages;
}
