import * as vscode from 'vscode';
import type { DeclaredArgument } from '../../core/runner/argumentCoercion';

// "Run with arguments…": one input box per declared argument, pre-filled with what was
// used last time for this handler (workspaceState), each value typed as JSON or plain text.

const STATE_PREFIX = 'snowparkLocal.lastArguments:';

export function argumentsKey(file: string, name: string): string {
  return `${STATE_PREFIX}${file}#${name}`;
}

/** JSON if it parses (1, "a", [1,2], {"k":1}, null, true), otherwise the text itself. */
export function parseArgumentText(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    return text;
  }
}

export async function promptForArguments(
  state: vscode.Memento,
  file: string,
  name: string,
  declared: DeclaredArgument[] | undefined,
): Promise<unknown[] | undefined> {
  const key = argumentsKey(file, name);
  const previous = state.get<unknown[]>(key) ?? [];
  const args: unknown[] = [];
  if (!declared || declared.length === 0) {
    const text = await vscode.window.showInputBox({
      title: `Arguments for ${name}`,
      prompt: `${name} declares no arguments. Give a JSON array to pass anyway, e.g. [1, "a"]`,
      value: JSON.stringify(previous),
      ignoreFocusOut: true,
    });
    if (text === undefined) return undefined;
    const parsed = parseArgumentText(text);
    if (!Array.isArray(parsed)) throw new Error(`Arguments for ${name} must be a JSON array such as [1, "a"]; got ${text}.`);
    await state.update(key, parsed);
    return parsed;
  }
  for (let i = 0; i < declared.length; i++) {
    const argument = declared[i];
    const type = argument.type ?? 'any';
    const last = previous[i];
    const text = await vscode.window.showInputBox({
      title: `${name}: argument ${i + 1} of ${declared.length}`,
      prompt: `${argument.name}: ${type}${argument.hasDefault ? ' (leave empty for its default)' : ''}. JSON values (1, "a", [1, 2], null) or plain text.`,
      value: last === undefined ? '' : typeof last === 'string' ? last : JSON.stringify(last),
      ignoreFocusOut: true,
    });
    if (text === undefined) return undefined;
    if (text === '' && argument.hasDefault) break; // later ones take their defaults too
    args.push(parseArgumentText(text));
  }
  await state.update(key, args);
  return args;
}
