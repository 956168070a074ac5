import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ProcedureDefinition } from '../discovery/procedureDefinition';
import { DeclaredArgument } from '../runner/argumentCoercion';
import { makeDirectory } from '../util/makeDirectory';

// Procedures created with CREATE PROCEDURE outlive the statement that made them, as in
// Snowflake: a worksheet can create one and a later CLI run can CALL it. They are kept in
// a JSON file beside the workspace database (or only in memory for :memory:).

export interface RegisteredProcedure {
  /** Upper-cased unless it was quoted. */
  name: string;
  args: DeclaredArgument[];
  /** `VARCHAR`, `NUMBER(10,2)`, `TABLE(A NUMBER, B VARCHAR)`. */
  returnType: string;
  language: string;
  handler: string;
  packages: string[];
  imports: string[];
  body: string;
  /** Where the body came from, so tracebacks point into the worksheet. */
  sourceFile?: string;
  /** 0-based line of the body's first line in sourceFile. */
  bodyStartLine: number;
  createdMs: number;
}

export class ProcedureCatalog {
  private readonly procedures = new Map<string, RegisteredProcedure>();

  constructor(private readonly storePath?: string) {
    if (storePath && existsSync(storePath)) {
      try {
        const saved = JSON.parse(readFileSync(storePath, 'utf8')) as RegisteredProcedure[];
        for (const procedure of saved) this.procedures.set(procedure.name, procedure);
      } catch {
        // A corrupt catalog must not stop the engine; procedures can be created again.
      }
    }
  }

  register(procedure: RegisteredProcedure, orReplace: boolean, ifNotExists: boolean): 'created' | 'exists' {
    const existing = this.procedures.get(procedure.name);
    if (existing && !orReplace) {
      if (ifNotExists) return 'exists';
      throw new Error(`SQL compilation error:\nObject '${procedure.name}' already exists.`);
    }
    this.procedures.set(procedure.name, procedure);
    this.save();
    return 'created';
  }

  find(name: string): RegisteredProcedure | undefined {
    return this.procedures.get(normaliseName(name));
  }

  list(): RegisteredProcedure[] {
    return [...this.procedures.values()];
  }

  drop(name: string): boolean {
    const removed = this.procedures.delete(normaliseName(name));
    if (removed) this.save();
    return removed;
  }

  private save(): void {
    if (!this.storePath) return;
    makeDirectory(dirname(this.storePath));
    const temporary = `${this.storePath}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.list(), null, 2));
    renameSync(temporary, this.storePath);
  }
}

/** `db.schema."MyProc"` → `"MyProc"`-aware last part; unquoted parts upper-cased. */
export function normaliseName(name: string): string {
  const parts = name.trim().match(/"(?:[^"]|"")*"|[^.]+/g) ?? [name];
  const last = parts[parts.length - 1].trim();
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last.toUpperCase();
}

/**
 * A parsed CREATE PROCEDURE as the catalog keeps it. `statementLine` is the 0-based line
 * where the statement starts in `file` (the definition's body line is relative to it), so
 * tracebacks from the inline body point at the worksheet's own lines.
 */
export function registeredProcedureFrom(definition: ProcedureDefinition, source: { file?: string; statementLine: number }): RegisteredProcedure {
  return {
    name: normaliseName(definition.name),
    args: definition.args.map((argument) => ({ name: argument.name, type: argument.type, hasDefault: argument.defaultSql !== undefined })),
    returnType:
      definition.returns.kind === 'table'
        ? `TABLE(${definition.returns.columns.map((column) => `${column.name} ${column.type}`).join(', ')})`
        : definition.returns.type,
    language: definition.language.toUpperCase(),
    handler: definition.handler,
    packages: definition.packages,
    imports: definition.imports,
    body: definition.body,
    sourceFile: source.file,
    bodyStartLine: source.statementLine + definition.bodyStartLine,
    createdMs: Date.now(),
  };
}
