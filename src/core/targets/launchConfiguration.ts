import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { WarehouseType } from '../runner/protocol';

// A launch.json configuration of type "snowpark-local", checked and turned into what a run
// needs. Every problem is reported at once, each naming its attribute and what to write,
// because a launch.json is edited by hand.

export interface LaunchSelection {
  file: string;
  handler?: string;
  procedure?: string;
  args: unknown[];
  warehouseType?: WarehouseType;
  /** 'local' or a connections.toml name; undefined: the folder's snowparkLocal.target. */
  target?: string;
  /** ':memory:' or an absolute path; undefined: the folder's database. */
  dbPath?: string;
  python?: string;
  justMyCode: boolean;
  workers?: number;
}

export class LaunchConfigurationError extends Error {
  constructor(readonly configurationName: string, readonly problems: string[]) {
    super(`The Snowpark Local launch configuration "${configurationName}" cannot start: ${problems.join('; ')}.`);
    this.name = 'LaunchConfigurationError';
  }
}

const WAREHOUSES: WarehouseType[] = ['standard', 'snowpark-optimized'];

/** `file.py:function` / `file.sql:PROCEDURE` → its two parts (the file may hold a drive letter's colon). */
export function splitQualifiedName(text: string): { file: string; name?: string } {
  const match = /^(.*\.(?:py|sql)):([A-Za-z_][\w$.]*|"[^"]+")$/i.exec(text.trim());
  return match ? { file: match[1], name: match[2] } : { file: text.trim() };
}

export function readLaunchConfiguration(configuration: Record<string, unknown>, folder: string | undefined): LaunchSelection {
  const name = typeof configuration.name === 'string' && configuration.name ? configuration.name : 'Snowpark Local';
  const problems: string[] = [];
  const base = folder ?? process.cwd();
  const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(base, path));

  if (configuration.request !== undefined && configuration.request !== 'launch') {
    problems.push(`"request" must be "launch" (attaching to a running handler is not supported), not ${JSON.stringify(configuration.request)}`);
  }
  const handler = optionalString(configuration, 'handler', problems);
  const procedure = optionalString(configuration, 'procedure', problems);
  let file = '';
  let handlerName: string | undefined;
  let procedureName: string | undefined;
  if (handler !== undefined && procedure !== undefined) {
    problems.push('give either "handler" ("file.py:function") or "procedure" ("file.sql:NAME"), not both');
  } else if (handler !== undefined) {
    const parts = splitQualifiedName(handler);
    if (!/\.py$/i.test(parts.file)) problems.push(`"handler" must name a .py file and its function, as "handlers/orders.py:main"; got ${JSON.stringify(handler)}`);
    file = absolute(parts.file);
    handlerName = parts.name;
  } else if (procedure !== undefined) {
    const parts = splitQualifiedName(procedure);
    if (!/\.sql$/i.test(parts.file)) problems.push(`"procedure" must name a .sql file and a procedure it creates, as "procs.sql:MY_PROC"; got ${JSON.stringify(procedure)}`);
    file = absolute(parts.file);
    procedureName = parts.name;
  } else {
    problems.push('add "handler": "file.py:function" (a Python handler) or "procedure": "file.sql:NAME" (a CREATE PROCEDURE in a .sql file)');
  }

  let args: unknown[] = [];
  if (configuration.args !== undefined && configuration.argsFile !== undefined) {
    problems.push('give either "args" or "argsFile", not both');
  } else if (configuration.args !== undefined) {
    if (Array.isArray(configuration.args)) args = configuration.args;
    else problems.push(`"args" must be a JSON array of the handler's arguments, as [10, "2024-01"]; got ${JSON.stringify(configuration.args)}`);
  } else if (configuration.argsFile !== undefined) {
    const argsFile = optionalString(configuration, 'argsFile', problems);
    if (argsFile !== undefined) args = readArgsFile(absolute(argsFile), problems);
  }

  const warehouse = optionalString(configuration, 'warehouse', problems);
  if (warehouse !== undefined && !WAREHOUSES.includes(warehouse as WarehouseType)) {
    problems.push(`"warehouse" must be ${WAREHOUSES.map((w) => JSON.stringify(w)).join(' or ')}; got ${JSON.stringify(warehouse)}`);
  }
  const target = optionalString(configuration, 'target', problems);
  const database = optionalString(configuration, 'database', problems);
  const python = optionalString(configuration, 'python', problems);
  let justMyCode = true;
  if (configuration.justMyCode !== undefined) {
    if (typeof configuration.justMyCode === 'boolean') justMyCode = configuration.justMyCode;
    else problems.push('"justMyCode" must be true or false');
  }
  let workers: number | undefined;
  if (configuration.workers !== undefined) {
    if (Number.isInteger(configuration.workers) && (configuration.workers as number) > 0) workers = configuration.workers as number;
    else problems.push(`"workers" must be a whole number of at least 1; got ${JSON.stringify(configuration.workers)}`);
  }

  if (problems.length) throw new LaunchConfigurationError(name, problems);
  return {
    file,
    handler: handlerName,
    procedure: procedureName,
    args,
    warehouseType: warehouse as WarehouseType | undefined,
    target,
    dbPath: database === undefined || database === ':memory:' ? database : absolute(database),
    python,
    justMyCode,
    workers,
  };
}

function optionalString(configuration: Record<string, unknown>, key: string, problems: string[]): string | undefined {
  const value = configuration[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim()) return value.trim();
  problems.push(`"${key}" must be a non-empty string; got ${JSON.stringify(value)}`);
  return undefined;
}

function readArgsFile(path: string, problems: string[]): unknown[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    problems.push(`"argsFile" ${path} cannot be read: create it with a JSON array of arguments, as [10, "2024-01"]`);
    return [];
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed;
    problems.push(`"argsFile" ${path} must hold a JSON array of arguments; it holds ${typeof parsed === 'object' && parsed !== null ? 'an object' : JSON.stringify(parsed)}`);
  } catch (error) {
    problems.push(`"argsFile" ${path} is not valid JSON (${(error as Error).message})`);
  }
  return [];
}
