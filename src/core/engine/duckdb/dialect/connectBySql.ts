import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodeText, significantNodes, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';

// The pieces of a CONNECT BY query (docs: sql-reference/constructs/connect-by) and the DuckDB
// recursive CTE that computes its rows. The hierarchy becomes a FROM subquery that shows the
// source's columns, LEVEL, and one helper column per SYS_CONNECT_BY_PATH call and per
// CONNECT_BY_ROOT operand of the query; those calls are named by their text (helperName), so
// the rules that meet them anywhere in the query (connectByRule.ts) name the same column.

export const HELPER_PREFIX = '__snowpark_local_cb_';
export const LEVEL_COLUMN = '"LEVEL"';

/** Words that end the CONNECT BY / START WITH clauses: the rest of the query. */
export const QUERY_CLAUSES = ['GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'MINUS', 'WINDOW'];

/** A helper column named after the text of what it computes: the same text always gives the same name. */
export function helperName(kind: 'path' | 'root', nodes: SqlNode[]): string {
  const text = significantNodes(nodes).map(nodeText).join(' ').toUpperCase();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${HELPER_PREFIX}${kind}_${hash.toString(36)}`;
}

/** `a`, `t.a`, `"A"`: the nodes of a column reference starting at nodes[at], or undefined. */
export function columnReferenceAt(nodes: SqlNode[], at: number): { parts: SqlNode[]; end: number } | undefined {
  const parts: SqlNode[] = [];
  let i = at;
  for (;;) {
    if (!isTokenOf(nodes[i], 'word') && !isTokenOf(nodes[i], 'quotedIdent')) return undefined;
    parts.push(nodes[i]);
    const dot = nextSignificant(nodes, i + 1);
    if (!isPunct(nodes[dot], '.')) return { parts, end: i + 1 };
    parts.push(nodes[dot]);
    i = nextSignificant(nodes, dot + 1);
  }
}

export interface HierarchyCall {
  name: string;
  /** SYS_CONNECT_BY_PATH's column and separator, or CONNECT_BY_ROOT's operand. */
  value: SqlNode[];
  separator?: SqlNode[];
}

/** Every SYS_CONNECT_BY_PATH(…) and CONNECT_BY_ROOT x of a query, at any depth, each once. */
export function hierarchyCalls(nodes: SqlNode[], found = new Map<string, HierarchyCall>()): Map<string, HierarchyCall> {
  nodes.forEach((node, i) => {
    if (node.type === 'group') hierarchyCalls(node.children, found);
    const next = nextSignificant(nodes, i + 1);
    const args = nodes[next];
    if (isWord(node, 'SYS_CONNECT_BY_PATH') && isGroup(args)) {
      const [value, separator] = splitAtCommas(args.children).map(trimTrivia);
      found.set(helperName('path', args.children), { name: helperName('path', args.children), value: value ?? [], separator: separator ?? [] });
    }
    const operand = isWord(node, 'CONNECT_BY_ROOT') ? columnReferenceAt(nodes, next) : undefined;
    if (operand) found.set(helperName('root', operand.parts), { name: helperName('root', operand.parts), value: operand.parts });
  });
  return found;
}

/** One `child_column = parent_column` pair of the CONNECT BY condition, as column names. */
export interface ParentLink {
  child: string;
  parent: string;
}

/**
 * `manager_id = PRIOR employee_id AND …` (or `,` between them): each pair names one column
 * of the row and, after PRIOR, one of its parent row. Undefined with the reason otherwise.
 */
export function parentLinks(condition: SqlNode[]): ParentLink[] | string {
  const conjuncts: SqlNode[][] = [[]];
  for (const node of condition) {
    if (isWord(node, 'AND') || isPunct(node, ',')) conjuncts.push([]);
    else conjuncts[conjuncts.length - 1].push(node);
  }
  const links: ParentLink[] = [];
  for (const conjunct of conjuncts) {
    const parts = significantNodes(conjunct);
    const equals = parts.findIndex((part) => isPunct(part, '='));
    const sides = [parts.slice(0, equals), parts.slice(equals + 1)];
    const prior = sides.map((side) => isWord(side[0], 'PRIOR'));
    if (equals < 0 || prior[0] === prior[1] || parts.filter((part) => isWord(part, 'PRIOR')).length !== 1) {
      return 'Each CONNECT BY condition must be `column = PRIOR column` (or `PRIOR column = column`), with exactly one PRIOR';
    }
    const columns = sides.map((side, i) => {
      const reference = columnReferenceAt(side, prior[i] ? 1 : 0);
      return reference && reference.end === side.length ? nodeText(reference.parts[reference.parts.length - 1]) : undefined;
    });
    if (columns[0] === undefined || columns[1] === undefined) return 'Snowpark Local supports CONNECT BY conditions on columns only ([PRIOR] column = [PRIOR] column)';
    links.push(prior[0] ? { parent: columns[0], child: columns[1] } : { child: columns[0], parent: columns[1] });
  }
  return links;
}

export interface HierarchySql {
  /** The FROM item's text before its alias (translated). */
  source: string;
  /** The alias the source needs in the CTE (a subquery written without one), or ''. */
  sourceAlias: string;
  /** The name the query's columns are qualified by: the source's alias or table name. */
  qualifier: string;
  /** START WITH, translated; undefined: every row is a root. */
  startWith?: string;
  links: ParentLink[];
  noCycle: boolean;
  /** Translated value / separator texts of each helper column. */
  calls: Array<{ name: string; value: string; separator?: string }>;
}

const CYCLE_MESSAGE = 'CONNECT BY found a loop in the hierarchy: a row is its own ancestor. Snowpark Local stops here; add NOCYCLE to leave out the row that closes the loop';

/**
 * The FROM item computing the hierarchy: a recursive CTE over the source's rows, numbered so
 * that a path can tell a row it has passed already (a loop would otherwise recurse forever).
 */
export function hierarchySubquery(h: HierarchySql): string {
  const H = HELPER_PREFIX;
  const paths = h.calls.filter((call) => call.separator !== undefined);
  const roots = h.calls.filter((call) => call.separator === undefined);
  const nodeColumns = [
    `row_number() OVER () AS ${H}row`,
    `(${h.startWith ?? 'TRUE'}) IS TRUE AS ${H}start`,
    ...paths.map((call) => `COALESCE(CAST(${call.value} AS VARCHAR), '') AS ${call.name}_value`),
    ...roots.map((call) => `${call.value} AS ${call.name}_value`),
  ];
  const on = h.links.map((link) => `${H}child.${link.child} = ${H}parent.${link.parent}`);
  const seen = `list_contains(${H}parent.${H}trail, ${H}child.${H}row)`;
  const trail = `list_append(${H}parent.${H}trail, ${H}child.${H}row)`;
  if (h.noCycle) on.push(`NOT ${seen}`);
  const anchor = [`1 AS ${H}level`, `[${H}row] AS ${H}trail`, ...paths.map((c) => `${c.separator} || ${c.name}_value AS ${c.name}`), ...roots.map((c) => `${c.name}_value AS ${c.name}`)];
  const step = [
    `${H}parent.${H}level + 1`,
    h.noCycle ? trail : `CASE WHEN ${seen} THEN error('${CYCLE_MESSAGE}') ELSE ${trail} END`,
    ...paths.map((c) => `${H}parent.${c.name} || ${c.separator} || ${H}child.${c.name}_value`),
    ...roots.map((c) => `${H}parent.${c.name}`),
  ];
  const hidden = [`${H}row`, `${H}start`, `${H}trail`, `${H}level`, ...h.calls.map((call) => `${call.name}_value`)];
  return (
    `(WITH RECURSIVE ${H}nodes AS MATERIALIZED (SELECT ${h.qualifier}.*, ${nodeColumns.join(', ')} FROM ${h.source}${h.sourceAlias}), ` +
    `${H}tree AS (SELECT *, ${anchor.join(', ')} FROM ${H}nodes WHERE ${H}start ` +
    `UNION ALL SELECT ${H}child.*, ${step.join(', ')} FROM ${H}tree AS ${H}parent JOIN ${H}nodes AS ${H}child ON ${on.join(' AND ')}) ` +
    `SELECT * EXCLUDE (${hidden.join(', ')}), ${H}level AS ${LEVEL_COLUMN} FROM ${H}tree) AS ${h.qualifier}`
  );
}

/** The columns a `*` of the query must leave out: LEVEL and the helper columns. */
export function starExclusions(calls: Iterable<HierarchyCall>): string {
  return [LEVEL_COLUMN, ...[...calls].map((call) => call.name)].join(', ');
}
