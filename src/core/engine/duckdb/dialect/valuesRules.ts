import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, previousSignificant, significantNodes, splitAtCommas } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';
import type { Translator } from './translator';

// A VALUES list used as a table. Snowflake names its columns COLUMN1, COLUMN2… and lets it stand
// in FROM without parentheses (`FROM VALUES (1, 'a'), (2, 'b')`); DuckDB wants parentheses and
// names the columns col0, col1…, so `SELECT column1 …` would not find them. Both forms become
// `(VALUES …) AS alias(column1, column2, …)`, keeping the user's alias and column names.

/** Words that may follow a FROM item and are not its alias. */
const CLAUSE_WORDS = new Set([
  'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FETCH', 'QUALIFY', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT',
  'MINUS', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'ASOF', 'ON', 'USING', 'SAMPLE', 'TABLESAMPLE',
  'LATERAL', 'PIVOT', 'UNPIVOT', 'MATCH_RECOGNIZE', 'CHANGES', 'AT', 'BEFORE', 'CONNECT', 'START', 'WHEN', 'SET',
]);

/** The alias this VALUES table gets when the user gave none; no query can name it. */
const UNNAMED_ALIAS = 'snowpark_local_values';

interface ValuesTableMatch extends SequenceMatch {
  /** The rows: `(1, 'a')` groups of a bare list, or the one `(VALUES …)` group. */
  rows: GroupNode[];
  parenthesised: boolean;
  alias?: string;
  /** The user's column list `(a, b)`, when written. */
  columnList?: GroupNode;
}

/** True when nodes[index] stands where a FROM or JOIN item starts. */
function inFromItemPosition(nodes: SqlNode[], index: number): boolean {
  return isWord(nodes[previousSignificant(nodes, index - 1)], 'FROM', 'JOIN');
}

/** The alias (and column list) of a table ending before `from`: `[AS] name [(c1, c2)]`. */
function readAlias(nodes: SqlNode[], from: number): Pick<ValuesTableMatch, 'end' | 'alias' | 'columnList'> {
  let at = nextSignificant(nodes, from);
  if (isWord(nodes[at], 'AS')) at = nextSignificant(nodes, at + 1);
  const name = nodes[at];
  const isName = isTokenOf(name, 'quotedIdent') || (isTokenOf(name, 'word') && !CLAUSE_WORDS.has(name.token.text.toUpperCase()));
  if (!isName) return { end: from };
  const afterName = nextSignificant(nodes, at + 1);
  const list = nodes[afterName];
  if (isGroup(list)) return { end: afterName + 1, alias: name.token.text, columnList: list };
  return { end: at + 1, alias: name.token.text };
}

/** The comma-separated `(…)` rows starting at nodes[from], and the index after the last. */
function readRows(nodes: SqlNode[], from: number): { rows: GroupNode[]; end: number } {
  const rows: GroupNode[] = [];
  let at = nextSignificant(nodes, from);
  let end = from;
  while (isGroup(nodes[at])) {
    rows.push(nodes[at] as GroupNode);
    end = at + 1;
    const comma = nextSignificant(nodes, end);
    if (!isPunct(nodes[comma], ',')) break;
    at = nextSignificant(nodes, comma + 1);
  }
  return { rows, end };
}

/** `(VALUES (…), …)`'s first row, when the group is a parenthesised VALUES list. */
function firstRowOfValuesGroup(group: SqlNode | undefined): GroupNode | undefined {
  if (!isGroup(group)) return undefined;
  const inner = significantNodes(group.children);
  return isWord(inner[0], 'VALUES') && isGroup(inner[1]) ? inner[1] : undefined;
}

function columnNames(firstRow: GroupNode): string {
  const count = splitAtCommas(firstRow.children).length;
  return `(${Array.from({ length: count }, (_, i) => `column${i + 1}`).join(', ')})`;
}

function rewriteValuesTable(match: ValuesTableMatch, translator: Translator, context: SequenceContext): string {
  const rows = match.rows.map((row) => translator.translateNode(row, context)).join(', ');
  const values = match.parenthesised ? rows : `(VALUES ${rows})`;
  const firstRow = match.parenthesised ? firstRowOfValuesGroup(match.rows[0])! : match.rows[0];
  const columns = match.columnList ? translator.translateNode(match.columnList, context) : columnNames(firstRow);
  return `${values} AS ${match.alias ?? UNNAMED_ALIAS}${columns}`;
}

/** `FROM VALUES (…), (…) [alias]`. */
const bareValuesTableRule: SequenceRule<ValuesTableMatch> = {
  kind: 'sequence',
  name: 'FROM VALUES without parentheses',
  triggers: ['VALUES'],
  why: 'Snowflake accepts a VALUES list as a FROM item without parentheses and names its columns COLUMN1…; DuckDB needs `(VALUES …) AS t(…)`.',
  match(nodes, index) {
    if (!isWord(nodes[index], 'VALUES') || !inFromItemPosition(nodes, index)) return undefined;
    const { rows, end } = readRows(nodes, index + 1);
    if (rows.length === 0) return undefined;
    return { ...readAlias(nodes, end), rows, parenthesised: false };
  },
  rewrite: rewriteValuesTable,
};

/** `FROM (VALUES (…), …) [alias]` without a column list. */
const unnamedValuesColumnsRule: SequenceRule<ValuesTableMatch> = {
  kind: 'sequence',
  name: 'VALUES table columns COLUMN1…',
  triggers: ['('],
  why: 'Snowflake names the columns of a VALUES table COLUMN1, COLUMN2…; DuckDB names them col0, col1….',
  match(nodes, index) {
    if (!firstRowOfValuesGroup(nodes[index]) || !inFromItemPosition(nodes, index)) return undefined;
    const alias = readAlias(nodes, index + 1);
    if (alias.columnList) return undefined; // the user named the columns
    return { ...alias, rows: [nodes[index] as GroupNode], parenthesised: true };
  },
  rewrite: rewriteValuesTable,
};

export const valuesRules = [bareValuesTableRule, unnamedValuesColumnsRule];
