// Snowflake numeric SQL format models for printing (TO_CHAR(123.4, '$9,999.99')), compiled when
// the SQL is translated into a description of what each position prints; numberToTextSql.ts
// turns that into DuckDB SQL. Parsing text with the same models (TO_NUMBER) is numberFormat.ts:
// the element grammar is shared, but printing has its own rules (fill mode, sign slot, overflow).
// https://docs.snowflake.com/en/sql-reference/sql-format-models

export type SignElement = 'S' | 'MI';

/** What the model prints, left to right. */
export type OutputItem =
  | { kind: 'literal'; text: string }
  /** S or MI where it stands in the model (not next to the number). */
  | { kind: 'sign'; element: SignElement; compact: boolean }
  | { kind: 'number' };

/**
 * Printed right before the number's first shown character (after the fill blanks), in this
 * order: 'sign' is the default sign slot of a model without S or MI, 'S' an S written just
 * before the number, '$' a dollar sign written just before it.
 */
export type Anchored = 'sign' | 'S' | '$';

export interface FixedPosition {
  kind: 'fixed';
  /** Integer digit elements, left to right: 0, 9, X or x. */
  integer: string;
  /** Indexes of integer digits a group separator (`,` or G) follows. */
  groupsAfter: number[];
  /** A `.` or D: a decimal point is printed. */
  point: boolean;
  /** Fraction digit elements, 0 or 9. */
  fraction: string;
  /** EE (width 2, variable) … EEEEEEE (width 7): scientific notation. */
  exponent?: { width: number; letter: 'E' | 'e' };
  hex: boolean;
  /** B: a zero integer part prints as blanks instead of one '0'. */
  blankZero: boolean;
}

export interface TextMinimal {
  kind: 'text-minimal';
  element: 'TM9' | 'TME' | 'TM';
  /** The exponent letter: the case of the element's T. */
  letter: 'E' | 'e';
}

export interface NumberOutputModel {
  items: OutputItem[];
  number: FixedPosition | TextMinimal;
  anchored: Anchored[];
  /** Fill mode where the number starts: false (fill) pads to a fixed width, true (FM) prints the minimum. */
  compact: boolean;
  /** %: the value is printed times 100. */
  percent: boolean;
}

export type CompiledNumberOutput = { model: NumberOutputModel } | { unsupported: string };

const DIGIT_ELEMENT = /[09X]/i;
/** Printed as they are (besides "quoted text"); `.` and `,` only where they are not number elements. */
const LITERAL_SYMBOLS = ';:-=/() .,';
const TEXT_MINIMAL = ['TM9', 'TME', 'TM'] as const;
/** Snowflake NUMBER holds 38 digits; DuckDB's DECIMAL and HUGEINT as many. */
const MAX_DIGITS = 38;
/** 16^31 still fits a HUGEINT, which the two's complement of a negative value needs. */
const MAX_HEX_DIGITS = 31;

type Pending = OutputItem | { kind: 'dollar' };

export function compileNumberOutputFormat(format: string): CompiledNumberOutput {
  const items: Pending[] = [];
  let number: FixedPosition | TextMinimal | undefined;
  let compact = false;
  let numberCompact = false;
  let blankZero = false;
  let percent = false;
  let i = 0;
  const fail = (why: string): CompiledNumberOutput => ({ unsupported: why });
  while (i < format.length) {
    const ch = format[i];
    const rest = format.slice(i);
    const upper = rest.toUpperCase();
    if (ch === '"') {
      const end = closingQuote(format, i);
      items.push({ kind: 'literal', text: format.slice(i + 1, end).replace(/""/g, '"') });
      i = end + 1;
      continue;
    }
    const textMinimal = TEXT_MINIMAL.find((element) => upper.startsWith(element));
    const startsNumber = DIGIT_ELEMENT.test(ch) || (/[.D]/i.test(ch) && DIGIT_ELEMENT.test(format[i + 1] ?? ''));
    if (textMinimal || startsNumber) {
      if (number) return fail(`it has more than one number (at '${rest}')`);
      if (textMinimal) {
        if (format[i + textMinimal.length] === '(') return fail(`${textMinimal}(digits,group) parameters are not supported`);
        number = { kind: 'text-minimal', element: textMinimal, letter: ch === 't' ? 'e' : 'E' };
        i += textMinimal.length;
      } else {
        const run = fixedPositionRun(rest);
        const exponent = /^e+/i.exec(rest.slice(run.length))?.[0] ?? '';
        if (exponent.length === 1 || exponent.length > 7) return fail(`element '${exponent}' is not supported (exponents are EE to EEEEEEE)`);
        number = { kind: 'fixed', ...run.number, blankZero, ...(exponent ? { exponent: { width: exponent.length, letter: exponent[0] === 'e' ? 'e' : 'E' } } : {}) };
        i += run.length + exponent.length;
      }
      numberCompact = compact;
      items.push({ kind: 'number' });
    } else if (upper.startsWith('FM')) {
      compact = !compact;
      i += 2;
    } else if (upper.startsWith('FX') || ch === '_') {
      i += ch === '_' ? 1 : 2; // exact matching and optional blanks only concern parsing
    } else if (upper.startsWith('MI') || upper[0] === 'S') {
      items.push({ kind: 'sign', element: upper[0] === 'S' ? 'S' : 'MI', compact });
      i += upper[0] === 'S' ? 1 : 2;
    } else if (ch === '$') {
      items.push({ kind: 'dollar' });
      i++;
    } else if (upper[0] === 'B') {
      if (number) return fail("element 'B' must come before the number");
      blankZero = true;
      i++;
    } else if (ch === '%') {
      if (percent) return fail("element '%' can be used once");
      percent = true;
      items.push({ kind: 'literal', text: '%' });
      i++;
    } else if (ch === '|') {
      return fail("alternative formats ('|') only apply to parsing (TO_NUMBER)");
    } else if (LITERAL_SYMBOLS.includes(ch)) {
      items.push({ kind: 'literal', text: ch });
      i++;
    } else {
      return fail(`element '${/^[a-z]+/i.exec(rest)?.[0] ?? ch}' is not supported`);
    }
  }
  if (!number) return fail('it has no digits (0, 9, X) or TM element');
  const problem = checkNumber(number, items, blankZero, percent);
  if (problem) return fail(problem);
  const { printed, anchored } = anchor(items, number);
  return { model: { items: printed, number, anchored, compact: numberCompact, percent } };
}

/** Why a model's number cannot be printed, if it cannot. */
function checkNumber(number: FixedPosition | TextMinimal, items: Pending[], blankZero: boolean, percent: boolean): string | undefined {
  if (items.filter((item) => item.kind === 'sign').length > 1) return 'it has more than one sign element (S, MI)';
  if (items.filter((item) => item.kind === 'dollar').length > 1) return "element '$' can be used once";
  if (number.kind === 'text-minimal') return blankZero ? `element 'B' with ${number.element} is not supported` : undefined;
  const digits = number.integer.length + number.fraction.length;
  if (number.hex) {
    if (/9/.test(number.integer)) return "elements '9' and 'X' cannot be mixed in one number";
    if (number.point) return 'hexadecimal fractions (X with a decimal point) are not supported';
    if (number.exponent) return 'hexadecimal numbers cannot have an exponent';
    if (percent) return "element '%' cannot be used with hexadecimal digits";
    if (number.integer.length > MAX_HEX_DIGITS) return `hexadecimal numbers of more than ${MAX_HEX_DIGITS} digits are not supported`;
  } else if (digits > MAX_DIGITS) {
    return `numbers of more than ${MAX_DIGITS} digits are not supported`;
  }
  if (number.exponent && !number.integer) return 'an exponent needs a digit before the decimal point';
  return undefined;
}

/**
 * S and $ written right before the number print next to its first digit (the blanks of fill
 * mode go before them, ' -$7' for '$99'); elsewhere they print where they stand. A model without
 * S or MI reserves a sign slot before the number, except a hexadecimal one (printed unsigned).
 */
function anchor(items: Pending[], number: FixedPosition | TextMinimal): { printed: OutputItem[]; anchored: Anchored[] } {
  const at = items.findIndex((item) => item.kind === 'number');
  let from = at;
  while (from > 0 && isAnchorable(items[from - 1])) from--;
  const anchored: Anchored[] = items.slice(from, at).map((item) => (item.kind === 'dollar' ? '$' : 'S'));
  const signed = items.some((item) => item.kind === 'sign');
  if (!signed && !(number.kind === 'fixed' && number.hex)) anchored.unshift('sign');
  const printed = [...items.slice(0, from), ...items.slice(at)].map((item): OutputItem => (item.kind === 'dollar' ? { kind: 'literal', text: '$' } : item));
  return { printed, anchored };
}

function isAnchorable(item: Pending): boolean {
  return item.kind === 'dollar' || (item.kind === 'sign' && item.element === 'S');
}

function closingQuote(format: string, open: number): number {
  for (let i = open + 1; i < format.length; i++) {
    if (format[i] !== '"') continue;
    if (format[i + 1] === '"') i++;
    else return i;
  }
  return format.length;
}

/**
 * A run like `9,999.00` or `0XXX` at the start of `format`: integer digit elements with `,`/G
 * between them, then `.`/D and fraction digits. A `,` not followed by a digit ends the run (and
 * prints as itself), as does a second point.
 */
function fixedPositionRun(format: string): { number: Pick<FixedPosition, 'integer' | 'groupsAfter' | 'point' | 'fraction' | 'hex'>; length: number } {
  let integer = '';
  const groupsAfter: number[] = [];
  let fraction: string | undefined;
  let i = 0;
  for (; i < format.length; i++) {
    const ch = format[i];
    const next = format[i + 1] ?? '';
    if (DIGIT_ELEMENT.test(ch)) {
      if (fraction === undefined) integer += ch;
      else fraction += ch; // an X here is a hexadecimal fraction, which checkNumber rejects
    } else if (/[,G]/i.test(ch) && fraction === undefined && integer && DIGIT_ELEMENT.test(next)) {
      groupsAfter.push(integer.length - 1);
    } else if (/[.D]/i.test(ch) && fraction === undefined) {
      fraction = '';
    } else break;
  }
  return { number: { integer, groupsAfter, point: fraction !== undefined, fraction: fraction ?? '', hex: /X/i.test(integer + (fraction ?? '')) }, length: i };
}
