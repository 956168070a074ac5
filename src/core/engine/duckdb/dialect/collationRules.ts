import { isTokenOf, isWord, nextSignificant, TokenNodeOf } from '../../../sql/nodes';
import { unquoteStringLiteral } from '../../../sql/literals';
import { SqlNode } from '../../../sql/tokenTree';
import { CallMatch, functionRule } from './functionCall';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { Translator } from './translator';

// Snowflake collations (`COLLATE 'es-ci'` in a column definition or after an expression, and the
// COLLATE(expr, 'spec') function) as DuckDB collations: ICU locales (built into DuckDB) plus its
// nocase / noaccent. A specifier DuckDB cannot honour fails instead of sorting silently otherwise.

/** Snowflake specifiers that are DuckDB's default behaviour, or DuckDB collations. */
const SPECIFIERS: Readonly<Record<string, string | undefined>> = { cs: undefined, as: undefined, ps: undefined, ci: 'nocase', ai: 'noaccent' };
/** Snowflake specifiers DuckDB has no collation for. */
const UNSUPPORTED = new Set(['pi', 'fl', 'fu', 'upper', 'lower', 'trim', 'ltrim', 'rtrim']);

/**
 * The DuckDB collation for a Snowflake collation specification: `<locale>-<specifier>…`, each
 * part optional, case-insensitive. '' and 'utf8' compare bytes, which is DuckDB's "binary".
 */
export function duckDbCollation(spec: string, translator: Translator, at: SqlNode): string {
  const parts = spec.trim().toLowerCase().split('-');
  if (parts.length === 1 && (parts[0] === '' || parts[0] === 'utf8')) return '"binary"';
  const collations: string[] = [];
  parts.forEach((part, i) => {
    if (part in SPECIFIERS) {
      const collation = SPECIFIERS[part];
      if (collation) collations.push(collation);
    } else if (UNSUPPORTED.has(part) || part === 'utf8') {
      translator.fail(`Collation '${spec}' is not supported in Snowpark Local: its '${part}' specifier has no DuckDB equivalent (supported: a locale, ci, cs, ai, as, ps, or 'utf8' alone)`, at);
    } else if (i === 0 && /^[a-z]{2,3}(_[a-z]{2,4})?$/.test(part)) {
      collations.push(part); // an ICU locale such as es or en_us
    } else {
      translator.fail(`Invalid collation specification '${spec}': '${part}' is neither a locale nor a specifier`, at);
    }
  });
  return collations.length === 0 ? '"binary"' : collations.join('.');
}

interface CollateMatch extends SequenceMatch {
  specNode: TokenNodeOf<'string'>;
}

/** `… COLLATE 'spec'`, after an expression or a column's type. */
const collateKeywordRule: SequenceRule<CollateMatch> = {
  kind: 'sequence',
  name: "COLLATE 'spec'",
  triggers: ['COLLATE'],
  why: "Snowflake names a collation with a string ('es-ci'); DuckDB with an identifier (es.nocase).",
  match(nodes, index) {
    if (!isWord(nodes[index], 'COLLATE')) return undefined;
    const at = nextSignificant(nodes, index + 1);
    const specNode = nodes[at];
    if (!isTokenOf(specNode, 'string')) return undefined;
    return { end: at + 1, specNode };
  },
  rewrite: (match, translator) => `COLLATE ${duckDbCollation(unquoteStringLiteral(match.specNode.token.text), translator, match.specNode)}`,
};

/** A constant string argument of a call, or a clear failure. */
function constantSpec(call: CallMatch, translator: Translator): string {
  const arg = call.args[1];
  if (arg.length !== 1 || !isTokenOf(arg[0], 'string')) translator.fail('COLLATE needs a constant collation specification string in Snowpark Local', arg[0] ?? call.nameNode);
  return unquoteStringLiteral(arg[0].token.text);
}

export const collationRules: SequenceRule[] = [
  collateKeywordRule,
  functionRule({
    name: 'COLLATE',
    why: 'DuckDB has no COLLATE function, only the COLLATE operator with a collation name.',
    functions: ['COLLATE'],
    arity: [2, 2],
    rewrite: ([value], call, translator) => `(${value} COLLATE ${duckDbCollation(constantSpec(call, translator), translator, call.args[1][0])})`,
  }),
];
