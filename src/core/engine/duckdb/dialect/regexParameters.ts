import { CallMatch } from './functionCall';
import { integerLiteralAt, isNullLiteral, stringLiteralAt } from './literalArguments';
import { Translator } from './translator';

// Snowflake's regex arguments that DuckDB needs as constants (its options, a capture group's
// number), read from the call's literals at translation time. Same conventions as the
// REGEXP_REPLACE rule of stringRules.ts: the parameters travel as an RE2 flag group in front of
// the pattern, because DuckDB's own option letters differ (its `m` is not multi-line mode).

export interface RegexParameters {
  /** An RE2 inline flag group such as '(?im)', or ''. */
  flags: string;
  /** Whether `e` asks for the first capture group instead of the whole match. */
  extract: boolean;
}

/**
 * Snowflake regex parameters (default 'c'): of `c` and `i` the last one wins, `m` is multi-line
 * `^`/`$`, `s` lets `.` match a newline, `e` extracts a group. Undefined when the argument is NULL.
 */
export function regexParametersAt(call: CallMatch, index: number, translator: Translator): RegexParameters | undefined {
  if (call.args[index] === undefined) return { flags: '', extract: false };
  if (isNullLiteral(call, index)) return undefined;
  const params = stringLiteralAt(call, index);
  if (params === undefined) return translator.fail(`${call.name} parameters must be a constant string in Snowpark Local`, call.args[index][0]);
  let caseInsensitive = false;
  let flags = '';
  for (const letter of params) {
    if (letter === 'i' || letter === 'c') caseInsensitive = letter === 'i';
    else if ((letter === 'm' || letter === 's') && !flags.includes(letter)) flags += letter;
  }
  if (caseInsensitive) flags = 'i' + flags;
  return { flags: flags === '' ? '' : `(?${flags})`, extract: params.includes('e') };
}

/** How many capturing groups an RE2 pattern has: `(` not escaped, not in a class, not `(?`… (named groups count). */
export function capturingGroupCount(pattern: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal member, not the end of the class.
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (ch === '(' && (pattern[i + 1] !== '?' || /^\?P?</.test(pattern.slice(i + 1, i + 4)))) count++;
  }
  return count;
}

/**
 * The capture group a call extracts (0: the whole match), from its group_num argument or its `e`
 * parameter. A group the literal pattern does not have gives `missing`; DuckDB needs the number constant.
 */
export function groupNumberAt(call: CallMatch, groupIndex: number, patternIndex: number, extract: boolean, translator: Translator): number | 'missing' | 'null' {
  let group: number;
  if (call.args[groupIndex] !== undefined) {
    if (isNullLiteral(call, groupIndex)) return 'null';
    const literal = integerLiteralAt(call, groupIndex);
    if (literal === undefined) return translator.fail(`${call.name}'s group_num must be a constant integer in Snowpark Local`, call.args[groupIndex][0]);
    group = literal;
  } else group = extract ? 1 : 0;
  const pattern = stringLiteralAt(call, patternIndex);
  if (pattern === undefined || group === 0) return group;
  const groups = capturingGroupCount(pattern);
  // Snowflake: `e` on a pattern without groups acts as if `e` were not set.
  if (groups === 0 && call.args[groupIndex] === undefined) return 0;
  return group > groups ? 'missing' : group;
}
