import { identifierValue } from '../../../sql/identifiers';
import { isPunct, isTokenOf, isTrivia, isWord, isWordIn, nextSignificant, nodesText, previousSignificant, significantNodes, splitAtCommas } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { readTypeSpan } from '../../../sql/typeSpan';
import { multiTableInsertSourceAt } from '../multiTableInsertSyntax';
import { SequenceContext, StatementRule } from './ruleTypes';
import { Translator } from './translator';
import { recordApartSelectList } from './apartSelectLists';

// Snowflake names an unaliased result column after the expression as written, upper-cased
// (`select count(*)` → COUNT(*)); DuckDB names it after its own rendering of the expression,
// and after our translation of it. So every expression in the outermost select list gets an
// explicit alias with the Snowflake name. Only the outermost list matters: inner names never
// reach the user, and UNION takes its names from its first branch.

/** Words that end the select list when met at the top level of the statement. */
const LIST_ENDS = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'MINUS', 'WINDOW', 'INTO']);

/** Words that are values, not column names, when they stand alone. */
const VALUE_WORDS = new Set(['NULL', 'TRUE', 'FALSE', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP', 'CURRENT_USER']);

/** Words after which the next word is an operand, never an implicit alias. */
const OPERAND_EXPECTED_AFTER = new Set([
  'AND', 'OR', 'NOT', 'IS', 'WHEN', 'THEN', 'ELSE', 'CASE', 'LIKE', 'ILIKE', 'RLIKE', 'REGEXP', 'BETWEEN', 'IN', 'DISTINCT',
  'AS', 'SELECT', 'INTERVAL', 'ESCAPE', 'ANY', 'ALL', 'SOME', 'EXISTS', 'COLLATE', 'BY', 'FROM', 'CONNECT_BY_ROOT',
]);

/** Words that cannot be an implicit alias because they end an expression themselves. */
const NOT_AN_ALIAS = new Set([...VALUE_WORDS, 'END', 'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST']);

export const outputColumnNamesRule: StatementRule = {
  kind: 'statement',
  name: 'outermost select column names',
  why: 'Result column names must be what Snowflake shows: the upper-cased expression text, or the alias.',
  apply(nodes, translator, context) {
    // A multi-table INSERT's WHEN and VALUES name its subquery's columns (`"10 + 20"`, AN_ALIAS).
    const insertSource = multiTableInsertSourceAt(nodes);
    if (insertSource !== undefined) {
      const clauses = translator.translateSequence(nodes.slice(0, insertSource), context);
      const source = nodes.slice(insertSource);
      return clauses + (outputColumnNamesRule.apply(source, translator, context) ?? translator.translateSequence(source, context));
    }
    const list = findOutermostSelectList(nodes);
    // Its items and the rest of the query are translated apart, under one context.
    if (list) recordApartSelectList(context, { nodes, ...list });
    // `(SELECT …) UNION (SELECT …)`: the first branch names the columns.
    const inner = list ? selectStarSubquery(nodes, list) : leadingSubquery(nodes);
    if (inner !== undefined) return nameInsideSubquery(nodes, inner, translator, context);
    if (!list) return undefined;
    const items = splitAtCommas(nodes.slice(list.start, list.end));
    return (
      translator.translateSequence(nodes.slice(0, list.start), context) +
      items.map((item) => nameItem(item, translator, context)).join(',') +
      translator.translateSequence(nodes.slice(list.end), context)
    );
  },
};

/**
 * `SELECT * FROM (SELECT …) …` (how DataFrames and describe requests wrap a query) passes
 * the inner query's names through, so they are the ones that need Snowflake's names.
 */
function selectStarSubquery(nodes: SqlNode[], list: { start: number; end: number }): number | undefined {
  // Read in place: this is asked of every statement's select list, and is rarely true.
  const star = nextSignificant(nodes, list.start);
  if (star >= list.end || !isPunct(nodes[star], '*') || nextSignificant(nodes, star + 1) < list.end) return undefined;
  const from = nextSignificant(nodes, list.end);
  if (!isWord(nodes[from], 'FROM')) return undefined;
  const source = nextSignificant(nodes, from + 1);
  return isSubquery(nodes[source]) ? source : undefined;
}

function leadingSubquery(nodes: SqlNode[]): number | undefined {
  const first = nextSignificant(nodes, 0);
  return isSubquery(nodes[first]) ? first : undefined;
}

function isSubquery(node: SqlNode | undefined): boolean {
  if (!node || node.type !== 'group' || node.open.text !== '(') return false;
  const first = node.children[nextSignificant(node.children, 0)];
  return isWord(first, 'SELECT', 'WITH') || isSubquery(first);
}

function nameInsideSubquery(nodes: SqlNode[], at: number, translator: Translator, context: SequenceContext): string {
  const group = nodes[at] as Extract<SqlNode, { type: 'group' }>;
  const innerContext = { ...context, depth: context.depth + 1 };
  const inner = translator.inQuery(
    group.children,
    () => outputColumnNamesRule.apply(group.children, translator, innerContext) ?? translator.translateSequence(group.children, innerContext),
  );
  return (
    translator.translateSequence(nodes.slice(0, at), context) +
    group.open.text +
    inner +
    (group.close?.text ?? '') +
    translator.translateSequence(nodes.slice(at + 1), context)
  );
}

function findOutermostSelectList(nodes: SqlNode[]): { start: number; end: number } | undefined {
  const first = nextSignificant(nodes, 0);
  let select = first;
  if (isWord(nodes[first], 'WITH')) {
    select = nodes.findIndex((node, i) => i > first && isWord(node, 'SELECT'));
  }
  if (select < 0 || !isWord(nodes[select], 'SELECT')) return undefined;

  let start = nextSignificant(nodes, select + 1);
  if (isWord(nodes[start], 'DISTINCT', 'ALL')) start = nextSignificant(nodes, start + 1);
  if (isWord(nodes[start], 'TOP')) start = nextSignificant(nodes, nextSignificant(nodes, start + 1) + 1);

  let end = start;
  while (end < nodes.length) {
    const node = nodes[end];
    if (isPunct(node, ';')) break;
    // `a IS DISTINCT FROM b` has a FROM that does not end the list.
    // Nor does the GROUP of `LISTAGG(x) WITHIN GROUP (ORDER BY …)`.
    if (isWordIn(node, LIST_ENDS)) {
      const previous = nodes[previousSignificant(nodes, end - 1)];
      if (!(isWord(node, 'FROM') && isWord(previous, 'DISTINCT')) && !(isWord(node, 'GROUP') && isWord(previous, 'WITHIN'))) break;
    }
    end++;
  }
  return { start, end };
}

/** One select item, translated, with the alias Snowflake's column name needs. */
function nameItem(item: SqlNode[], translator: Translator, context: SequenceContext): string {
  let first = 0;
  let last = item.length;
  while (first < last && isTrivia(item[first])) first++;
  while (last > first && isTrivia(item[last - 1])) last--;
  if (first === last) return nodesText(item);
  const leading = first === 0 ? '' : nodesText(item.slice(0, first));
  const trailing = last === item.length ? '' : nodesText(item.slice(last));
  const core = item.slice(first, last);
  const parts = significantNodes(core);

  if (isStar(parts)) return leading + translator.translateSequence(core, context) + trailing;

  // `seq.NEXTVAL` reads like a column reference but is a call that needs the Snowflake name.
  if (isColumnReference(parts) && !isWord(parts[parts.length - 1], 'NEXTVAL')) {
    const column = parts[parts.length - 1];
    if (isTokenOf(column, 'quotedIdent')) keepCase(identifierValue(column.token), translator);
    return leading + translator.translateSequence(core, context) + trailing;
  }

  const aliasAt = core.lastIndexOf(parts[parts.length - 1]);
  const alias = core[aliasAt];
  const beforeAlias = previousSignificant(core, aliasAt - 1);
  if (isAlias(core, aliasAt, beforeAlias)) {
    const expressionEnd = isWord(core[beforeAlias], 'AS') ? beforeAlias : aliasAt;
    const expression = core.slice(0, expressionEnd);
    const glue = nodesText(core.slice(expressionEnd, aliasAt));
    return leading + translator.translateSequence(trimEnd(expression), context) + nodesText(trailingTrivia(expression)) + glue + aliasText(alias, translator) + trailing;
  }

  const snowflakeName = snowflakeText(core).toUpperCase();
  return `${leading}${translator.translateSequence(core, context)} AS "${snowflakeName.replace(/"/g, '""')}"${trailing}`;
}

/**
 * The text as the user wrote it: `#1` is the `$1` column reference DuckDB's spelling replaced
 * (bindMarkers.ts); Snowflake SQL has no `#` of its own.
 */
function snowflakeText(nodes: SqlNode[]): string {
  return nodes
    .map((node, i) => {
      if (node.type === 'group') return node.open.text + snowflakeText(node.children) + (node.close?.text ?? '');
      return isPunct(node, '#') && isTokenOf(nodes[i + 1], 'number') ? '$' : node.token.text;
    })
    .join('');
}

function isStar(parts: SqlNode[]): boolean {
  if (isPunct(parts[0], '*')) return true;
  const star = parts.findIndex((part) => isPunct(part, '*'));
  return star > 0 && isColumnReference(parts.slice(0, star - 1)) && isPunct(parts[star - 1], '.');
}

/** `a`, `"A b"`, `t.a`, `db.s.t.a`, `$1`. */
function isColumnReference(parts: SqlNode[]): boolean {
  if (parts.length === 0 || parts.length % 2 === 0) return false;
  return parts.every((part, i) =>
    i % 2 === 1 ? isPunct(part, '.') : isTokenOf(part, 'quotedIdent') || (isTokenOf(part, 'word') && !isWordIn(part, VALUE_WORDS)),
  );
}

function isAlias(core: SqlNode[], aliasAt: number, beforeAlias: number): boolean {
  const alias = core[aliasAt];
  if (!isTokenOf(alias, 'quotedIdent') && !(isTokenOf(alias, 'word') && !isWordIn(alias, NOT_AN_ALIAS))) return false;
  if (beforeAlias < 0) return false;
  const before = core[beforeAlias];
  if (isWord(before, 'AS')) return true;
  if (isPunct(before) || isWordIn(before, OPERAND_EXPECTED_AFTER)) return false;
  // `x::DOUBLE PRECISION` ends in a type word, not an alias.
  for (let cast = aliasAt - 1; cast >= 0; cast--) {
    if (isPunct(core[cast], '::')) return readTypeSpan(core, nextSignificant(core, cast + 1))?.end !== aliasAt + 1;
  }
  return true;
}

/** Unquoted aliases become the upper-cased quoted name; quoted ones keep their case. */
function aliasText(alias: SqlNode, translator: Translator): string {
  if (isTokenOf(alias, 'quotedIdent')) {
    keepCase(identifierValue(alias.token), translator);
    return alias.token.text;
  }
  const name = nodesText([alias]).toUpperCase();
  return `"${name.replace(/"/g, '""')}"`;
}

function keepCase(name: string, translator: Translator): void {
  if (name !== name.toUpperCase() && !translator.preserveCaseColumns.includes(name)) translator.preserveCaseColumns.push(name);
}

function trimEnd(nodes: SqlNode[]): SqlNode[] {
  let end = nodes.length;
  while (end > 0 && isTrivia(nodes[end - 1])) end--;
  return nodes.slice(0, end);
}

function trailingTrivia(nodes: SqlNode[]): SqlNode[] {
  return nodes.slice(trimEnd(nodes).length);
}
