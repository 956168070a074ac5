import { isWord, nextSignificant } from '../../../sql/nodes';
import { AnySequenceRule, SequenceRule } from './ruleTypes';
import { CallMatch, functionRule, renameRule } from './functionCall';
import { macro } from './macros';

// Snowflake string and binary functions DuckDB lacks or answers differently: padding, splicing,
// phonetic and similarity measures, hexadecimal encoding.

/** Snowflake's message for text that is not hexadecimal (DuckDB would read an odd digit count as a leading 0). */
const notHex = (text: string): string => `error('The following string is not a legal hex-encoded value: ''' || (${text}) || '''')`;

const insertFunctionRule = functionRule({
  name: 'INSERT',
  why: 'DuckDB has no INSERT(base, pos, len, insert): len characters (bytes of a BINARY) from the 1-based pos replaced by the insert.',
  functions: ['INSERT'],
  arity: [4, 4],
  // The SUBSTR macro slices text by characters and BINARY by bytes, and is NULL for a NULL.
  rewrite: ([base, pos, len, insert]) => {
    const substr = macro('substr');
    return `(${substr}(${base}, 1, (${pos}) - 1) || (${insert}) || ${substr}(${base}, (${pos}) + (${len})))`;
  },
});

/** The INSERT function, not MERGE's `WHEN NOT MATCHED THEN INSERT (columns) VALUES (…)`. */
const insertRule: SequenceRule<CallMatch> = {
  ...insertFunctionRule,
  match(nodes, index, context) {
    const call = insertFunctionRule.match(nodes, index, context);
    // MERGE's column list is always followed by VALUES; a function call never is.
    return call && !isWord(nodes[nextSignificant(nodes, call.end)], 'VALUES') ? call : undefined;
  },
};

export const textRules: AnySequenceRule[] = [
  functionRule({
    name: 'SPACE',
    why: 'DuckDB has no SPACE (n blanks; none for n below 1).',
    functions: ['SPACE'],
    arity: [1, 1],
    rewrite: ([n]) => `repeat(' ', CAST(${n} AS BIGINT))`,
  }),
  insertRule,
  functionRule({
    name: 'SOUNDEX',
    why: "DuckDB has no SOUNDEX; SOUNDEX_P123 keeps the second letter's digit when it equals the first's (P123 for Pfister, SOUNDEX's P236).",
    functions: ['SOUNDEX', 'SOUNDEX_P123'],
    arity: [1, 1],
    rewrite: ([text], call) => `${macro('soundex')}(${text}, ${call.name === 'SOUNDEX_P123'})`,
  }),
  renameRule({
    name: 'JAROWINKLER_SIMILARITY',
    why: "Snowflake's is a case-insensitive whole percentage over characters; DuckDB's jaro_winkler_similarity a case-sensitive 0–1 over bytes.",
    functions: ['JAROWINKLER_SIMILARITY'],
    arity: [2, 2],
    to: macro('jarowinkler_similarity'),
  }),
  renameRule({
    name: 'HEX_ENCODE',
    why: 'Snowflake HEX_ENCODE encodes the UTF-8 text of a non-BINARY value (DuckDB hex of a number is that number in base 16), upper-case unless case is 0.',
    functions: ['HEX_ENCODE'],
    arity: [1, 2],
    to: macro('hex_encode'),
    defaults: ['1'],
  }),
  functionRule({
    name: 'HEX_DECODE_BINARY',
    why: 'DuckDB unhex reads an odd number of digits as if a 0 led them; Snowflake rejects them (the TRY_ form gives NULL for any text that is not hex).',
    functions: ['HEX_DECODE_BINARY', 'TRY_HEX_DECODE_BINARY'],
    arity: [1, 1],
    rewrite: ([text], call) =>
      call.name === 'HEX_DECODE_BINARY'
        ? `CASE WHEN length(${text}) % 2 = 1 THEN ${notHex(text)} ELSE unhex(${text}) END`
        : `CASE WHEN length(${text}) % 2 = 0 THEN TRY(unhex(${text})) END`,
  }),
];
