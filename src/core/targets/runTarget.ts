import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseCreateProcedure } from '../discovery/createProcedure';
import { findPythonHandlers, parsePackagesComment } from '../discovery/pythonHandlers';
import { ProcedureCatalog, normaliseName, registeredProcedureFrom } from '../procedures/procedureCatalog';
import { ArgumentError, coerceArguments, DeclaredArgument } from '../runner/argumentCoercion';
import { RunRequest } from '../runner/runTypes';
import { splitStatements } from '../sql/splitStatements';
import { procedureRunRequest } from '../procedures/procedureRunRequest';

// Turns "this file, this handler or procedure, these arguments" into a RunRequest. The CLI
// and the extension's commands both come through here, so a handler runs the same way
// from a terminal, the palette or a CodeLens.

export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

export interface TargetSelection {
  file: string;
  handler?: string;
  procedure?: string;
  args: unknown[];
}

export interface ResolvedTarget {
  request: RunRequest;
  /** The column header Snowflake would print for the result: the procedure or handler name. */
  resultName: string;
  declared?: DeclaredArgument[];
}

export function resolveTarget(selection: TargetSelection, catalog: ProcedureCatalog): ResolvedTarget {
  const file = resolve(selection.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new TargetError(`Cannot read ${selection.file}: no such file. Give the path of a .py handler or a .sql worksheet.`);
  }
  return file.toLowerCase().endsWith('.sql') ? sqlTarget(file, text, selection, catalog) : pythonTarget(file, text, selection);
}

function pythonTarget(file: string, source: string, selection: TargetSelection): ResolvedTarget {
  const handlers = findPythonHandlers(source, selection.handler ? [selection.handler] : []);
  let name = selection.handler;
  if (!name) {
    if (handlers.length === 1) name = handlers[0].name;
    else if (handlers.length === 0) {
      throw new TargetError(`${basename(file)} has no handler: no top-level def takes \`session\` as its first parameter. Add one, or name it with --handler NAME.`);
    } else {
      throw new TargetError(`${basename(file)} has ${handlers.length} handlers (${handlers.map((h) => h.name).join(', ')}); choose one with --handler NAME.`);
    }
  }
  const found = handlers.find((handler) => handler.name === name);
  const declared = found?.params.map((param) => ({ name: param.name, type: param.annotation, hasDefault: param.default !== undefined }));
  const args = coerce(`${name}`, declared, selection.args);
  return {
    request: {
      handler: name,
      module: { kind: 'file', path: file },
      args,
      returnType: found?.returnAnnotation ?? null,
      packages: parsePackagesComment(source),
      cwd: dirname(file),
      label: `${basename(file)}: ${name}()`,
    },
    resultName: name.toUpperCase(),
    declared,
  };
}

function sqlTarget(file: string, text: string, selection: TargetSelection, catalog: ProcedureCatalog): ResolvedTarget {
  const definitions = splitStatements(text)
    .map((statement) => ({ statement, definition: parseCreateProcedure(statement, statement.text) }))
    .filter((entry) => entry.definition && entry.definition.language.toUpperCase() === 'PYTHON');
  let chosen = definitions[0];
  if (selection.procedure) {
    const wanted = normaliseName(selection.procedure);
    chosen = definitions.find((entry) => normaliseName(entry.definition!.name) === wanted)!;
    if (!chosen) {
      const names = definitions.map((entry) => normaliseName(entry.definition!.name)).join(', ') || 'none';
      throw new TargetError(`${basename(file)} defines no Python procedure ${wanted} (it defines: ${names}).`);
    }
  } else if (definitions.length !== 1) {
    const names = definitions.map((entry) => normaliseName(entry.definition!.name)).join(', ');
    throw new TargetError(
      definitions.length === 0
        ? `${basename(file)} has no CREATE PROCEDURE … LANGUAGE PYTHON statement.`
        : `${basename(file)} defines ${definitions.length} procedures (${names}); choose one with --procedure NAME.`,
    );
  }
  const definition = chosen.definition!;
  const name = normaliseName(definition.name);
  catalog.register(registeredProcedureFrom(definition, { file, statementLine: chosen.statement.startLine }), true, false);
  const procedure = catalog.find(name)!;
  const args = coerce(name, procedure.args, selection.args);
  const request = procedureRunRequest(procedure, args, `CALL ${name}(${selection.args.map((arg) => JSON.stringify(arg)).join(', ')})`);
  return { request: { ...request, cwd: dirname(file) }, resultName: name, declared: procedure.args };
}

function coerce(name: string, declared: DeclaredArgument[] | undefined, args: unknown[]) {
  try {
    return coerceArguments(name, declared, args);
  } catch (error) {
    if (error instanceof ArgumentError) throw new TargetError(error.message);
    throw error;
  }
}
