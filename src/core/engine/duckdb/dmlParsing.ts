import { isGroup, isPunct, isTokenOf, isTrivia, isWord, nodeStart, nodeText, previousSignificant, significantNodes, splitAtCommas, trimTrivia } from '../../sql/nodes';
import { SqlNode } from '../../sql/tokenTree';

// Shared pieces for reading an UPDATE or MERGE statement (already in DuckDB's dialect) at
// its top level, so the engine can count rows the way Snowflake does and can drop the
// `t.` in `SET t.c = …`, which Snowflake accepts and DuckDB rejects.

/**
 * A piece of SQL with the positional `?` binds it holds (as indexes into the statement's
 * binds). Count queries put pieces in another order than the statement; carrying the binds
 * with each piece keeps `?` and value paired whatever the order.
 */
export interface Fragment {
  text: string;
  binds: number[];
}

export function fragment(nodes: SqlNode[], bindIndex: Map<SqlNode, number>): Fragment {
  const binds: number[] = [];
  // Every marker becomes `?` with its value index beside it: `$2` cannot stand alone in a
  // count query that has no `$1`, and `?` cannot keep its place when pieces are reordered.
  const render = (node: SqlNode): string => {
    if (node.type === 'group') return node.open.text + node.children.map(render).join('') + (node.close?.text ?? '');
    const index = bindIndex.get(node);
    if (index === undefined) return node.token.text;
    binds.push(index);
    return '?';
  };
  const text = trimTrivia(nodes).map(render).join('');
  return { text, binds };
}

/** Joins literal SQL and fragments, in order: `sql\`SELECT ${a} FROM ${b}\``. */
export function sql(strings: TemplateStringsArray, ...parts: Fragment[]): Fragment {
  let text = strings[0];
  const binds: number[] = [];
  parts.forEach((part, i) => {
    text += part.text + strings[i + 1];
    binds.push(...part.binds);
  });
  return { text, binds };
}

export function joinFragments(parts: Fragment[], separator: string): Fragment {
  return { text: parts.map((part) => part.text).join(separator), binds: parts.flatMap((part) => part.binds) };
}

/** The value index of every bind marker: `?` in reading order, `$N` (from `:N`) as N - 1. */
export function numberBinds(nodes: SqlNode[]): Map<SqlNode, number> {
  const index = new Map<SqlNode, number>();
  let questionMarks = 0;
  const visit = (list: SqlNode[]): void => {
    for (const node of list) {
      if (node.type === 'group') visit(node.children);
      else if (isPunct(node, '?')) index.set(node, questionMarks++);
      else if (isTokenOf(node, 'word') && /^\$[1-9][0-9]*$/.test(node.token.text)) index.set(node, Number(node.token.text.slice(1)) - 1);
    }
  };
  visit(nodes);
  return index;
}

/**
 * Index of the next top-level keyword among `words` at or after `from`, skipping the words
 * inside CASE … END (whose WHEN/THEN are not clause keywords) and `IS DISTINCT FROM`.
 */
export function findKeyword(nodes: SqlNode[], from: number, words: readonly string[]): number {
  let caseDepth = 0;
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i];
    if (isWord(node, 'CASE')) caseDepth++;
    else if (isWord(node, 'END') && caseDepth > 0) caseDepth--;
    else if (caseDepth === 0 && isWord(node, ...words)) {
      if (isWord(node, 'FROM') && isWord(nodes[previousSignificant(nodes, i - 1)], 'DISTINCT')) continue;
      return i;
    }
  }
  return nodes.length;
}

/** A table reference `name [[AS] alias]`: the name columns are qualified with, for rowid. */
export function referenceName(nodes: SqlNode[]): string {
  const parts = significantNodes(nodes);
  const last = parts[parts.length - 1];
  const beforeLast = parts[parts.length - 2];
  // `db.s.t` ends in a name part after a dot; `t AS x` and `t x` end in an alias.
  if (parts.length >= 2 && !isPunct(beforeLast, '.')) return nodeText(last);
  return last ? nodeText(last) : '';
}

/** A text edit on the statement: replace [start, end) with `text`. Offsets are into the statement. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(statement: string, edits: Edit[]): string {
  let out = statement;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * `SET t.c = …, s.t.d = …`: edits that keep only the column name before each `=`, since
 * the target of an assignment can only be the target table's column anyway.
 */
export function assignmentQualifierEdits(setList: SqlNode[]): Edit[] {
  const edits: Edit[] = [];
  for (const item of splitAtCommas(setList)) {
    const equals = item.findIndex((node) => isPunct(node, '='));
    if (equals < 0) continue;
    edits.push(...qualifierEdit(item.slice(0, equals)));
  }
  return edits;
}

/** `INSERT (t.a, t.b)`: the same for the column list of a MERGE insert. */
export function columnListQualifierEdits(list: SqlNode | undefined): Edit[] {
  if (!isGroup(list)) return [];
  return splitAtCommas(list.children).flatMap((item) => qualifierEdit(item));
}

function qualifierEdit(nameNodes: SqlNode[]): Edit[] {
  const parts = significantNodes(nameNodes);
  if (parts.length < 3 || !parts.every((part, i) => (i % 2 === 1 ? isPunct(part, '.') : isTokenOf(part, 'word') || isTokenOf(part, 'quotedIdent')))) return [];
  const column = parts[parts.length - 1];
  return [{ start: nodeStart(parts[0]), end: nodeStart(column), text: '' }];
}

/** The nodes of one statement without a trailing `;` and the trivia around it. */
export function singleStatement(nodes: SqlNode[]): SqlNode[] | undefined {
  let end = nodes.length;
  while (end > 0 && (isTrivia(nodes[end - 1]) || isPunct(nodes[end - 1], ';'))) end--;
  const body = nodes.slice(0, end);
  if (body.some((node) => isPunct(node, ';'))) return undefined;
  return body;
}
