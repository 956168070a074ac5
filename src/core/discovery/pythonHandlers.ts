import { findClosingBracket, logicalLineStarts, splitPythonTopLevel } from './pythonSource';
import { LineIndex } from '../sql/lineIndex';
import { parseCreateProcedure } from './createProcedure';
import { ProcedureDefinition } from './procedureDefinition';
import { splitStatements } from '../sql/splitStatements';

export { parsePackagesComment } from './packagesComment';

export interface PythonParameter {
  /** `x`, or `*args` / `**kwargs` with their stars. */
  name: string;
  annotation?: string;
  /** Source text of the default value. */
  default?: string;
}

export interface PythonHandler {
  name: string;
  /** 0-based line of the `def` keyword. */
  line: number;
  /** 0-based column of the `def` keyword (0 for a top-level def). */
  column: number;
  /** 0-based column of the function name, for a precise selection range. */
  nameColumn: number;
  /** The handler's own parameters; the session parameter Snowflake fills is left out. */
  params: PythonParameter[];
  /** Name of the session parameter as the handler spells it (usually `session`). */
  sessionParam?: string;
  returnAnnotation?: string;
}

const DEF_AT_LINE_START = /^def[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(/;
const SESSION_ANNOTATIONS = new Set(['Session', 'snowpark.Session', 'snowflake.snowpark.Session']);

/**
 * Top-level `def`s a stored procedure could use as its handler: those whose first
 * parameter is `session` (or annotated as a Snowpark Session), plus any named in
 * `extraHandlerNames` (a HANDLER clause names its function whatever its parameters are
 * called; Snowflake still passes the session first). `async def` is skipped: Snowflake
 * cannot call a coroutine as a handler.
 */
export function findPythonHandlers(source: string, extraHandlerNames: string[] = []): PythonHandler[] {
  const lines = new LineIndex(source);
  const handlers: PythonHandler[] = [];
  for (const start of logicalLineStarts(source)) {
    const match = DEF_AT_LINE_START.exec(source.slice(start, start + 300));
    if (!match) continue;
    const open = start + match[0].length - 1;
    const close = findClosingBracket(source, open);
    if (close < 0) continue; // the signature is still being typed
    const params = parseParameters(source.slice(open + 1, close));
    const first = params[0];
    const takesSession = first !== undefined && (first.name === 'session' || SESSION_ANNOTATIONS.has(unquote(first.annotation ?? '')));
    if (!takesSession && !extraHandlerNames.includes(match[1])) continue;

    const position = lines.positionAt(start);
    const handler: PythonHandler = {
      name: match[1],
      line: position.line,
      column: position.column,
      nameColumn: position.column + match[0].indexOf(match[1], 3),
      params: params.slice(1),
    };
    if (first && !first.name.startsWith('*')) handler.sessionParam = first.name;
    else handler.params = params; // no session slot to drop
    const returnAnnotation = readReturnAnnotation(source, close + 1);
    if (returnAnnotation) handler.returnAnnotation = returnAnnotation;
    handlers.push(handler);
  }
  return handlers;
}

/** `a, b: int = 1, *args, c: 'Session' = None, **kw` (the `/` and bare `*` markers are dropped). */
function parseParameters(text: string): PythonParameter[] {
  const params: PythonParameter[] = [];
  for (const raw of splitPythonTopLevel(text, ',')) {
    const [head, ...defaultParts] = splitPythonTopLevel(raw, '=');
    const [name, ...annotationParts] = splitPythonTopLevel(head, ':');
    const cleanName = name.trim();
    if (!cleanName || cleanName === '/' || cleanName === '*') continue;
    const param: PythonParameter = { name: cleanName };
    const annotation = annotationParts.join(':').trim();
    if (annotation) param.annotation = annotation;
    const defaultText = defaultParts.join('=').trim();
    if (defaultParts.length) param.default = defaultText;
    params.push(param);
  }
  return params;
}

/** `-> int:` after the parameter list; it ends at the first `:` outside brackets and strings. */
function readReturnAnnotation(source: string, from: number): string | undefined {
  const arrow = /^\s*->/.exec(source.slice(from));
  if (!arrow) return undefined;
  const [annotation] = splitPythonTopLevel(source.slice(from + arrow[0].length), ':');
  return annotation.trim() || undefined;
}

function unquote(annotation: string): string {
  return annotation.trim().replace(/^(['"])(.*)\1$/, '$2');
}

export interface SqlHandlerLocation {
  procedure: ProcedureDefinition;
  /** The function HANDLER names (the part after the last '.'). */
  handlerName: string;
  /** The def found in the body; undefined when the body does not define it (e.g. it is imported). */
  handler?: PythonHandler;
  /** 0-based line in fullText of the handler's `def`, or of the CREATE statement when not found. */
  line: number;
  column: number;
}

/** For each Python CREATE PROCEDURE in a worksheet, where its handler `def` is (for a CodeLens). */
export function findHandlersInSql(fullText: string): SqlHandlerLocation[] {
  const lines = new LineIndex(fullText);
  const locations: SqlHandlerLocation[] = [];
  for (const statement of splitStatements(fullText)) {
    const procedure = parseCreateProcedure(statement, fullText);
    if (!procedure || procedure.language !== 'PYTHON') continue;
    const handlerName = procedure.handler.split('.').pop() ?? '';
    const handler = findPythonHandlers(procedure.body, [handlerName]).find((h) => h.name === handlerName);
    if (handler) {
      // Body line k is document line bodyStartLine + k; only line 0 is shifted by the `$$`.
      const offsetInBody = handlerOffset(procedure.body, handler.line);
      const position = lines.positionAt(procedure.bodyStartOffset + offsetInBody);
      locations.push({ procedure, handlerName, handler, line: position.line, column: position.column });
    } else {
      locations.push({ procedure, handlerName, line: statement.startLine, column: statement.startColumn });
    }
  }
  return locations;
}

function handlerOffset(body: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = body.indexOf('\n', offset) + 1;
  return offset;
}
