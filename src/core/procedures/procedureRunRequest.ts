import { RunRequest } from '../runner/runTypes';
import { TaggedValue } from '../runner/protocol';
import { RegisteredProcedure } from './procedureCatalog';

/** How a registered procedure is run: its inline body, compiled with the worksheet's lines. */
export function procedureRunRequest(procedure: RegisteredProcedure, args: TaggedValue[], label: string): RunRequest {
  const handler = procedure.handler.includes('.') ? procedure.handler.split('.').pop()! : procedure.handler;
  return {
    handler,
    module: {
      kind: 'inline',
      path: procedure.sourceFile ?? `<procedure ${procedure.name}>`,
      source: procedure.body,
      firstLine: procedure.bodyStartLine + 1,
      moduleName: procedure.name.toLowerCase(),
    },
    args,
    returnType: procedure.returnType,
    packages: procedure.packages,
    label,
  };
}
