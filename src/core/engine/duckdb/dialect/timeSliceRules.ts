import { SequenceRule } from './ruleTypes';
import { CallMatch, functionRule, renameRule } from './functionCall';
import { DATE_ONLY_PARTS, intervalOf, readDatePart } from './datePart';
import { macro } from './macros';
import { integerLiteralAt, stringLiteralAt } from './literalArguments';

// Snowflake calendar arithmetic DuckDB lacks: fixed-width time slices and fractional months.

const SLICE_PARTS = new Set(['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second']);

/**
 * Where slices are counted from. Snowflake aligns them to 1970-01-01 00:00:00, and week slices
 * to the start of the week holding that Thursday: Monday 1969-12-29 (WEEK_START 0 or 1, the
 * only weeks Snowpark Local knows).
 */
const originOf = (part: string): string => (part === 'week' ? "DATE '1969-12-29'" : "DATE '1970-01-01'");

export const timeSliceRules: SequenceRule<CallMatch>[] = [
  functionRule({
    name: 'TIME_SLICE',
    why: "DuckDB's time_bucket cuts the same slices from an origin; Snowflake's is 1970-01-01 (weeks: its Monday), END is the next slice's start, and a DATE stays a DATE.",
    functions: ['TIME_SLICE'],
    arity: [3, 4],
    rewrite([value, length], call, translator) {
      const part = readDatePart(call.args[2]);
      if (!part || !SLICE_PARTS.has(part)) return translator.fail('TIME_SLICE needs a date_or_time_part: YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE or SECOND', call.args[2][0]);
      const edge = call.args[3] === undefined ? 'START' : stringLiteralAt(call, 3)?.toUpperCase();
      if (edge !== 'START' && edge !== 'END') return translator.fail("TIME_SLICE's start_or_end must be the constant 'START' or 'END'", call.args[3][0]);
      if (integerLiteralAt(call, 1) === 0) return translator.fail('TIME_SLICE slice_length must be an integer greater than or equal to 1', call.args[1][0]);
      const width = intervalOf(part, length)!;
      // time_bucket keeps a DATE a DATE; a time part needs a TIMESTAMP (a DATE becomes midnight).
      const input = DATE_ONLY_PARTS.has(part) ? value : `CAST(${value} AS TIMESTAMP)`;
      const start = `time_bucket(${width}, ${input}, ${originOf(part)})`;
      return edge === 'START' ? start : `${macro('date_add')}(${start}, ${width})`;
    },
  }),
  renameRule({
    name: 'MONTHS_BETWEEN',
    why: 'DuckDB has no MONTHS_BETWEEN (whole months, with a fraction of 31-day months unless the days of the month match or both are month ends).',
    functions: ['MONTHS_BETWEEN'],
    arity: [2, 2],
    to: macro('months_between'),
  }),
];
