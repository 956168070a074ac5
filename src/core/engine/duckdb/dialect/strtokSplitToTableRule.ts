import { SequenceRule } from './ruleTypes';
import { matchTableCall, namedArguments, TABLE_CALL_STARTS, TableCallMatch } from './tableCallMatch';

/**
 * STRTOK_SPLIT_TO_TABLE(string [, delimiters]): SPLIT_TO_TABLE's columns with STRTOK's rules. Each
 * character of the delimiter text splits (a space by default), empty tokens are dropped, an
 * empty delimiter text keeps the string whole, and a NULL argument gives no rows.
 */
export const strtokSplitToTableRule: SequenceRule<TableCallMatch> = {
  kind: 'sequence',
  name: 'STRTOK_SPLIT_TO_TABLE',
  triggers: TABLE_CALL_STARTS,
  why: 'DuckDB has no STRTOK_SPLIT_TO_TABLE; one row per non-empty token with SEQ, INDEX (1-based) and VALUE.',
  match: (nodes, index) => matchTableCall(nodes, index, ['STRTOK_SPLIT_TO_TABLE']),
  rewrite({ call }, translator, context) {
    const args = namedArguments(call, ['STRING', 'DELIMITERS'], translator, context);
    if (!args.STRING || call.args.length > 2) return translator.fail('STRTOK_SPLIT_TO_TABLE takes a string and optionally a delimiter list', call.nameNode);
    const text = `CAST(${args.STRING.sql} AS VARCHAR)`;
    const delimiters = args.DELIMITERS ? `CAST(${args.DELIMITERS.sql} AS VARCHAR)` : "' '";
    // '[]' would be an invalid class, so an empty delimiter list splits on a character no text holds.
    const pattern = `'[' || regexp_escape(CASE WHEN ${delimiters} = '' THEN chr(0) ELSE ${delimiters} END) || ']'`;
    const tokens = `list_filter(regexp_split_to_array(${text}, ${pattern}), "_TOKEN" -> "_TOKEN" <> '')`;
    return `LATERAL (SELECT 1 AS SEQ, CAST("_AT" AS BIGINT) AS INDEX, ${tokens}["_AT"] AS VALUE FROM range(1, coalesce(len(${tokens}), 0) + 1) AS "_TOKENS"("_AT"))`;
  },
};
