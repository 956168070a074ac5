import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { argumentsKey, promptForArguments } from '../runs/argumentPrompt';
import { HandlerTarget, RunController } from '../runs/runController';
import { requireTrust } from '../trust';
import { UserFacingError } from '../userError';
import type { PickedHandler } from './handlerPicker';
import { CommandTable } from './commandTable';
import { pickSavedArguments, SaveArgumentsRequest } from './savedRunCommands';

// Run Handler (plain, with arguments, under the debugger), Run CALL, Run SQL Worksheet /
// Selection and Rerun Last Run.

type HandlerArgument = Partial<HandlerTarget> | vscode.Uri | undefined;

export function runCommands(controller: RunController, state: vscode.Memento): CommandTable {
  const target = async (argument: HandlerArgument): Promise<PickedHandler & { args?: unknown[] } | undefined> => {
    requireTrust(); // before any picker: in Restricted Mode nothing will run anyway
    if (argument instanceof vscode.Uri) return pickFromFile(argument.fsPath);
    if (argument?.file) return { file: argument.file, handler: argument.handler, procedure: argument.procedure, args: argument.args };
    const { pickHandler } = await import('./handlerPicker');
    return pickHandler();
  };
  return {
    [COMMANDS.runHandler]: async (argument: HandlerArgument) => {
      const picked = await target(argument);
      if (!picked) return undefined;
      const args = picked.args ?? (await argumentsToRunWith(state, picked));
      if (!args) return undefined;
      return controller.runHandler({ ...picked, args });
    },
    [COMMANDS.runHandlerWithArguments]: async (argument: HandlerArgument) => {
      const picked = await target(argument);
      if (!picked) return undefined;
      const name = picked.handler ?? picked.procedure ?? path.basename(picked.file);
      if (picked.args) return controller.runHandler({ ...picked, args: picked.args });
      // The handler's saved runs first, when it has any; "New arguments…" prompts as before.
      const saved = await pickSavedArguments(picked, name);
      if (saved === null) return undefined;
      if (Array.isArray(saved)) return controller.runHandler({ ...picked, args: saved });
      const { declaredArguments } = await import('../runs/declaredArguments');
      const args = await promptForArguments(state, picked.file, name, declaredArguments(picked.file, picked.handler, picked.procedure));
      if (!args) return undefined;
      const outcome = await controller.runHandler({ ...picked, args });
      offerToSave({ file: picked.file, handler: picked.handler, procedure: picked.procedure, args }, name);
      return outcome;
    },
    [COMMANDS.debugHandler]: async (argument: HandlerArgument) => {
      const picked = await target(argument);
      if (!picked) return undefined;
      const args = picked.args ?? (await argumentsToRunWith(state, picked));
      if (!args) return undefined;
      return controller.runHandler({ ...picked, args }, { debug: true });
    },
    [COMMANDS.runCall]: async (argument?: { file: string; statement: string; line: number }) => {
      requireTrust();
      if (!argument) throw new UserFacingError('Run CALL needs a CALL statement: use the ▶ Run CALL lens above it, or select it and run "Snowpark Local: Run SQL Worksheet / Selection".');
      return controller.runCall(argument.file, argument.statement, argument.line);
    },
    [COMMANDS.runWorksheet]: async (argument?: vscode.Uri | { text: string; file?: string }) => {
      requireTrust();
      if (argument && !(argument instanceof vscode.Uri)) {
        return controller.runWorksheet({ text: argument.text, file: argument.file, lineOffset: 0, label: argument.file ? path.basename(argument.file) : 'SQL' });
      }
      const document = argument instanceof vscode.Uri ? await vscode.workspace.openTextDocument(argument) : vscode.window.activeTextEditor?.document;
      if (!document || !(document.languageId === 'sql' || document.fileName.toLowerCase().endsWith('.sql'))) {
        throw new UserFacingError('Run SQL Worksheet needs a .sql file: open one (or select statements in it) and run the command again.');
      }
      const editor = vscode.window.activeTextEditor;
      const selection = editor?.document === document && !editor.selection.isEmpty ? editor.selection : undefined;
      const text = selection ? document.getText(selection) : document.getText();
      const name = path.basename(document.fileName);
      return controller.runWorksheet({
        text,
        file: document.isUntitled ? undefined : document.uri.fsPath,
        lineOffset: selection?.start.line ?? 0,
        label: selection ? `${name} (selection, line ${selection.start.line + 1})` : name,
      });
    },
    [COMMANDS.rerunLast]: async () => {
      requireTrust();
      const last = controller.lastRun;
      if (!last) throw new UserFacingError('Nothing to rerun yet: run a handler (▶ Run locally) or a worksheet first.');
      if (last.kind === 'handler') return controller.runHandler(last.target, { debug: last.debug });
      return controller.runWorksheet(last.target);
    },
  };
}

/** Not awaited: the run is over, the offer stays until dismissed. */
function offerToSave(request: SaveArgumentsRequest, name: string): void {
  void vscode.window.showInformationMessage(`Keep these arguments for ${name} as a saved run?`, 'Save as Saved Run…').then((choice) => {
    if (choice) void vscode.commands.executeCommand(COMMANDS.saveArguments, request);
  });
}

/**
 * ▶ Run / Debug without arguments given: the ones used last time; with none remembered, a
 * handler that needs arguments asks for them (as Run with arguments… does) rather than fail.
 * undefined: the person cancelled the prompt.
 */
async function argumentsToRunWith(state: vscode.Memento, picked: PickedHandler): Promise<unknown[] | undefined> {
  const name = picked.handler ?? picked.procedure ?? path.basename(picked.file);
  const remembered = state.get<unknown[]>(argumentsKey(picked.file, name));
  if (remembered) return remembered;
  const { declaredArguments } = await import('../runs/declaredArguments');
  const declared = declaredArguments(picked.file, picked.handler, picked.procedure);
  if (!declared?.some((argument) => !argument.hasDefault)) return [];
  return promptForArguments(state, picked.file, name, declared);
}

async function pickFromFile(file: string): Promise<PickedHandler | undefined> {
  const { handlersInText } = await import('./handlerPicker');
  const text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('utf8');
  const handlers = handlersInText(file, text);
  if (handlers.length === 0) throw new UserFacingError(`${path.basename(file)} has no handler: no top-level def takes \`session\` first, and no CREATE PROCEDURE … LANGUAGE PYTHON.`);
  if (handlers.length === 1) return handlers[0];
  const chosen = await vscode.window.showQuickPick(
    handlers.map((handler) => ({ label: handler.handler ?? handler.procedure ?? '?', handler })),
    { title: `Snowpark Local: run which handler of ${path.basename(file)}?` },
  );
  return chosen?.handler;
}
