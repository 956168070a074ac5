// What a CREATE PROCEDURE statement declares, in the shape the runner and catalog use.

export interface ProcedureArgument {
  /** Normalised like every identifier: upper-cased unless it was quoted. */
  name: string;
  /** As written, upper-cased, parameters kept: `NUMBER(10,2)`, `TIMESTAMP_NTZ(9)`. */
  type: string;
  /** Source text of the DEFAULT expression, when there is one. */
  defaultSql?: string;
}

export type ProcedureReturns =
  | { kind: 'scalar'; type: string; notNull: boolean }
  | { kind: 'table'; columns: Array<{ name: string; type: string }> };

export interface ProcedureDefinition {
  /** Normalised qualified name: unquoted parts upper-cased, quoted parts kept (with quotes). */
  name: string;
  args: ProcedureArgument[];
  returns: ProcedureReturns;
  /** Upper-cased: PYTHON, JAVA, SQL, JAVASCRIPT, SCALA. SQL when the LANGUAGE clause is missing. */
  language: string;
  /** `3.12`, whether written as a number or a string. */
  runtimeVersion?: string;
  packages: string[];
  imports: string[];
  /** As written: `fn` or `module.fn`. Empty when the statement has no HANDLER clause. */
  handler: string;
  executeAs?: 'CALLER' | 'OWNER' | 'RESTRICTED CALLER';
  comment?: string;
  /** The code between `$$`s (untouched) or the unescaped text of `AS '...'`. */
  body: string;
  /** 0-based line (in the text given as fullText) of the body's first character. */
  bodyStartLine: number;
  /** Column of the body's first character on that line. */
  bodyStartColumn: number;
  /** Offset (in fullText) of the body's first character. */
  bodyStartOffset: number;
  /** False for `AS '...'`: line numbers inside an escaped body may drift where it used `\n` escapes. */
  bodyIsVerbatim: boolean;
  statementStartLine: number;
  orReplace: boolean;
  ifNotExists: boolean;
}
