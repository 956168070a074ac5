import { identifierValue } from '../../../sql/identifiers';
import { scanSql } from '../../../sql/scanSql';
import { isTriviaToken, SqlToken } from '../../../sql/tokens';
import { typeFamily, UdfArgument } from './udfDefinition';

// Snowflake converts each argument to its declared type before the body sees it (`add1(x INT)`
// called with 1.6 sees 2). A DuckDB macro substitutes what the caller passed, unconverted, so
// every bare reference to an argument in the body becomes `CAST(arg AS <declared type>)`,
// still Snowflake SQL, which the dialect then translates with the rest of the body.

/** Families passed through unconverted: a VARCHAR given to a VARIANT argument stays a string. */
const UNCONVERTED = new Set(['VARIANT', 'OBJECT', 'ARRAY', 'MAP', 'GEOGRAPHY', 'GEOMETRY', 'VECTOR']);

/** The type an argument is converted to, or undefined when it is passed as it is. */
export function conversionType(type: string): string | undefined {
  const family = typeFamily(type);
  if (UNCONVERTED.has(family)) return undefined;
  // A declared length is no conversion Snowflake applies to an argument: the value passes whole.
  if (family === 'VARCHAR' || family === 'BINARY') return family;
  return type;
}

/** Words after which a name is not a reference: a column of a table (`t.x`), a path (`v:x`), a type (`::x`), an alias. */
const NOT_AFTER = new Set(['.', ':', '::']);
/** Words before which a name is not a reference: a call (`x(`), a qualifier (`x.`), a named argument, a lambda, a typed literal (`DATE '…'`). */
const NOT_BEFORE = new Set(['(', '.', '=>', '->']);

/** The body with each bare argument reference converted to the argument's declared type. */
export function castArgumentReferences(body: string, args: readonly UdfArgument[]): string {
  if (args.length === 0) return body;
  const byName = new Map(args.map((argument) => [argument.name, argument]));
  const tokens = scanSql(body);
  const significant = tokens.map((token, index) => ({ token, index })).filter(({ token }) => !isTriviaToken(token));
  const replaced = new Map<number, string>();
  significant.forEach(({ token, index }, position) => {
    if (token.kind !== 'word' && token.kind !== 'quotedIdent') return;
    const argument = byName.get(identifierValue(token));
    if (!argument) return;
    const previous = significant[position - 1]?.token;
    const next = significant[position + 1]?.token;
    if (!isReference(previous, next)) return;
    const type = conversionType(argument.type);
    replaced.set(index, type ? `CAST(${token.text} AS ${type})` : token.text);
  });
  return tokens.map((token, index) => replaced.get(index) ?? token.text).join('');
}

function isReference(previous: SqlToken | undefined, next: SqlToken | undefined): boolean {
  if (previous && ((previous.kind === 'punct' && NOT_AFTER.has(previous.text)) || (previous.kind === 'word' && previous.text.toUpperCase() === 'AS'))) return false;
  if (next && ((next.kind === 'punct' && NOT_BEFORE.has(next.text)) || next.kind === 'string')) return false;
  return true;
}
