import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodeText, significantNodes, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';
import { Translator } from './translator';
import { apartSelectList } from './apartSelectLists';

// Snowflake's `left ASOF JOIN right MATCH_CONDITION (l.t >= r.t) [ON l.k = r.k [AND …] | USING (k, …)]`
// (docs: sql-reference/constructs/asof-join) pairs each left row with the closest right row
// the comparison allows, and keeps a left row without one, its right columns NULL. That is
// DuckDB's `ASOF LEFT JOIN right ON l.k = r.k AND l.t >= r.t`: the match condition becomes
// the join's one inequality, beside the ON equalities.

const MATCH_OPERATORS = ['>=', '<=', '>', '<'];
const COMPARISONS = [...MATCH_OPERATORS, '=', '<>', '!='];

/** Words that end an ASOF JOIN's ON condition: the next join or clause of the query. */
const ON_ENDS = ['WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'MINUS', 'WINDOW', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'ASOF', 'LATERAL', 'START', 'CONNECT'];

interface AsofMatch extends SequenceMatch {
  asof: SqlNode;
  right: SqlNode[];
  /** Undefined when MATCH_CONDITION is missing: the rewrite reports it. */
  condition?: GroupNode;
  on?: SqlNode[];
  using?: GroupNode;
  /** The select list of the query the join is in, as far as it can be seen from here. */
  query: SqlNode[];
}

/** Index of the first node at or after `from` that is one of the words, or nodes.length. */
function indexOfWord(nodes: SqlNode[], from: number, words: string[]): number {
  let at = from;
  while (at < nodes.length && !isWord(nodes[at], ...words) && !isPunct(nodes[at], ',', ';')) at++;
  return at;
}

/** The name the right table is referred to by: its alias, or the last part of its name. */
function rightTableName(right: SqlNode[]): string | undefined {
  const last = significantNodes(right).pop();
  return isTokenOf(last, 'word') || isTokenOf(last, 'quotedIdent') ? nodeText(last).toUpperCase() : undefined;
}

/** Splits at the top-level comparison operators: `[l.t, r.t]` and `['>=']` for `l.t >= r.t`. */
function splitAtComparisons(nodes: SqlNode[]): { operands: SqlNode[][]; operators: string[] } {
  const operands: SqlNode[][] = [[]];
  const operators: string[] = [];
  for (const node of nodes) {
    if (isPunct(node, ...COMPARISONS)) {
      operators.push(node.type === 'token' ? node.token.text : '');
      operands.push([]);
    } else operands[operands.length - 1].push(node);
  }
  return { operands, operators };
}

/** The ON condition's conjuncts; Snowflake allows only equalities joined by AND. */
function checkOnCondition(on: SqlNode[], translator: Translator): void {
  const conjuncts: SqlNode[][] = [[]];
  for (const node of on) {
    if (isWord(node, 'OR')) translator.fail('The ON clause of an ASOF JOIN cannot contain OR; only equality conditions joined by AND are allowed', node);
    if (isWord(node, 'AND')) conjuncts.push([]);
    else conjuncts[conjuncts.length - 1].push(node);
  }
  for (const conjunct of conjuncts) {
    const parts = significantNodes(conjunct);
    if (parts.length === 1 && isGroup(parts[0])) {
      checkOnCondition(parts[0].children, translator);
      continue;
    }
    const { operators } = splitAtComparisons(conjunct);
    if (operators.length !== 1 || operators[0] !== '=') {
      translator.fail('The ON clause of an ASOF JOIN must be equality conditions (=) joined by AND', conjunct.find((node) => !isTokenOf(node, 'whitespace')));
    }
  }
}

export const asofJoinRule: SequenceRule<AsofMatch> = {
  kind: 'sequence',
  name: 'ASOF JOIN',
  why: "Snowflake writes the closest-row condition as MATCH_CONDITION (…) and keeps unmatched left rows; DuckDB takes it inside ON of an ASOF LEFT JOIN.",
  triggers: ['ASOF'],
  match(nodes, index, context) {
    const join = nextSignificant(nodes, index + 1);
    if (!isWord(nodes[index], 'ASOF') || !isWord(nodes[join], 'JOIN')) return undefined;
    const keyword = indexOfWord(nodes, join + 1, ['MATCH_CONDITION', 'ON', 'USING', ...ON_ENDS]);
    const right = nodes.slice(join + 1, keyword);
    const query = selectListOf(nodes, index, context);
    const group = nextSignificant(nodes, keyword + 1);
    const condition = nodes[group];
    if (!isWord(nodes[keyword], 'MATCH_CONDITION') || !isGroup(condition)) return { asof: nodes[index], right, query, end: keyword };
    const match: AsofMatch = { asof: nodes[index], right, condition, query, end: group + 1 };
    const next = nextSignificant(nodes, group + 1);
    if (isWord(nodes[next], 'ON')) {
      const end = indexOfWord(nodes, next + 1, ON_ENDS);
      return { ...match, on: trimTrivia(nodes.slice(next + 1, end)), end };
    }
    const using = nodes[nextSignificant(nodes, next + 1)];
    if (isWord(nodes[next], 'USING') && isGroup(using)) return { ...match, using, end: nextSignificant(nodes, next + 1) + 1 };
    return match;
  },
  rewrite(match, translator, context) {
    const condition = match.condition ?? translator.fail('ASOF JOIN requires a MATCH_CONDITION (left_table.column <comparison> right_table.column) after the right table', match.asof);
    const inside = trimTrivia(condition.children);
    const { operands, operators } = splitAtComparisons(inside);
    if (operators.length !== 1 || operands.some((operand) => significantNodes(operand).length === 0)) {
      translator.fail('ASOF JOIN MATCH_CONDITION must be one comparison: left_table.column {>= | <= | > | <} right_table.column', condition);
    }
    if (!MATCH_OPERATORS.includes(operators[0])) {
      translator.fail(`The comparison operator '${operators[0]}' is not supported in an ASOF JOIN MATCH_CONDITION; use >=, <=, > or <`, condition);
    }
    // The page: "The order of tables is important in the condition. The left table must be named first."
    const rightName = rightTableName(match.right);
    const [leftOperand, rightOperand] = operands;
    if (rightName !== undefined && qualifiedPrefix(leftOperand)?.toUpperCase() === rightName && qualifiedPrefix(rightOperand)?.toUpperCase() !== rightName) {
      translator.fail('ASOF JOIN MATCH_CONDITION must name the left table\'s column first: MATCH_CONDITION (left_table.column <comparison> right_table.column)', condition);
    }
    const conditions = [translator.translateSequence(inside, context)];
    if (match.on) {
      checkOnCondition(match.on, translator);
      conditions.push(translator.translateSequence(match.on, context));
    }
    if (match.using) {
      if (selectsStar(match.query)) translator.fail('Snowpark Local cannot run ASOF JOIN … USING under SELECT * (the USING columns would show twice); name the columns, or write ON left_table.col = right_table.col', match.using);
      conditions.push(...usingEqualities(match.using, leftOperand, rightOperand, translator));
    }
    return `ASOF LEFT JOIN ${translator.translateSequence(trimTrivia(match.right), context)} ON ${conditions.join(' AND ')} `;
  },
};

/**
 * `USING (k)` is `ON l.k = r.k`, with the tables named as the match condition names them (so
 * not under `SELECT *`, which would show k twice where Snowflake shows it once).
 */
function usingEqualities(using: GroupNode, leftOperand: SqlNode[], rightOperand: SqlNode[], translator: Translator): string[] {
  const left = qualifiedPrefix(leftOperand);
  const right = qualifiedPrefix(rightOperand);
  if (left === undefined || right === undefined) {
    translator.fail('Snowpark Local needs ASOF JOIN … USING to name both tables in MATCH_CONDITION (left_table.column, right_table.column); or write ON left_table.col = right_table.col', using);
  }
  return splitAtCommas(using.children).map((column) => {
    const name = significantNodes(column).map(nodeText).join('');
    return `${left}.${name} = ${right}.${name}`;
  });
}

/** `t.col` → `t` as written (quotes kept); undefined when the operand is not qualified. */
function qualifiedPrefix(operand: SqlNode[]): string | undefined {
  const parts = significantNodes(operand);
  if (parts.length < 3 || !isPunct(parts[parts.length - 2], '.')) return undefined;
  return parts.slice(0, -2).map(nodeText).join('');
}

/** The select list of the query whose FROM clause holds nodes[index]: read back to its SELECT, or the list translated apart. */
function selectListOf(nodes: SqlNode[], index: number, context: SequenceContext): SqlNode[] {
  for (let at = index - 1; at >= 0; at--) if (isWord(nodes[at], 'SELECT')) return nodes.slice(at + 1, index);
  const apart = apartSelectList(context);
  return apart ? apart.nodes.slice(apart.start, apart.end) : [];
}

/** Whether a select list has a `*` or `t.*` item. */
function selectsStar(list: SqlNode[]): boolean {
  return splitAtCommas(list).some((item) => isPunct(significantNodes(item).pop(), '*'));
}
