import { isTokenOf, isWord, trimTrivia } from '../../../sql/nodes';
import { quoteStringLiteral, unquoteStringLiteral } from '../../../sql/literals';
import { SequenceRule } from './ruleTypes';
import { CallMatch, functionRule, renameRule } from './functionCall';
import { DATE_ONLY_PARTS, datePartSql, intervalOf, readDatePart } from './datePart';
import { translateDateFormat } from './dateFormat';
import { macro } from './macros';
import { Translator } from './translator';
import { convertTimezoneRule } from './convertTimezoneRule';
import { autoDatetimeTextOf } from './autoDateLiteral';

// Snowflake date and time functions. Date parts are read at translation time (bare keyword or
// string, with Snowflake's synonyms), so the rewrite can choose the macro that keeps the type.

function partOf(call: CallMatch, index: number, translator: Translator): string {
  const part = readDatePart(call.args[index] ?? []);
  if (!part) return translator.fail(`${call.name} needs a date or time part (year, month, day, hour …) as its argument ${index + 1}`, call.args[index]?.[0] ?? call.nameNode);
  return part;
}

/** A format argument as a strptime pattern, or undefined when the argument is a number (a scale). */
function formatOf(call: CallMatch, index: number, translator: Translator): string | undefined {
  const arg = call.args[index];
  if (!arg) return undefined;
  if (arg.length === 1 && isTokenOf(arg[0], 'number')) return undefined;
  if (arg.length !== 1 || !isTokenOf(arg[0], 'string')) return translator.fail(`${call.name} needs its format as a string literal in Snowpark Local`, arg[0]);
  const format = unquoteStringLiteral(arg[0].token.text);
  if (format.toUpperCase() === 'AUTO') return undefined;
  const translated = translateDateFormat(format);
  if ('unsupported' in translated) return translator.fail(`${call.name} format '${format}' is not supported in Snowpark Local: ${translated.unsupported}`, arg[0]);
  return quoteStringLiteral(translated.strftime);
}

/**
 * The first argument's AUTO reading when it is a string constant the translation can read
 * itself (autoDateLiteral.ts): 'YYYY-MM-DD HH:MI:SS.FFFFFFFFF[+HH:MM]'. Epoch digits and text
 * no AUTO format reads are left to the macros.
 */
function constantDatetime(call: CallMatch): string | undefined {
  const nodes = trimTrivia(call.args[0] ?? []);
  if (nodes.length !== 1 || !isTokenOf(nodes[0], 'string')) return undefined;
  const text = unquoteStringLiteral(nodes[0].token.text);
  return /^\s*-?[0-9]+\s*$/.test(text) ? undefined : autoDatetimeTextOf(text);
}

function timestampRule(name: string, functions: string[], tryCast: boolean): SequenceRule<CallMatch> {
  return functionRule({
    name,
    why: 'DuckDB has no TO_TIMESTAMP_*; Snowflake reads epoch numbers (with a scale), digit strings by magnitude, or a format.',
    functions,
    arity: [1, 2],
    rewrite([value, second], call, translator) {
      const format = formatOf(call, 1, translator);
      if (format) return `${tryCast ? 'try_strptime' : 'strptime'}(${value}, ${format})`;
      const zoned = call.name.endsWith('_TZ') || call.name.endsWith('_LTZ');
      const constant = second === undefined ? constantDatetime(call) : undefined;
      // As the macros read it: NTZ drops a written offset, TZ/LTZ keep it (the session's zone without one).
      if (constant) return zoned ? `CAST('${constant}' AS TIMESTAMPTZ)` : `CAST('${constant.slice(0, 29)}' AS TIMESTAMP)`;
      if (second !== undefined) {
        const wallClock = `${macro('epoch_to_timestamp')}(${value}, ${second})`;
        return zoned ? `timezone('UTC', ${wallClock})` : wallClock;
      }
      const converted = `${macro(zoned ? 'to_timestamp_tz' : 'to_timestamp')}(${value})`;
      // Text in no AUTO format converts to NULL: the TRY_ form's answer, the other's error.
      return tryCast ? `TRY(${converted})` : `${macro('recognized')}(${converted}, ${value}, 'Timestamp')`;
    },
  });
}

export const dateRules: SequenceRule<CallMatch>[] = [
  functionRule({
    name: 'DATEADD',
    why: 'DuckDB has no DATEADD; date parts keep a DATE a DATE, time parts make it a TIMESTAMP.',
    functions: ['DATEADD', 'TIMESTAMPADD', 'TIMEADD'],
    arity: [3, 3],
    rewrite([, n, value], call, translator) {
      const part = partOf(call, 0, translator);
      const interval = intervalOf(part, n) ?? translator.fail(`${call.name} does not take the part ${part}`, call.args[0][0]);
      return `${macro(DATE_ONLY_PARTS.has(part) ? 'date_add' : 'time_add')}(${value}, ${interval})`;
    },
  }),
  functionRule({
    name: 'DATEDIFF',
    why: 'Snowflake DATEDIFF counts part boundaries crossed, as DuckDB date_diff does, but takes bare parts and text dates.',
    functions: ['DATEDIFF', 'TIMESTAMPDIFF', 'TIMEDIFF'],
    arity: [3, 3],
    rewrite: ([, a, b], call, translator) => `${macro('date_diff')}('${partOf(call, 0, translator)}', ${a}, ${b})`,
  }),
  functionRule({
    name: 'DATE_TRUNC',
    why: 'Snowflake DATE_TRUNC keeps the input type (DuckDB turns a DATE into a TIMESTAMP) and takes bare parts.',
    functions: ['DATE_TRUNC'],
    arity: [2, 2],
    rewrite: ([, value], call, translator) => `${macro('date_trunc')}('${partOf(call, 0, translator)}', ${value})`,
  }),
  functionRule({
    name: 'TRUNC(date, part)',
    why: 'Snowflake TRUNC of a date with a part is DATE_TRUNC; TRUNC of a number truncates at a scale.',
    functions: ['TRUNC', 'TRUNCATE'],
    arity: [1, 2],
    rewrite([value, second], call) {
      const part = call.args[1] && isTokenOf(call.args[1][0], 'string') ? readDatePart(call.args[1]) : undefined;
      if (part) return `${macro('date_trunc')}('${part}', ${value})`;
      return second === undefined ? `trunc(${value})` : `${macro('trunc_scale')}(${value}, ${second})`;
    },
  }),
  functionRule({
    name: 'DATE_PART',
    why: 'Snowflake DATE_PART takes bare parts and synonyms (dow, doy, epoch_millisecond …).',
    functions: ['DATE_PART'],
    arity: [2, 2],
    rewrite: ([, value], call, translator) => datePartSql(partOf(call, 0, translator), value),
  }),
  functionRule({
    name: 'EXTRACT',
    why: "Snowflake EXTRACT takes its part's synonyms and also a comma (`EXTRACT('quarter', x)`); DuckDB knows neither.",
    functions: ['EXTRACT'],
    arity: [1, 2],
    rewrite(args, call, translator, context) {
      if (call.args.length === 2) return datePartSql(partOf(call, 0, translator), args[1]);
      const nodes = call.args[0];
      const from = nodes.findIndex((node) => isWord(node, 'FROM'));
      const part = from > 0 ? readDatePart(trimTrivia(nodes.slice(0, from))) : undefined;
      if (!part) return translator.fail('EXTRACT needs a date or time part and a value: EXTRACT(part FROM value) or EXTRACT(part, value)', call.nameNode);
      const value = translator.translateSequence(trimTrivia(nodes.slice(from + 1)), { ...context, depth: context.depth + 1 });
      return datePartSql(part, value);
    },
  }),
  functionRule({
    name: 'TO_DATE',
    why: 'Snowflake TO_DATE/DATE take a format, or read digit strings as epoch seconds, and otherwise only the AUTO formats (autoDateFormats.ts).',
    functions: ['TO_DATE', 'DATE', 'TRY_TO_DATE'],
    arity: [1, 2],
    rewrite([value], call, translator) {
      const format = formatOf(call, 1, translator);
      const tryCast = call.name === 'TRY_TO_DATE';
      if (format) return `CAST(${tryCast ? 'try_strptime' : 'strptime'}(${value}, ${format}) AS DATE)`;
      const constant = constantDatetime(call);
      if (constant) return `CAST('${constant.slice(0, 10)}' AS DATE)`;
      return tryCast ? `TRY(${macro('to_date')}(${value}))` : `${macro('recognized')}(${macro('to_date')}(${value}), ${value}, 'Date')`;
    },
  }),
  timestampRule('TO_TIMESTAMP', ['TO_TIMESTAMP', 'TO_TIMESTAMP_NTZ', 'TO_TIMESTAMP_LTZ', 'TO_TIMESTAMP_TZ'], false),
  timestampRule('TRY_TO_TIMESTAMP', ['TRY_TO_TIMESTAMP', 'TRY_TO_TIMESTAMP_NTZ', 'TRY_TO_TIMESTAMP_LTZ', 'TRY_TO_TIMESTAMP_TZ'], true),
  functionRule({
    name: 'TO_TIME',
    why: 'DuckDB has no TO_TIME; a cast, or strptime with a format.',
    functions: ['TO_TIME', 'TIME', 'TRY_TO_TIME'],
    arity: [1, 2],
    rewrite([value], call, translator) {
      const format = formatOf(call, 1, translator);
      const cast = call.name === 'TRY_TO_TIME' ? 'TRY_CAST' : 'CAST';
      return format ? `${cast}(strptime(${value}, ${format}) AS TIME)` : `${cast}(${value} AS TIME)`;
    },
  }),
  functionRule({
    name: 'LAST_DAY',
    why: 'Snowflake LAST_DAY takes a part (month by default) and returns a DATE.',
    functions: ['LAST_DAY'],
    arity: [1, 2],
    rewrite: ([value], call, translator) => `${macro('last_day')}(${value}, '${call.args[1] ? partOf(call, 1, translator) : 'month'}')`,
  }),
  renameRule({ name: 'DAYNAME', why: "Snowflake DAYNAME is 'Mon', DuckDB's 'Monday'.", functions: ['DAYNAME'], arity: [1, 1], to: macro('dayname') }),
  renameRule({ name: 'MONTHNAME', why: "Snowflake MONTHNAME is 'Jan', DuckDB's 'January'.", functions: ['MONTHNAME'], arity: [1, 1], to: macro('monthname') }),
  renameRule({ name: 'ADD_MONTHS', why: 'Snowflake ADD_MONTHS keeps month ends month ends.', functions: ['ADD_MONTHS'], arity: [2, 2], to: macro('add_months') }),
  renameRule({ name: 'NEXT_DAY', why: 'DuckDB has no NEXT_DAY.', functions: ['NEXT_DAY'], arity: [2, 2], to: macro('next_day') }),
  renameRule({ name: 'PREVIOUS_DAY', why: 'DuckDB has no PREVIOUS_DAY.', functions: ['PREVIOUS_DAY'], arity: [2, 2], to: macro('previous_day') }),
  renameRule({ name: 'DATE_FROM_PARTS', why: 'Snowflake lets the parts overflow; DuckDB make_date does not.', functions: ['DATE_FROM_PARTS', 'DATEFROMPARTS'], arity: [3, 3], to: macro('date_from_parts') }),
  renameRule({ name: 'TIME_FROM_PARTS', why: 'Snowflake lets the parts overflow; DuckDB make_time does not.', functions: ['TIME_FROM_PARTS', 'TIMEFROMPARTS'], arity: [3, 4], to: macro('time_from_parts') }),
  renameRule({
    name: 'TIMESTAMP_FROM_PARTS',
    why: 'Snowflake lets the parts overflow; DuckDB make_timestamp does not.',
    functions: ['TIMESTAMP_FROM_PARTS', 'TIMESTAMP_NTZ_FROM_PARTS', 'TIMESTAMPFROMPARTS', 'TIMESTAMPNTZFROMPARTS'],
    arity: [6, 7],
    to: macro('timestamp_from_parts'),
  }),
  functionRule({
    name: 'TIMESTAMP_TZ_FROM_PARTS',
    why: "The wall-clock time TIMESTAMP_FROM_PARTS builds, read in the session's time zone or (TZ's 8th argument) in the given one; DuckDB's timezone(zone, timestamp) does the reading.",
    functions: ['TIMESTAMP_LTZ_FROM_PARTS', 'TIMESTAMPLTZFROMPARTS', 'TIMESTAMP_TZ_FROM_PARTS', 'TIMESTAMPTZFROMPARTS'],
    arity: [6, 8],
    rewrite(args, call, translator) {
      // Only TIMESTAMP_TZ_FROM_PARTS takes a time zone (after the nanoseconds).
      if (args.length === 8 && call.name.includes('LTZ')) translator.fail(`${call.name} takes 6 to 7 arguments (got 8)`, call.nameNode);
      const wallClock = `${macro('timestamp_from_parts')}(${args.slice(0, 7).join(', ')})`;
      return args.length === 8 ? `timezone(${args[7]}, ${wallClock})` : `CAST(${wallClock} AS TIMESTAMPTZ)`;
    },
  }),
  renameRule({ name: 'DAYOFWEEKISO', why: 'DuckDB calls the ISO weekday isodow.', functions: ['DAYOFWEEKISO'], arity: [1, 1], to: 'isodow' }),
  renameRule({ name: 'WEEKISO', why: 'DuckDB calls the ISO week weekofyear.', functions: ['WEEKISO', 'WEEKOFYEAR'], arity: [1, 1], to: 'week' }),
  renameRule({ name: 'YEAROFWEEK', why: 'DuckDB calls the ISO week-year isoyear.', functions: ['YEAROFWEEK', 'YEAROFWEEKISO'], arity: [1, 1], to: 'isoyear' }),
  convertTimezoneRule,
];
