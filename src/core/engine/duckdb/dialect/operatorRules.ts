import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodesText, previousSignificant, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { quoteStringLiteral, unquoteStringLiteral } from '../../../sql/literals';
import { SqlNode } from '../../../sql/tokenTree';
import { readTypeSpan } from '../../../sql/typeSpan';
import { SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';
import { macro } from './macros';
import { callSuffixEnd, operandEnd, operandStartBefore, startsOperand } from './operand';
import { jsonPathOf } from './semiStructuredRules';
import { Translator, typeReferenceOf } from './translator';
import { declaredCastLength, lengthCheckedCastSql } from './stringLength';
import { matchedAsTextAt, StringComparison, stringComparisonAt } from './variantComparison';

// Operators and literals Snowflake reads differently from DuckDB.

interface NodesMatch extends SequenceMatch {
  nodes: SqlNode[];
  index: number;
}

const VARIANT_TYPES = new Set(['VARIANT', 'OBJECT', 'ARRAY']);
const BINARY_TYPES = new Set(['BINARY', 'VARBINARY']);
const STRING_TYPES = new Set(['STRING', 'TEXT', 'VARCHAR', 'CHAR', 'CHARACTER', 'NCHAR', 'NVARCHAR', 'NVARCHAR2', 'CHAR VARYING', 'CHARACTER VARYING', 'NCHAR VARYING']);

const backslashEscapeRule: SequenceRule<NodesMatch> = {
  kind: 'sequence',
  name: 'backslash escapes in strings',
  triggers: ['<string>'],
  why: "Snowflake applies \\n, \\t, \\\\, \\' … inside '…' literals; DuckDB keeps the backslash as text.",
  match: (nodes, index) => (isTokenOf(nodes[index], 'string') && nodes[index].type === 'token' && /\\/.test(nodes[index].token.text) ? { nodes, index, end: index + 1 } : undefined),
  rewrite: ({ nodes, index }) => {
    const node = nodes[index];
    return node.type === 'token' ? quoteStringLiteral(unquoteStringLiteral(node.token.text)) : '';
  },
};

interface DivisionMatch extends NodesMatch {
  /** First node of the dividend (the whole `*`, `/`, `%` chain before the `/`), if it can be delimited. */
  dividendStart?: number;
}

/** Where the left operand of the `/` at nodes[slash] begins: `a * b / c` divides `a * b`. */
function dividendStart(nodes: SqlNode[], slash: number): number | undefined {
  const last = previousSignificant(nodes, slash - 1);
  let start = last < 0 ? undefined : operandStartBefore(nodes, last);
  while (start !== undefined) {
    const operator = previousSignificant(nodes, start - 1);
    if (!isPunct(nodes[operator], '*', '/', '%')) break;
    const before = previousSignificant(nodes, operator - 1);
    start = before < 0 ? undefined : operandStartBefore(nodes, before);
  }
  return start;
}

const divisionRule: SequenceRule<DivisionMatch> = {
  kind: 'sequence',
  name: 'division',
  triggers: ['/'],
  why:
    "Snowflake divides NUMBERs into a NUMBER with scale max(s1, min(s1 + 6, 12)) (1/3 = 0.333333) and raises 'Division by zero' (100051); " +
    'DuckDB gives a DOUBLE, and NULL for x/0. The divide macro picks by argument types; a dividend the rule cannot delimit keeps DuckDB\'s `/` with a checked divisor.',
  match(nodes, index) {
    if (!isPunct(nodes[index], '/')) return undefined;
    let start = nextSignificant(nodes, index + 1);
    while (isPunct(nodes[start], '-', '+')) start = nextSignificant(nodes, start + 1);
    let end = operandEnd(nodes, start);
    if (end === undefined) return undefined;
    // A window or ordered aggregate is one operand: `x / SUM(x) OVER ()`.
    if (isGroup(nodes[end - 1])) end = callSuffixEnd(nodes, end);
    // A cast binds tighter than `/`: `a / b::float` divides by the cast value.
    for (;;) {
      const castAt = nextSignificant(nodes, end);
      if (!isPunct(nodes[castAt], '::')) break;
      const span = readTypeSpan(nodes, nextSignificant(nodes, castAt + 1));
      if (!span) break;
      end = span.end;
    }
    return { nodes, index, end, dividendStart: dividendStart(nodes, index) };
  },
  rewrite({ nodes, index, end, dividendStart: from }, translator, context) {
    const dividend = from === undefined ? undefined : translator.reclaimOutput(from, index);
    const divisor = translator.translateSequence(trimTrivia(nodes.slice(index + 1, end)), context);
    if (dividend === undefined) return `/ ${macro('divisor')}(${divisor})`;
    return `${macro('divide')}(${dividend.trimEnd()}, ${divisor})`;
  },
};

const rlikeOperatorRule: SequenceRule<NodesMatch> = {
  kind: 'sequence',
  name: 'RLIKE operator',
  triggers: ['RLIKE', 'REGEXP'],
  why: "`x RLIKE p` / `x REGEXP p` must match the whole string: DuckDB's SIMILAR TO is that full regex match.",
  match: (nodes, index) => (isWord(nodes[index], 'RLIKE', 'REGEXP') && !isGroup(nodes[nextSignificant(nodes, index + 1)]) ? { nodes, index, end: index + 1 } : undefined),
  rewrite: () => 'SIMILAR TO',
};

interface LikeAnyMatch extends SequenceMatch {
  operand: SqlNode[];
  negated: boolean;
  operator: string;
  quantifier: string;
  patterns: SqlNode[][];
}

const likeAnyRule: SequenceRule<LikeAnyMatch> = {
  kind: 'sequence',
  name: 'LIKE ANY',
  why: 'DuckDB has no `LIKE ANY (p1, p2)`; it is an OR (ALL: an AND) of single LIKEs.',
  textMayMatch: /like/i,
  match(nodes, index) {
    if (!startsOperand(nodes, index)) return undefined;
    const end = operandEnd(nodes, index);
    if (end === undefined) return undefined;
    let at = nextSignificant(nodes, end);
    const negated = isWord(nodes[at], 'NOT');
    if (negated) at = nextSignificant(nodes, at + 1);
    const operator = nodes[at];
    if (!isWord(operator, 'LIKE', 'ILIKE')) return undefined;
    const quantifierAt = nextSignificant(nodes, at + 1);
    const quantifier = nodes[quantifierAt];
    if (!isWord(quantifier, 'ANY', 'ALL', 'SOME')) return undefined;
    const listAt = nextSignificant(nodes, quantifierAt + 1);
    const list = nodes[listAt];
    if (!isGroup(list)) return undefined;
    return {
      operand: nodes.slice(index, end),
      negated,
      operator: operator.token.text.toUpperCase(),
      quantifier: quantifier.token.text.toUpperCase(),
      patterns: splitAtCommas(list.children).map(trimTrivia),
      end: listAt + 1,
    };
  },
  rewrite(match, translator, context) {
    const operand = translator.translateSequence(match.operand, context);
    const joiner = match.quantifier === 'ALL' ? ' AND ' : ' OR ';
    const tests = match.patterns.map((p) => `${operand} ${match.operator} ${translator.translateSequence(p, context)}`);
    return `${match.negated ? 'NOT ' : ''}(${tests.join(joiner)})`;
  },
};

interface PathMatch extends SequenceMatch {
  base: SqlNode[];
  /** JSONPath of the `:a.b[0]` / `['a']` / `[0]` steps, '' when there are none. */
  path: string;
  /** The path is followed by `::STRING` (or VARCHAR …): text without JSON quotes. */
  toText: boolean;
  /** The length of a `::VARCHAR(n)` the text must fit. */
  textLength?: number;
  /** Followed by `::VARIANT` (or OBJECT, ARRAY): wrap the value, do not parse text as JSON. */
  toVariant: boolean;
  /** Followed by `::BINARY`: text is read as hex (BINARY_INPUT_FORMAT's default), not taken as its bytes. */
  toBinary: boolean;
  /** A path compared with string constants (`= 'text'`, `IN ('a', 'b')`): they are VARIANT strings. */
  comparison?: StringComparison;
  rest: number;
}

/** Reads `:a.b[0]`, `['k']`, `[0]` steps after an operand; returns the JSONPath and where it ends. */
function readPath(nodes: SqlNode[], from: number): { path: string; end: number } {
  let text = '';
  let at = from;
  if (isPunct(nodes[at], ':')) {
    at++;
    // The first step: a word or "quoted" key, then `.key` or `[i]` steps, no spaces.
    while (at < nodes.length) {
      const node = nodes[at];
      if (isTokenOf(node, 'word') || isTokenOf(node, 'quotedIdent') || isTokenOf(node, 'number')) text += node.token.text;
      else if (isPunct(node, '.')) text += '.';
      else if (isGroup(node, '[')) text += nodesText([node]);
      else break;
      at++;
    }
  }
  while (isGroup(nodes[at], '[')) {
    text += nodesText([nodes[at]]);
    at++;
  }
  return { path: text ? jsonPathOf(text.replace(/\[\s*'([^']*)'\s*\]/g, (_m, key: string) => `["${key.replace(/"/g, '""')}"]`).replace(/\["((?:[^"]|"")*)"\]/g, '."$1"')) : '', end: at };
}

const variantPathRule: SequenceRule<PathMatch> = {
  kind: 'sequence',
  name: 'VARIANT paths and text casts',
  // A path has `:` or `[`; a text or VARIANT cast has `::`.
  textMayMatch: /[:[]/,
  why: "`v:a.b[0]`, `v['a']`, `v[0]` read JSON; `::STRING` of a VARIANT gives its text without JSON quotes; `'text'::VARIANT` is a string value, not parsed JSON; `'A1B2'::BINARY` reads hex.",
  match(nodes, index) {
    if (!startsOperand(nodes, index)) return undefined;
    const end = operandEnd(nodes, index);
    if (end === undefined) return undefined;
    // A literal has no path, but `'text'::VARIANT` still needs the wrapping.
    const literal = isTokenOf(nodes[index], 'string') || isTokenOf(nodes[index], 'number');
    const { path, end: pathEnd } = literal ? { path: '', end } : readPath(nodes, end);
    const castAt = nextSignificant(nodes, pathEnd);
    let toText = false;
    let textLength: number | undefined;
    let toVariant = false;
    let toBinary = false;
    let rest = pathEnd;
    if (isPunct(nodes[castAt], '::')) {
      const span = readTypeSpan(nodes, nextSignificant(nodes, castAt + 1));
      toText = span !== undefined && STRING_TYPES.has(span.name);
      toVariant = span !== undefined && VARIANT_TYPES.has(span.name);
      toBinary = span !== undefined && BINARY_TYPES.has(span.name);
      if (span && (toText || toVariant || toBinary)) rest = span.end;
      if (span && toText) textLength = declaredCastLength(typeReferenceOf(nodes, span));
    }
    if (!path && !toText && !toVariant && !toBinary) return undefined;
    if (path && rest === pathEnd) {
      // A bare path: LIKE reads it as text; `= 'text'` compares VARIANT values (variantComparison.ts).
      if (matchedAsTextAt(nodes, pathEnd)) toText = true;
      const comparison = stringComparisonAt(nodes, pathEnd);
      if (comparison) return { base: nodes.slice(index, end), path, toText, toVariant, toBinary, comparison, rest, end: comparison.end };
    }
    return { base: nodes.slice(index, end), path, toText, textLength, toVariant, toBinary, rest, end: rest };
  },
  rewrite(match, translator: Translator, context: SequenceContext) {
    let sql = translator.translateSequence(match.base, context);
    if (match.path) sql = `json_extract(CAST(${sql} AS JSON), ${quoteStringLiteral(match.path)})`;
    if (match.comparison) return `${sql}${variantComparisonSql(match.comparison, translator, context)}`;
    if (match.toVariant) return `CAST(to_json(${sql}) AS JSON)`;
    if (match.toBinary) return `${macro('binary_from_text')}(${sql})`;
    if (!match.toText) return sql;
    const text = `${macro('to_varchar')}(${sql})`;
    return match.textLength === undefined ? text : lengthCheckedCastSql(text, match.textLength);
  },
};

/** The operator and its constants as VARIANT strings (JSON text, as the path's value is). */
function variantComparisonSql({ operator, constants, inList }: StringComparison, translator: Translator, context: SequenceContext): string {
  const values = constants.map((constant) => `CAST(to_json(${translator.translateSequence([constant], context)}) AS JSON)`).join(', ');
  return `${nodesText(operator)}${inList ? `(${values})` : values}`;
}

interface NullsMatch extends SequenceMatch {
  call: SqlNode[];
  argList: SqlNode;
  ignore: boolean;
}

const ignoreNullsRule: SequenceRule<NullsMatch> = {
  kind: 'sequence',
  name: 'IGNORE NULLS',
  triggers: ['LAG', 'LEAD', 'FIRST_VALUE', 'LAST_VALUE', 'NTH_VALUE'],
  why: 'Snowflake writes `LAG(x, 1, 0) IGNORE NULLS OVER …`; DuckDB wants IGNORE NULLS inside the parentheses.',
  match(nodes, index) {
    if (!isWord(nodes[index], 'LAG', 'LEAD', 'FIRST_VALUE', 'LAST_VALUE', 'NTH_VALUE')) return undefined;
    const listAt = nextSignificant(nodes, index + 1);
    if (!isGroup(nodes[listAt])) return undefined;
    const wordAt = nextSignificant(nodes, listAt + 1);
    const nullsAt = nextSignificant(nodes, wordAt + 1);
    if (!isWord(nodes[wordAt], 'IGNORE', 'RESPECT') || !isWord(nodes[nullsAt], 'NULLS')) return undefined;
    return { call: nodes.slice(index, listAt), argList: nodes[listAt], ignore: isWord(nodes[wordAt], 'IGNORE'), end: nullsAt + 1 };
  },
  rewrite(match, translator, context) {
    const group = match.argList;
    const inner = group.type === 'group' ? translator.translateSequence(group.children, { ...context, depth: context.depth + 1 }) : '';
    return `${nodesText(match.call)}(${inner.trimEnd()}${match.ignore ? ' IGNORE NULLS' : ''})`;
  },
};

export const operatorRules: SequenceRule<SequenceMatch>[] = [
  backslashEscapeRule,
  ignoreNullsRule,
  likeAnyRule,
  variantPathRule,
  divisionRule,
  rlikeOperatorRule,
] as SequenceRule<SequenceMatch>[];
