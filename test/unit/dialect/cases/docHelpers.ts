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

/** The Snowpark API reference page of a function (its examples run against Snowflake as doctests). */
export const SNOWPARK_FUNCTIONS = 'https://docs.snowflake.com/en/developer-guide/snowpark/reference/python/latest/snowpark/api/snowflake.snowpark.functions.';
const DATAFRAME_AS_VALUES = 'the Snowpark example, its DataFrame written as VALUES';

/** An example of the function's Snowpark API page, with the answer printed there. */
export const snowparkEx = (fn: string, name: string, statement: string, rows: Cell[][], note = DATAFRAME_AS_VALUES, extra: Partial<FunctionCase> = {}): FunctionCase => ({
  fn,
  sql: statement,
  rows,
  doc: SNOWPARK_FUNCTIONS + name,
  source: `example ${SNOWPARK_FUNCTIONS + name}`,
  note,
  ...extra,
});
