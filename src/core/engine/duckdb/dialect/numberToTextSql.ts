import { quoteStringLiteral } from '../../../sql/literals';
import { macro } from './macros';
import { Anchored, FixedPosition, NumberOutputModel, OutputItem, TextMinimal } from './numberToText';

// DuckDB SQL that prints a value the way a compiled numeric format model does (numberToText.ts).
// The value is bound once (x__), taken apart by a macro of numberToTextMacros.ts into p__ (neg,
// over, i, f, e), and the model's positions are laid out from p__ with constant widths:
//   fill mode: lpad(<anchored sign/$> || <shown integer digits>, width) || '.' || <fraction> …
//   compact (FM): the same without the padding.
// Leading integer zeros are trimmed up to the first 0 element (or up to the last digit, or all
// of them with B), and trailing fraction zeros after the last 0 element: '9' positions blank them.

const VALUE = 'x__';
const PARTS = 'p__';
/** EE prints 2 to 7 characters; fill mode pads it to the widest. */
const EE_WIDTH = 7;

export function numberToTextSql(value: string, model: NumberOutputModel): string {
  const text = concat(model.items.map((item) => itemSql(item, model)));
  return `list_transform([${value}], ${VALUE} -> list_transform([${partsSql(model)}], ${PARTS} -> CASE WHEN ${PARTS} IS NULL THEN NULL ELSE ${text} END)[1])[1]`;
}

/** The macro call that takes the bound value apart for this model. */
function partsSql(model: NumberOutputModel): string {
  const number = model.number;
  const shift = model.percent ? 2 : 0;
  if (number.kind === 'text-minimal') return `${macro('text_minimal_digits')}(${VALUE}, ${shift}, '${number.letter}')`;
  const n = number.integer.length;
  if (number.exponent) return `${macro('exponent_digits')}(${VALUE}, ${n}, ${number.fraction.length}, ${shift})`;
  if (number.hex) {
    const signed = model.items.some((item) => item.kind === 'sign') || model.anchored.includes('S');
    return `${macro('hex_digits')}(${VALUE}, TRY_CAST(${VALUE} AS HUGEINT), ${n}, CAST('${16n ** BigInt(n)}' AS HUGEINT), ${signed})`;
  }
  const scaled = model.percent ? `(${VALUE}) * 100` : VALUE;
  return `${macro('fixed_digits')}(${VALUE}, TRY_CAST(${scaled} AS DECIMAL(38, ${number.fraction.length})), ${n})`;
}

function itemSql(item: OutputItem, model: NumberOutputModel): string {
  if (item.kind === 'literal') return quoteStringLiteral(item.text);
  if (item.kind === 'sign') return signSql(item.element === 'S' ? '+' : item.compact ? '' : ' ');
  return model.number.kind === 'fixed' ? fixedSql(model.number, model) : textMinimalSql(model.number, model);
}

/** '-' for a negative value, `positive` otherwise. */
function signSql(positive: string): string {
  return `CASE WHEN ${PARTS}.neg THEN '-' ELSE ${quoteStringLiteral(positive)} END`;
}

function anchoredSql(anchored: Anchored[]): string[] {
  return anchored.map((element) => (element === '$' ? `'$'` : signSql(element === 'S' ? '+' : '')));
}

function concat(parts: string[]): string {
  const kept = parts.filter((part) => part !== `''`);
  return kept.length ? kept.join(' || ') : `''`;
}

function textMinimalSql(number: TextMinimal, model: NumberOutputModel): string {
  const pos = `${PARTS}.pos`;
  const sci = `${PARTS}.sci`;
  const digits = {
    TM9: `coalesce(${pos}, ${sci})`,
    TME: sci,
    // The shorter of the two; positional on a tie.
    TM: `CASE WHEN ${pos} IS NULL OR length(${sci}) < length(${pos}) THEN ${sci} ELSE ${pos} END`,
  }[number.element];
  return concat([...anchoredSql(model.anchored), digits]);
}

function fixedSql(number: FixedPosition, model: NumberOutputModel): string {
  const n = number.integer.length;
  const f = number.fraction.length;
  const anchored = anchoredSql(model.anchored);
  const width = model.anchored.length + n + number.groupsAfter.length;
  const pad = (text: string): string => (model.compact || width === 0 ? text : `lpad(${text}, ${width}, ' ')`);

  // Digits from the first 0 element on always show, and the last one unless B.
  const firstZero = number.integer.indexOf('0');
  const shownFrom = firstZero >= 0 ? firstZero : number.blankZero ? n : Math.max(n - 1, 0);
  const head = integerDigitsSql(number, 0, shownFrom);
  const tail = integerDigitsSql(number, shownFrom, n);
  const integer = pad(concat([...anchored, head === `''` ? `''` : `ltrim(${head}, '0,')`, tail]));

  const lastZero = number.fraction.lastIndexOf('0') + 1;
  const kept = lastZero ? `substr(${PARTS}.f, 1, ${lastZero})` : `''`;
  const trimmed = lastZero < f ? `rtrim(substr(${PARTS}.f, ${lastZero + 1}), '0')` : `''`;
  const fractionDigits = trimmed === `''` || model.compact ? concat([kept, trimmed]) : `rpad(${concat([kept, trimmed])}, ${f}, ' ')`;
  const point = number.point ? `'.'` : `''`;

  const shown = concat([integer, point, f ? fractionDigits : `''`, exponentSql(number, model.compact)]);
  const overflow = concat([pad(concat([...anchored, quoteStringLiteral(integerMask(number))])), quoteStringLiteral((number.point ? '.' : '') + '#'.repeat(f)), exponentOverflow(number, model.compact)]);
  return `CASE WHEN ${PARTS}.over THEN ${overflow} ELSE ${shown} END`;
}

/**
 * Integer digits [from, to) of p__.i with their group separators (one belongs to the digit
 * before it, so it shows when that digit does), lower-cased where the element is x.
 */
function integerDigitsSql(number: FixedPosition, from: number, to: number): string {
  const pieces: string[] = [];
  let k = from;
  while (k < to) {
    let end = k + 1;
    while (end < to && isLower(number, end) === isLower(number, k) && !number.groupsAfter.includes(end - 1)) end++;
    const digits = `substr(${PARTS}.i, ${k + 1}, ${end - k})`;
    pieces.push(isLower(number, k) ? `lower(${digits})` : digits);
    if (number.groupsAfter.includes(end - 1)) pieces.push(`','`);
    k = end;
  }
  return concat(pieces);
}

/** x prints lower-case hexadecimal digits; a 0 takes the case of the next X element. */
function isLower(number: FixedPosition, k: number): boolean {
  const element = /[X]/i.exec(number.integer.slice(k))?.[0];
  return number.hex && element === 'x';
}

/** The integer positions as overflow prints them: '#' for digits, separators kept. */
function integerMask(number: FixedPosition): string {
  return [...number.integer].map((_, k) => (number.groupsAfter.includes(k) ? '#,' : '#')).join('');
}

function exponentSql(number: FixedPosition, compact: boolean): string {
  const exponent = number.exponent;
  if (!exponent) return `''`;
  const e = `${PARTS}.e`;
  if (exponent.width === 2) {
    const text = `'${exponent.letter}' || CAST(${e} AS VARCHAR)`;
    return compact ? text : `rpad(${text}, ${EE_WIDTH}, ' ')`;
  }
  const digits = exponent.width - 2;
  const sign = `CASE WHEN ${e} < 0 THEN '-' ELSE '+' END`;
  return `'${exponent.letter}' || ${sign} || CASE WHEN abs(${e}) >= ${10 ** digits} THEN '${'#'.repeat(digits)}' ELSE lpad(CAST(abs(${e}) AS VARCHAR), ${digits}, '0') END`;
}

function exponentOverflow(number: FixedPosition, compact: boolean): string {
  const exponent = number.exponent;
  if (!exponent) return `''`;
  const width = exponent.width === 2 && !compact ? EE_WIDTH : exponent.width;
  return quoteStringLiteral('#'.repeat(width));
}
