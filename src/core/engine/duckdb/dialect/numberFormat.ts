// Snowflake numeric SQL format models for parsing (TO_NUMBER(x, '$9,999.99')), compiled when
// the SQL is translated into RE2 patterns the number_text macro matches the input against.
// Only lax matching is modelled (Snowflake's default): leading/trailing blanks skipped, group
// separators optional, a blank allowed between a leading sign and the digits.

/** Names of the capture groups, as regexp_extract hands them back: sign, integer, fraction, exponent. */
export type NumberGroup = 's' | 'i' | 'f' | 'e';

export interface NumberPattern {
  /** Anchored, case-insensitive RE2 pattern for one alternative of the model. */
  regex: string;
  /** The name of each capture group, in the order the groups open. */
  groups: NumberGroup[];
  /** The integer group holds hexadecimal digits (X elements). */
  hex: boolean;
}

export type CompiledNumberFormat = { patterns: NumberPattern[] } | { unsupported: string };

const DIGIT_ELEMENT = /[09X]/i;
const LITERAL_SYMBOLS = ';:-=/() ';
/** TM9 positional, TME scientific, TM either (as `|`-free patterns with integer, fraction, exponent groups). */
const MANTISSA = String.raw`(\d+(?:\.\d*)?|\.\d+)()`;
const TEXT_MINIMAL: Record<string, string> = {
  TM9: `${MANTISSA}()`,
  TME: String.raw`${MANTISSA}[eE]([-+]?\d+)`,
  TM: String.raw`${MANTISSA}(?:[eE]([-+]?\d+))?`,
};

interface Piece {
  regex: string;
  groups: NumberGroup[];
}

export function compileNumberFormat(model: string): CompiledNumberFormat {
  const patterns: NumberPattern[] = [];
  for (const alternative of splitAlternatives(model)) {
    const compiled = compileAlternative(alternative.trim().toUpperCase() === 'AUTO' ? 'TM' : alternative);
    if (typeof compiled === 'string') return { unsupported: compiled };
    patterns.push(compiled);
  }
  return { patterns };
}

/** `MI999|999MI` → its alternatives; a `|` inside a "quoted literal" does not split. */
function splitAlternatives(model: string): string[] {
  const parts = [''];
  let quoted = false;
  for (const ch of model) {
    if (ch === '"') quoted = !quoted;
    if (ch === '|' && !quoted) parts.push('');
    else parts[parts.length - 1] += ch;
  }
  return parts;
}

/** One alternative as a pattern, or why it cannot be one. */
function compileAlternative(model: string): NumberPattern | string {
  const pieces: Piece[] = [];
  let number: { at: number; hex: boolean } | undefined;
  let sign: number | undefined;
  let dollarAt: number | undefined;
  let allowEmptyInteger = false;
  let i = 0;
  while (i < model.length) {
    const rest = model.slice(i);
    const upper = rest.toUpperCase();
    const ch = model[i];
    if (ch === '"') {
      const end = closingQuote(model, i);
      pieces.push({ regex: literalPattern(model.slice(i + 1, end).replace(/""/g, '"')), groups: [] });
      i = end + 1;
      continue;
    }
    const textMinimal = ['TM9', 'TME', 'TM'].find((element) => upper.startsWith(element));
    const startsNumber = DIGIT_ELEMENT.test(ch) || (/[.D]/i.test(ch) && DIGIT_ELEMENT.test(model[i + 1] ?? ''));
    if (textMinimal || startsNumber) {
      if (number) return `it has more than one number (at '${rest}')`;
      let piece: Piece & { hex: boolean; length: number };
      if (textMinimal) piece = { regex: TEXT_MINIMAL[textMinimal], groups: ['i', 'f', 'e'], hex: false, length: textMinimal.length };
      else {
        const fixed = fixedPositionNumber(rest, allowEmptyInteger);
        if (typeof fixed === 'string') return fixed;
        piece = fixed;
      }
      number = { at: pieces.length, hex: piece.hex };
      pieces.push(piece);
      i += piece.length;
    } else if (upper.startsWith('MI') || ch.toUpperCase() === 'S') {
      if (sign !== undefined) return 'it has more than one sign element (S, MI)';
      sign = pieces.length;
      // S always shows a sign; MI shows only '-' (lax matching also takes '+').
      pieces.push({ regex: ch.toUpperCase() === 'S' ? '([-+])' : '([-+]?)', groups: ['s'] });
      i += ch.toUpperCase() === 'S' ? 1 : 2;
    } else if (upper.startsWith('FM')) {
      i += 2; // fill mode changes printing; lax parsing takes either form
    } else if (upper.startsWith('FX')) {
      return 'FX (exact matching) is not supported in Snowpark Local';
    } else if (ch === '$') {
      dollarAt ??= pieces.length;
      pieces.push({ regex: String.raw`\$`, groups: [] });
      i++;
    } else if (ch.toUpperCase() === 'B') {
      allowEmptyInteger = true;
      i++;
    } else if (ch === '_') {
      pieces.push({ regex: ' *', groups: [] });
      i++;
    } else if (LITERAL_SYMBOLS.includes(ch) || ch === '.' || ch === ',') {
      pieces.push({ regex: literalPattern(ch), groups: [] });
      i++;
    } else {
      return `element '${upper.startsWith('EE') ? 'EE' : ch}' is not supported in Snowpark Local`;
    }
  }
  if (!number) return 'it has no digits (0, 9, X) or TM element';
  if (sign === undefined && !number.hex) {
    // No S or MI: an optional sign before the number (and before its '$'), blanks after it.
    pieces.splice(Math.min(number.at, dollarAt ?? number.at), 0, { regex: '([-+]?) *', groups: ['s'] });
  } else if (sign !== undefined && sign < number.at) {
    pieces.splice(sign + 1, 0, { regex: ' *', groups: [] });
  }
  const groups = pieces.flatMap((piece) => piece.groups);
  const missing = (['s', 'i', 'f', 'e'] as const).filter((group) => !groups.includes(group));
  return {
    regex: String.raw`(?i)^\s*${pieces.map((piece) => piece.regex).join('')}${'()'.repeat(missing.length)}\s*$`,
    groups: [...groups, ...missing],
    hex: number.hex,
  };
}

function closingQuote(model: string, open: number): number {
  for (let i = open + 1; i < model.length; i++) {
    if (model[i] !== '"') continue;
    if (model[i + 1] === '"') i++;
    else return i;
  }
  return model.length;
}

/** A literal in the model: one or more input blanks for a blank, itself for anything else. */
function literalPattern(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&').replace(/ +/g, ' +');
}

/**
 * A run like `9,999.00` or `XXX` at the start of `model`: its integer and fraction digit
 * elements, with `,`/`G` between integer digits and `.`/`D` before the fraction.
 */
function fixedPositionNumber(model: string, allowEmptyInteger: boolean): (Piece & { hex: boolean; length: number }) | string {
  const integerGroups: string[] = [''];
  let fraction: string | undefined;
  let i = 0;
  for (; i < model.length; i++) {
    const ch = model[i];
    const next = model[i + 1] ?? '';
    if (DIGIT_ELEMENT.test(ch)) {
      if (fraction === undefined) integerGroups[integerGroups.length - 1] += ch;
      else fraction += ch;
    } else if (/[,G]/i.test(ch) && fraction === undefined && integerGroups[0] && DIGIT_ELEMENT.test(next)) {
      integerGroups.push('');
    } else if (/[.D]/i.test(ch) && fraction === undefined) {
      fraction = '';
    } else break;
  }
  const hex = /X/i.test(integerGroups.join('') + (fraction ?? ''));
  if (hex && fraction !== undefined) return 'hexadecimal fractions (X after the decimal point) are not supported';
  const digit = hex ? '[0-9A-F]' : String.raw`\d`;
  let regex = integerPattern(integerGroups, digit, allowEmptyInteger || !integerGroups[0]);
  if (fraction !== undefined) {
    // Trailing 0 elements must be matched by digits; 9s may be left out, and so may the dot then.
    const required = fraction.lastIndexOf('0') + 1;
    const digits = `\\.(${digit}{${required},${fraction.length}})`;
    regex += required ? digits : `(?:${digits})?`;
  } else regex += '()';
  return { regex: regex + '()', groups: ['i', 'f', 'e'], hex, length: i };
}

/**
 * Integer digits for groups like ['9', '999']: at most that many digits, at least one (none
 * with B) and at least as many as the 0 elements demand; with group separators, every group
 * after the first must be complete.
 */
function integerPattern(groups: string[], digit: string, allowEmpty: boolean): string {
  const all = groups.join('');
  const firstZero = all.indexOf('0');
  const required = Math.max(allowEmpty ? 0 : 1, firstZero < 0 ? 0 : all.length - firstZero);
  const options = [`${digit}{${required},${all.length}}`];
  let after = all.length;
  groups.slice(0, -1).forEach((group, k) => {
    after -= group.length;
    const first = Math.max(1, required - after);
    if (first <= group.length) options.push(`${digit}{${first},${group.length}}` + groups.slice(k + 1).map((g) => `,${digit}{${g.length}}`).join(''));
  });
  return `(${options.join('|')})`;
}
