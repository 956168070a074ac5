import { isPunct, nextSignificant } from '../../../sql/nodes';
import { readTypeSpan, TypeSpan } from '../../../sql/typeSpan';
import { SqlNode } from '../../../sql/tokenTree';
import { CallMatch, matchCall } from './functionCall';
import { macro } from './macros';
import { SequenceRule } from './ruleTypes';

// CONVERT_TIMEZONE (https://docs.snowflake.com/en/sql-reference/functions/convert_timezone).
// The 3-argument form reads a wall-clock time in one zone and returns the wall-clock time of the
// same moment in another (TIMESTAMP_NTZ). The 2-argument form returns TIMESTAMP_TZ: the same
// instant, shown with the target zone's offset. A DuckDB TIMESTAMPTZ holds the instant but no
// offset of its own, so locally the 2-argument result is that instant (shown in the session's
// zone); the target zone's wall clock is kept where it is read at once, in a cast to
// TIMESTAMP_NTZ / DATE / TIME written right after the call (Snowflake's TZ-to-NTZ cast keeps the
// value's own wall clock: `CONVERT_TIMEZONE('UTC', CURRENT_TIMESTAMP())::TIMESTAMP_NTZ`).

interface ConvertTimezoneMatch extends CallMatch {
  /** A `::TIMESTAMP_NTZ` / `::DATE` / `::TIME` right after a 2-argument call, consumed with it. */
  wallClockCast?: { nodes: SqlNode[]; span: TypeSpan };
}

/** Types a TIMESTAMP_TZ becomes by dropping its offset, keeping its wall clock (TIMESTAMP is TIMESTAMP_NTZ). */
const WALL_CLOCK_TYPES = new Set(['TIMESTAMP_NTZ', 'DATETIME', 'TIMESTAMP', 'TIMESTAMP WITHOUT TIME ZONE', 'DATE', 'TIME']);

export const convertTimezoneRule: SequenceRule<ConvertTimezoneMatch> = {
  kind: 'sequence',
  name: 'CONVERT_TIMEZONE',
  triggers: ['CONVERT_TIMEZONE'],
  why:
    'DuckDB has no CONVERT_TIMEZONE: the 3-argument form is two timezone() readings of a wall-clock time; the 2-argument form keeps the ' +
    "instant as a TIMESTAMPTZ (its argument read as TO_TIMESTAMP_TZ reads it), and a cast of it to a wall-clock type takes the target zone's wall clock.",
  match(nodes, index) {
    const call = matchCall(nodes, index, ['CONVERT_TIMEZONE']);
    if (!call || call.args.length !== 2) return call;
    const castAt = nextSignificant(nodes, call.end);
    const span = isPunct(nodes[castAt], '::') ? readTypeSpan(nodes, nextSignificant(nodes, castAt + 1)) : undefined;
    return span && WALL_CLOCK_TYPES.has(span.name) ? { ...call, wallClockCast: { nodes, span }, end: span.end } : call;
  },
  rewrite(match, translator, context) {
    if (match.args.length < 2 || match.args.length > 3) translator.fail(`CONVERT_TIMEZONE takes 2 to 3 arguments (got ${match.args.length})`, match.nameNode);
    const args = translator.translateArguments(match.argList.children, context);
    if (args.length === 3) return `CAST(timezone(${args[1]}, timezone(${args[0]}, CAST(${args[2]} AS TIMESTAMP))) AS TIMESTAMP)`;
    const [target, source] = args;
    const instant = `${macro('to_timestamp_tz')}(${source})`;
    const cast = match.wallClockCast;
    if (cast) return `CAST(timezone(${target}, ${instant}) AS ${translator.translateType(cast.nodes, cast.span)})`;
    // timezone() is still evaluated, so an unknown zone fails and a NULL zone gives NULL.
    return `list_transform([${instant}], t -> CASE WHEN timezone(${target}, t) IS NOT NULL THEN t END)[1]`;
  },
};
