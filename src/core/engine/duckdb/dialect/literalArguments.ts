import { isTokenOf, isWord } from '../../../sql/nodes';
import { unquoteStringLiteral } from '../../../sql/literals';
import { CallMatch } from './functionCall';

// Arguments some rules must read as constants at translation time (DuckDB wants them constant,
// or they choose the SQL written), from the call's own tokens.

/** A constant string argument's value, or undefined when it is not a plain literal. */
export function stringLiteralAt(call: CallMatch, index: number): string | undefined {
  const arg = call.args[index];
  return arg?.length === 1 && isTokenOf(arg[0], 'string') ? unquoteStringLiteral(arg[0].token.text) : undefined;
}

/** A constant non-negative integer argument, or undefined when it is not one. */
export function integerLiteralAt(call: CallMatch, index: number): number | undefined {
  const arg = call.args[index];
  return arg?.length === 1 && isTokenOf(arg[0], 'number') && /^\d+$/.test(arg[0].token.text) ? Number(arg[0].token.text) : undefined;
}

/** Whether the argument is the NULL keyword. */
export function isNullLiteral(call: CallMatch, index: number): boolean {
  const arg = call.args[index];
  return arg?.length === 1 && isWord(arg[0], 'NULL');
}
