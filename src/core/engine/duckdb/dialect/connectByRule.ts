import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodeText, previousSignificant, significantNodes, trimTrivia } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { apartSelectList } from './apartSelectLists';
import { columnReferenceAt, helperName, HELPER_PREFIX, hierarchyCalls, hierarchySubquery, parentLinks, QUERY_CLAUSES, starExclusions } from './connectBySql';
import { SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';

// Snowflake's hierarchical queries, `SELECT … FROM t START WITH … CONNECT BY [NOCYCLE] x = PRIOR y`
// (docs: sql-reference/constructs/connect-by), with LEVEL, SYS_CONNECT_BY_PATH and
// CONNECT_BY_ROOT. DuckDB has no CONNECT BY: the FROM clause becomes a recursive CTE
// (connectBySql.ts) and the pseudo-columns become its columns. WHERE, wherever it is written
// among the clauses, filters the rows of the hierarchy once it is built (Oracle's meaning; the
// page calls Snowflake's CONNECT BY "mostly compatible with the Oracle syntax").

/** The whole query a node of it belongs to: the list translated apart, or the nodes themselves. */
function wholeQuery(nodes: SqlNode[], context: SequenceContext): SqlNode[] {
  return apartSelectList(context)?.nodes ?? nodes;
}

/** Whether the query (its own level, not subqueries) has CONNECT BY. */
function hasConnectBy(query: SqlNode[]): boolean {
  return query.some((node, i) => isWord(node, 'CONNECT') && isWord(query[nextSignificant(query, i + 1)], 'BY'));
}

interface Clause {
  keyword: SqlNode;
  body: SqlNode[];
}

interface HierarchyMatch extends SequenceMatch {
  from: SqlNode;
  source: SqlNode[];
  where?: Clause;
  startWith?: Clause;
  connectBy: Clause;
  noCycle: boolean;
  query: SqlNode[];
  /** The ORDER of an `ORDER SIBLINGS BY` after the clauses. */
  siblings?: SqlNode;
}

/** `START WITH` and `CONNECT BY` are two words; the body starts after the second. */
function clauseAt(nodes: SqlNode[], at: number): { kind: 'where' | 'startWith' | 'connectBy'; bodyStart: number } | undefined {
  if (isWord(nodes[at], 'WHERE')) return { kind: 'where', bodyStart: at + 1 };
  const second = nextSignificant(nodes, at + 1);
  if (isWord(nodes[at], 'START') && isWord(nodes[second], 'WITH')) return { kind: 'startWith', bodyStart: second + 1 };
  if (isWord(nodes[at], 'CONNECT') && isWord(nodes[second], 'BY')) return { kind: 'connectBy', bodyStart: second + 1 };
  return undefined;
}

const hierarchyRule: SequenceRule<HierarchyMatch> = {
  kind: 'sequence',
  name: 'CONNECT BY',
  why: 'DuckDB has no hierarchical query clause; a recursive CTE computes the same rows with LEVEL, paths and roots.',
  triggers: ['FROM'],
  // Tried at every FROM, reading the query to its end: only in statements that say CONNECT.
  textMayMatch: /connect/i,
  match(nodes, index, context) {
    // Not the FROM of `a IS DISTINCT FROM b` in a select list.
    if (!isWord(nodes[index], 'FROM') || isWord(nodes[previousSignificant(nodes, index - 1)], 'DISTINCT')) return undefined;
    let at = index + 1;
    const found: Partial<Record<'where' | 'startWith' | 'connectBy', Clause>> = {};
    let sourceEnd: number | undefined;
    let open: { kind: 'where' | 'startWith' | 'connectBy'; keyword: SqlNode; bodyStart: number } | undefined;
    const close = (end: number): void => {
      if (open) found[open.kind] = { keyword: open.keyword, body: trimTrivia(nodes.slice(open.bodyStart, end)) };
    };
    for (; at < nodes.length; at++) {
      if (isWord(nodes[at], ...QUERY_CLAUSES) || isPunct(nodes[at], ';')) break;
      const clause = clauseAt(nodes, at);
      if (!clause) continue;
      sourceEnd ??= at;
      close(at);
      open = { ...clause, keyword: nodes[at] };
      at = clause.bodyStart - 1;
    }
    close(at);
    if (!found.connectBy || sourceEnd === undefined) return undefined;
    const body = found.connectBy.body;
    const noCycle = isWord(body[0], 'NOCYCLE');
    const connectBy = noCycle ? { ...found.connectBy, body: trimTrivia(body.slice(1)) } : found.connectBy;
    const siblings = isWord(nodes[at], 'ORDER') && isWord(nodes[nextSignificant(nodes, at + 1)], 'SIBLINGS') ? nodes[at] : undefined;
    const source = trimTrivia(nodes.slice(index + 1, sourceEnd));
    return { from: nodes[index], source, where: found.where, startWith: found.startWith, connectBy, noCycle, query: wholeQuery(nodes, context), siblings, end: at };
  },
  rewrite(match, translator, context) {
    const connectBy = match.connectBy;
    if (match.siblings) translator.fail('ORDER SIBLINGS BY is not supported by Snowpark Local; order by LEVEL or SYS_CONNECT_BY_PATH(…) instead', match.siblings);
    if (match.source.some((node) => isWord(node, 'JOIN') || isPunct(node, ','))) {
      translator.fail('Snowpark Local runs CONNECT BY over one table, view or subquery; join the tables in a subquery first', match.from);
    }
    const parsed = parentLinks(connectBy.body);
    const links = typeof parsed === 'string' ? translator.fail(parsed, connectBy.keyword) : parsed;
    const { source, alias } = splitAlias(match.source);
    const qualifier = alias ?? tableName(source) ?? `${HELPER_PREFIX}source`;
    const calls = [...hierarchyCalls(match.query).values()].map((call) => ({
      name: call.name,
      value: translator.translateSequence(call.value, context),
      separator: call.separator && translator.translateSequence(call.separator, context),
    }));
    const subquery = hierarchySubquery({
      source: translator.translateSequence(source, context),
      sourceAlias: alias !== undefined || tableName(source) === undefined ? ` AS ${qualifier}` : '',
      qualifier,
      startWith: match.startWith && translator.translateSequence(match.startWith.body, context),
      links,
      noCycle: match.noCycle,
      calls,
    });
    const where = match.where ? ` WHERE ${translator.translateSequence(match.where.body, context)}` : '';
    return `FROM ${subquery}${where} `;
  },
};

/** `employees e`, `employees AS e`, `(SELECT …) e`: the source and its alias. */
function splitAlias(source: SqlNode[]): { source: SqlNode[]; alias?: string } {
  const parts = significantNodes(source);
  const last = parts[parts.length - 1];
  const before = parts[parts.length - 2];
  if (parts.length < 2 || !(isTokenOf(last, 'word') || isTokenOf(last, 'quotedIdent')) || isPunct(before, '.')) return { source };
  const aliasAt = source.lastIndexOf(last);
  const sourceEnd = isWord(before, 'AS') ? source.lastIndexOf(before) : aliasAt;
  return { source: trimTrivia(source.slice(0, sourceEnd)), alias: nodeText(last) };
}

/** The last part of a table name (`db.s.employees` → employees); undefined for a subquery or a call. */
function tableName(source: SqlNode[]): string | undefined {
  const reference = columnReferenceAt(source, nextSignificant(source, 0));
  if (!reference || nextSignificant(source, reference.end) < source.length) return undefined;
  return nodeText(reference.parts[reference.parts.length - 1]);
}

/** A pseudo-column call that reads the hierarchy's helper column named after its operand's text. */
function helperColumnRule(
  word: string,
  kind: 'path' | 'root',
  why: string,
  operandAt: (nodes: SqlNode[], at: number) => { parts: SqlNode[]; end: number } | undefined,
): SequenceRule<SequenceMatch & { parts: SqlNode[] }> {
  return {
    kind: 'sequence',
    name: word,
    why,
    triggers: [word],
    match: (nodes, index) => (isWord(nodes[index], word) ? operandAt(nodes, nextSignificant(nodes, index + 1)) : undefined),
    rewrite: (match) => helperName(kind, match.parts),
  };
}

/** SYS_CONNECT_BY_PATH(col, sep): the path is built with the hierarchy; the call reads it. */
const sysConnectByPathRule = helperColumnRule(
  'SYS_CONNECT_BY_PATH',
  'path',
  'The path from the root to the row is built with the hierarchy (connectBySql.ts); the call reads that column.',
  (nodes, at) => {
    const args = nodes[at];
    return isGroup(args) ? { parts: args.children, end: at + 1 } : undefined;
  },
);

/** CONNECT_BY_ROOT col: the root row's value is carried down the hierarchy. */
const connectByRootRule = helperColumnRule('CONNECT_BY_ROOT', 'root', "The root row's value is carried down the hierarchy (connectBySql.ts); the operator reads that column.", columnReferenceAt);

/** `SELECT *` (or `t.*`) of a CONNECT BY query shows the source's columns only, not LEVEL and the helpers. */
const hierarchyStarRule: SequenceRule<SequenceMatch & { query: SqlNode[] }> = {
  kind: 'sequence',
  name: 'SELECT * of a CONNECT BY query',
  why: "The hierarchy's FROM subquery adds LEVEL and helper columns, which Snowflake's `*` does not show.",
  triggers: ['*'],
  textMayMatch: /connect/i,
  match(nodes, index, context) {
    if (!isPunct(nodes[index], '*')) return undefined;
    const before = nodes[previousSignificant(nodes, index - 1)];
    const after = nextSignificant(nodes, index + 1);
    const item = (before === undefined || isWord(before, 'SELECT', 'DISTINCT', 'ALL') || isPunct(before, ',', '.')) && (after >= nodes.length || isPunct(nodes[after], ',') || isWord(nodes[after], 'FROM'));
    if (!item) return undefined;
    const query = wholeQuery(nodes, context);
    return hasConnectBy(query) ? { query, end: index + 1 } : undefined;
  },
  rewrite: (match) => `* EXCLUDE (${starExclusions(hierarchyCalls(match.query).values())})`,
};

export const connectByRules: SequenceRule[] = [hierarchyRule, sysConnectByPathRule, connectByRootRule, hierarchyStarRule] as SequenceRule[];
