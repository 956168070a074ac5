import { QueryResult } from '../core/runner/protocol';

// Results print the way SnowSQL prints them, so what a developer sees locally looks like
// what they would see in Snowflake.

const MAX_CELL = 80;

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function formatTable(result: Pick<QueryResult, 'columns' | 'data' | 'rowCount'>, maxRows = 200): string {
  const headers = result.columns.map((column) => column.name);
  const shown = Math.min(result.rowCount, maxRows);
  const rows: string[][] = [];
  for (let r = 0; r < shown; r++) {
    // Clipped before the newlines go: a huge cell (an 8 MB str) is scanned for 80 characters only.
    rows.push(result.columns.map((_, c) => clip(cellText(result.data[c][r])).replace(/\n/g, ' ')));
  }
  const widths = headers.map((header, c) => Math.max(header.length, ...rows.map((row) => row[c].length)));
  const border = `+${widths.map((width) => '-'.repeat(width + 2)).join('+')}+`;
  const line = (cells: string[], numeric?: boolean[]): string =>
    `| ${cells.map((cell, c) => (numeric?.[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
  const numeric = result.columns.map((column) => /^(NUMBER|FLOAT)/.test(column.type));
  const out = [border, line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`];
  for (const row of rows) out.push(line(row, numeric));
  out.push(border);
  const noun = result.rowCount === 1 ? 'Row' : 'Rows';
  out.push(shown < result.rowCount ? `${result.rowCount} ${noun} (first ${shown} shown)` : `${result.rowCount} ${noun} produced`);
  return out.join('\n');
}

function clip(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** Rows as objects keyed by column name, for --json. */
export function rowsAsObjects(result: Pick<QueryResult, 'columns' | 'data' | 'rowCount'>): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < result.rowCount; r++) {
    const row: Record<string, unknown> = {};
    result.columns.forEach((column, c) => (row[column.name] = result.data[c][r]));
    rows.push(row);
  }
  return rows;
}
