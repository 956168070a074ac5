import { QualifiedName, readQualifiedName } from '../../sql/identifiers';
import { isGroup, isWord, nextSignificant, nodeText, splitAtCommas, trimTrivia } from '../../sql/nodes';
import { SqlNode } from '../../sql/tokenTree';
import { findKeyword } from './dmlParsing';

// Snowflake's multi-table INSERT (docs.snowflake.com/en/sql-reference/sql/insert-multi-table):
//   INSERT [OVERWRITE] ALL intoClause [ … ] <subquery>
//   INSERT [OVERWRITE] { FIRST | ALL } { WHEN <condition> THEN intoClause [ … ] } [ … ] [ ELSE intoClause [ … ] ] <subquery>
//   intoClause ::= INTO <table> [ ( <column> [ , … ] ) ] [ VALUES ( { <source column> | DEFAULT | NULL } [ , … ] ) ]
// Read from one statement's top-level nodes. The dialect reads it to give the subquery's
// columns Snowflake's names (which WHEN and VALUES refer to), the engine to run it.

export interface IntoClauseSyntax {
  table: QualifiedName;
  /** The column list as written, one trimmed item per column. */
  columns?: SqlNode[][];
  /** The VALUES list as written, one trimmed item per value. */
  values?: SqlNode[][];
}

export interface WhenClauseSyntax {
  /** The WHEN condition; none for an unconditional insert. */
  condition?: SqlNode[];
  intos: IntoClauseSyntax[];
}

export interface MultiTableInsertSyntax {
  overwrite: boolean;
  /** FIRST: a row runs only the first WHEN clause that holds. ALL: every one that holds. */
  first: boolean;
  clauses: WhenClauseSyntax[];
  /** The ELSE clause's INTOs, for rows no WHEN condition holds for. */
  otherwise: IntoClauseSyntax[];
  /** Index of the subquery's first node; the subquery runs to the end of the statement. */
  sourceAt: number;
}

/** What Snowflake's syntax error would say of a malformed one. */
export interface MultiTableInsertProblem {
  problem: string;
}

const SHAPE =
  'a multi-table INSERT is INSERT [OVERWRITE] ALL INTO … <subquery>, or INSERT [OVERWRITE] { FIRST | ALL } WHEN <condition> THEN INTO … [ELSE INTO …] <subquery>';

/**
 * The statement read as a multi-table INSERT; a problem when it starts like one (INSERT
 * [OVERWRITE] ALL|FIRST) but is malformed; undefined for any other statement.
 */
export function readMultiTableInsert(nodes: SqlNode[]): MultiTableInsertSyntax | MultiTableInsertProblem | undefined {
  let at = nextSignificant(nodes, 0);
  if (!isWord(nodes[at], 'INSERT')) return undefined;
  at = nextSignificant(nodes, at + 1);
  const overwrite = isWord(nodes[at], 'OVERWRITE');
  if (overwrite) at = nextSignificant(nodes, at + 1);
  if (!isWord(nodes[at], 'ALL', 'FIRST')) return undefined;
  const first = isWord(nodes[at], 'FIRST');
  at = nextSignificant(nodes, at + 1);
  const clauses: WhenClauseSyntax[] = [];
  let otherwise: IntoClauseSyntax[] = [];
  if (!isWord(nodes[at], 'WHEN')) {
    // Snowflake: FIRST without WHEN clauses is a syntax error.
    if (first) return unexpected(nodes, at);
    const intos = readIntoClauses(nodes, at);
    if ('problem' in intos) return intos;
    clauses.push({ intos: intos.intos });
    at = intos.end;
  } else {
    while (isWord(nodes[at], 'WHEN')) {
      const thenAt = findKeyword(nodes, at + 1, ['THEN']);
      const condition = trimTrivia(nodes.slice(at + 1, thenAt));
      if (thenAt >= nodes.length || !condition.length) return unexpected(nodes, thenAt);
      const intos = readIntoClauses(nodes, nextSignificant(nodes, thenAt + 1));
      if ('problem' in intos) return intos;
      clauses.push({ condition, intos: intos.intos });
      at = intos.end;
    }
    if (isWord(nodes[at], 'ELSE')) {
      const intos = readIntoClauses(nodes, nextSignificant(nodes, at + 1));
      if ('problem' in intos) return intos;
      otherwise = intos.intos;
      at = intos.end;
    }
  }
  if (!startsQuery(nodes[at])) return unexpected(nodes, at);
  return { overwrite, first, clauses, otherwise, sourceAt: at };
}

/** Where a multi-table INSERT's subquery starts; undefined for any other statement. */
export function multiTableInsertSourceAt(nodes: SqlNode[]): number | undefined {
  const read = readMultiTableInsert(nodes);
  return read && !('problem' in read) ? read.sourceAt : undefined;
}

/** One or more `INTO t [(cols)] [VALUES (…)]` from nodes[at] on. */
function readIntoClauses(nodes: SqlNode[], at: number): { intos: IntoClauseSyntax[]; end: number } | MultiTableInsertProblem {
  const intos: IntoClauseSyntax[] = [];
  while (isWord(nodes[at], 'INTO')) {
    const nameAt = nextSignificant(nodes, at + 1);
    const table = readQualifiedName(nodes, nameAt);
    if (!table) return unexpected(nodes, nameAt);
    const into: IntoClauseSyntax = { table };
    at = nextSignificant(nodes, table.end);
    const columns = nodes[at];
    // `INTO t (SELECT …)` would be the subquery, not a column list.
    if (isGroup(columns) && !startsQuery(columns)) {
      into.columns = listItems(columns.children);
      at = nextSignificant(nodes, at + 1);
    }
    if (isWord(nodes[at], 'VALUES')) {
      const values = nodes[nextSignificant(nodes, at + 1)];
      if (!isGroup(values)) return unexpected(nodes, nextSignificant(nodes, at + 1));
      into.values = listItems(values.children);
      at = nextSignificant(nodes, nextSignificant(nodes, at + 1) + 1);
    }
    if ([into.columns, into.values].some((list) => list?.some((item) => !item.length))) return { problem: `syntax error: an empty item in the list of INTO ${table.name}; ${SHAPE}` };
    intos.push(into);
  }
  return intos.length ? { intos, end: at } : unexpected(nodes, at);
}

function listItems(children: SqlNode[]): SqlNode[][] {
  return splitAtCommas(children).map(trimTrivia);
}

/** SELECT, WITH, or a bracketed query. */
function startsQuery(node: SqlNode | undefined): boolean {
  if (isWord(node, 'SELECT', 'WITH')) return true;
  return isGroup(node) && startsQuery(node.children[nextSignificant(node.children, 0)]);
}

function unexpected(nodes: SqlNode[], at: number): MultiTableInsertProblem {
  const node = nodes[at];
  const what = node ? `unexpected '${nodeText(node).slice(0, 40)}'` : 'unexpected end of statement';
  return { problem: `syntax error: ${what}; ${SHAPE}` };
}
