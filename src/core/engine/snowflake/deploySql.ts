import { extname } from 'node:path';
import { parseCreateProcedure } from '../../discovery/createProcedure';
import { findPythonHandlers, parsePackagesComment, PythonHandler } from '../../discovery/pythonHandlers';
import { splitStatements } from '../../sql/splitStatements';
import { quoteStringLiteral } from '../../sql/literals';

// `snowpark-local deploy` and the extension's "Deploy Procedure" build the same statement
// here: a stage-less CREATE OR REPLACE PROCEDURE with the handler inline (AS $$ … $$) and
// its declared PACKAGES, so what runs in Snowflake is exactly the code that ran locally.

export interface DeploySource {
  /** Used for the file kind (.py / .sql) and in messages. */
  file: string;
  text: string;
}

export interface DeployOptions {
  /** The procedure's name (required for .py; picks the statement in a .sql file). */
  procedure: string;
  /** .py only: the handler function, when the file has more than one. */
  handler?: string;
  /** .py only: RUNTIME_VERSION (default 3.11). */
  runtimeVersion?: string;
}

export interface DeployPlan {
  name: string;
  handler: string;
  packages: string[];
  sql: string;
}

export class DeployError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployError';
  }
}

export function buildDeploySql(source: DeploySource, options: DeployOptions): DeployPlan {
  const kind = extname(source.file).toLowerCase();
  if (kind === '.sql') return fromWorksheet(source, options.procedure);
  if (kind === '.py') return fromPython(source, options);
  throw new DeployError(`${source.file}: deploy takes a .py handler or a .sql file with CREATE PROCEDURE.`);
}

function fromWorksheet(source: DeploySource, procedure: string): DeployPlan {
  const wanted = normalise(procedure);
  const found: string[] = [];
  for (const statement of splitStatements(source.text)) {
    const definition = parseCreateProcedure(statement, source.text);
    if (!definition) continue;
    found.push(definition.name);
    if (normalise(definition.name) !== wanted && normalise(definition.name.split('.').pop()!) !== wanted) continue;
    return { name: definition.name, handler: definition.handler, packages: definition.packages, sql: `${statement.text};` };
  }
  throw new DeployError(
    `${source.file} has no CREATE PROCEDURE ${procedure}.` + (found.length ? ` It defines: ${found.join(', ')}.` : ''),
  );
}

function fromPython(source: DeploySource, options: DeployOptions): DeployPlan {
  const handlers = findPythonHandlers(source.text, options.handler ? [options.handler] : []);
  const handler = pickHandler(handlers, source.file, options.handler);
  if (source.text.includes('$$')) throw new DeployError(`${source.file} contains '$$', which cannot sit inside an AS $$ … $$ body.`);
  const packages = parsePackagesComment(source.text);
  if (!packages.some((name) => /^snowflake-snowpark-python\b/i.test(name))) packages.unshift('snowflake-snowpark-python');
  const args = handler.params.filter((param) => !param.name.startsWith('*')).map((param) => {
    const type = sqlTypeOf(param.annotation);
    return `${param.name} ${type}${param.default !== undefined ? ` DEFAULT ${defaultSql(param.default, param.name)}` : ''}`;
  });
  const body = source.text.endsWith('\n') ? source.text : `${source.text}\n`;
  const sql = [
    `CREATE OR REPLACE PROCEDURE ${options.procedure}(${args.join(', ')})`,
    `RETURNS ${sqlTypeOf(handler.returnAnnotation, 'VARCHAR')}`,
    'LANGUAGE PYTHON',
    `RUNTIME_VERSION = '${options.runtimeVersion ?? '3.11'}'`,
    `PACKAGES = (${packages.map(quoteStringLiteral).join(', ')})`,
    `HANDLER = '${handler.name}'`,
    `AS $$\n${body}$$;`,
  ].join('\n');
  return { name: options.procedure, handler: handler.name, packages, sql };
}

function pickHandler(handlers: PythonHandler[], file: string, wanted?: string): PythonHandler {
  if (wanted) {
    const found = handlers.find((handler) => handler.name === wanted);
    if (!found) throw new DeployError(`${file} has no top-level function ${wanted}.`);
    return found;
  }
  if (handlers.length === 1) return handlers[0];
  if (handlers.length === 0) throw new DeployError(`${file} has no handler: a top-level def whose first parameter is session.`);
  throw new DeployError(`${file} has several handlers (${handlers.map((h) => h.name).join(', ')}); choose one with --handler NAME.`);
}

// Python annotations → Snowflake SQL types, as Snowpark's own type mapping does.
const TYPES: Record<string, string> = {
  int: 'INT',
  float: 'FLOAT',
  str: 'VARCHAR',
  bool: 'BOOLEAN',
  bytes: 'BINARY',
  bytearray: 'BINARY',
  dict: 'OBJECT',
  list: 'ARRAY',
  tuple: 'ARRAY',
  Decimal: 'NUMBER(38,18)',
  'decimal.Decimal': 'NUMBER(38,18)',
  date: 'DATE',
  'datetime.date': 'DATE',
  datetime: 'TIMESTAMP_NTZ',
  'datetime.datetime': 'TIMESTAMP_NTZ',
  time: 'TIME',
  'datetime.time': 'TIME',
  DataFrame: 'TABLE()',
};

function sqlTypeOf(annotation: string | undefined, fallback = 'VARIANT'): string {
  if (!annotation) return fallback;
  const bare = annotation.trim().replace(/^['"](.*)['"]$/, '$1');
  const base = bare.replace(/\[.*$/, '').replace(/^(typing|snowflake\.snowpark|snowpark)\./, '');
  if (TYPES[base]) return TYPES[base];
  if (/^(Dict|Mapping)$/.test(base)) return 'OBJECT';
  if (/^(List|Sequence|Tuple)$/.test(base)) return 'ARRAY';
  if (/^Optional$/.test(base)) return sqlTypeOf(bare.slice(bare.indexOf('[') + 1, -1), fallback);
  return fallback;
}

function defaultSql(python: string, name: string): string {
  const text = python.trim();
  if (text === 'None') return 'NULL';
  if (text === 'True' || text === 'False') return text.toUpperCase();
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) return quoteStringLiteral(quoted[2]);
  throw new DeployError(`The default of ${name} (${text}) has no SQL literal form; give it a literal default or none.`);
}

function normalise(name: string): string {
  return name.startsWith('"') ? name : name.toUpperCase();
}
