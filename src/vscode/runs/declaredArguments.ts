import * as fs from 'fs';
import { parseCreateProcedure } from '../../core/discovery/createProcedure';
import { findPythonHandlers } from '../../core/discovery/pythonHandlers';
import { normaliseName } from '../../core/procedures/procedureCatalog';
import type { DeclaredArgument } from '../../core/runner/argumentCoercion';
import { splitStatements } from '../../core/sql/splitStatements';

// What a handler or procedure declares, read from its source before anything runs, so
// "Run with arguments…" can prompt with names and types.

export function declaredArguments(file: string, handler?: string, procedure?: string): DeclaredArgument[] | undefined {
  const text = fs.readFileSync(file, 'utf8');
  if (file.toLowerCase().endsWith('.sql')) {
    const wanted = procedure ? normaliseName(procedure) : undefined;
    for (const statement of splitStatements(text)) {
      const definition = parseCreateProcedure(statement, statement.text);
      if (!definition || definition.language !== 'PYTHON') continue;
      if (wanted && normaliseName(definition.name) !== wanted) continue;
      return definition.args.map((arg) => ({ name: arg.name, type: arg.type, hasDefault: arg.defaultSql !== undefined }));
    }
    return undefined;
  }
  const handlers = findPythonHandlers(text, handler ? [handler] : []);
  const found = handler ? handlers.find((h) => h.name === handler) : handlers.length === 1 ? handlers[0] : undefined;
  return found?.params.map((param) => ({ name: param.name, type: param.annotation, hasDefault: param.default !== undefined }));
}
