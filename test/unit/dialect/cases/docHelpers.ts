import type { Cell, FunctionCase } from '../snowflakeFunctionCases';

// Helpers for the data files in this folder: each case is a statement from the Examples section of a
// Snowflake documentation page, with the output printed there.

export const DOCS = 'https://docs.snowflake.com/en/sql-reference/';
export const sql = String.raw;

/** A documentation example of `functions/<page>` (or of `<page>` when it starts with `../`, relative to sql-reference/). */
export function page(p: string): string {
  return p.startsWith('../') ? DOCS + p.slice(3) : DOCS + 'functions/' + p;
}

export const docEx = (fn: string, p: string, statement: string, rows: Cell[][], note?: string, extra: Partial<FunctionCase> = {}): FunctionCase => ({
  fn,
  sql: statement,
  rows,
  doc: page(p),
  source: `example ${page(p)}`,
  note,
  ...extra,
});

/** A self-made statement whose answer follows from the rules written on a documentation page. */
export const docSemantics = (fn: string, p: string, statement: string, rows: FunctionCase['rows'], note: string, extra: Partial<FunctionCase> = {}): FunctionCase => ({
  ...docEx(fn, p, statement, rows ?? [], note, extra),
  rows,
  source: `semantics ${page(p)}`,
});

/** A doc example that is expected to fail on our engine, with the one-line reason. */
export const known = (c: FunctionCase, reason: string): FunctionCase => ({ ...c, knownDifference: reason });

/** `(SELECT column1 AS a, column2 AS b … FROM (VALUES …) AS v(column1, …)) AS name` — a doc table inlined. */
export function table(name: string, columns: string[], rows: string[]): string {
  const cols = columns.map((_, i) => `column${i + 1}`);
  const select = columns.map((c, i) => `${cols[i]} AS ${c}`).join(', ');
  return `(SELECT ${select} FROM (VALUES ${rows.map((r) => `(${r})`).join(', ')}) AS v(${cols.join(', ')})) AS ${name}`;
}
