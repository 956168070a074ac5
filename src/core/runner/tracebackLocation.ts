import { resolve } from 'node:path';
import { StackFrame } from './protocol';

// The line a person can act on: the deepest frame in the handler's own file, else the
// deepest frame anywhere in user code (the shim already left its own frames out).
export function userFacingLocation(frames: readonly StackFrame[], handlerFile: string): { file: string; line: number } | undefined {
  const target = resolve(handlerFile);
  const inHandler = [...frames].reverse().find((frame) => resolve(frame.file) === target);
  const chosen = inHandler ?? frames[frames.length - 1];
  return chosen ? { file: chosen.file, line: chosen.line } : undefined;
}
