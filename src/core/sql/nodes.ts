import { GroupNode, SqlNode, TokenNode } from './tokenTree';
import { SqlToken, SqlTokenKind, isTriviaToken, upperText } from './tokens';

/** A token node known to be of kind K. A failed check does not narrow a node away from TokenNode. */
export type TokenNodeOf<K extends SqlTokenKind> = TokenNode & { token: SqlToken & { kind: K } };

// Small questions every parser asks about a node list.

export function isTrivia(node: SqlNode | undefined): boolean {
  return node?.type === 'token' && isTriviaToken(node.token);
}

export function isGroup(node: SqlNode | undefined, open = '('): node is GroupNode {
  return node?.type === 'group' && node.open.text === open;
}

export function isTokenOf<K extends SqlTokenKind>(node: SqlNode | undefined, kind: K): node is TokenNodeOf<K> {
  return node?.type === 'token' && node.token.kind === kind;
}

/** True for an unquoted word equal (case-insensitively) to one of `upperWords`. */
export function isWord(node: SqlNode | undefined, ...upperWords: string[]): node is TokenNodeOf<'word'> {
  if (!isTokenOf(node, 'word')) return false;
  // The token keeps its upper-cased text (upperText): asked of nearly every word, a copy per
  // ask was a large share of what the translator allocated.
  return upperWords.length === 0 || upperWords.includes(upperText(node.token));
}

/** True for an unquoted word whose upper-cased text is in `upperWords`: one lookup for long lists. */
export function isWordIn(node: SqlNode | undefined, upperWords: ReadonlySet<string>): node is TokenNodeOf<'word'> {
  return isTokenOf(node, 'word') && upperWords.has(upperText(node.token));
}

export function isPunct(node: SqlNode | undefined, ...texts: string[]): node is TokenNodeOf<'punct'> {
  return isTokenOf(node, 'punct') && (texts.length === 0 || texts.includes(node.token.text));
}

/** Index of the first non-trivia node at or after `from`, or nodes.length. */
export function nextSignificant(nodes: SqlNode[], from: number): number {
  let i = from;
  while (i < nodes.length && isTrivia(nodes[i])) i++;
  return i;
}

/** The index after `IF [NOT] EXISTS` starting at nodes[at] (`CREATE TABLE IF NOT EXISTS t`), or `at` when none is there. */
export function skipIfExists(nodes: SqlNode[], at: number): number {
  if (!isWord(nodes[at], 'IF')) return at;
  let next = nextSignificant(nodes, at + 1);
  if (isWord(nodes[next], 'NOT')) next = nextSignificant(nodes, next + 1);
  return isWord(nodes[next], 'EXISTS') ? nextSignificant(nodes, next + 1) : at;
}

/** The index after `IF NOT EXISTS` at nodes[at] (CREATE's form), or `at` when it is not there. */
export function skipIfNotExists(nodes: SqlNode[], at: number): number {
  const not = nextSignificant(nodes, at + 1);
  const exists = nextSignificant(nodes, not + 1);
  return isWord(nodes[at], 'IF') && isWord(nodes[not], 'NOT') && isWord(nodes[exists], 'EXISTS') ? nextSignificant(nodes, exists + 1) : at;
}

/** Index of the last non-trivia node at or before `from`, or -1. */
export function previousSignificant(nodes: SqlNode[], from: number): number {
  let i = from;
  while (i >= 0 && isTrivia(nodes[i])) i--;
  return i;
}

export function significantNodes(nodes: SqlNode[]): SqlNode[] {
  return nodes.filter((node) => !isTrivia(node));
}

/** Drops leading and trailing whitespace/comments. */
export function trimTrivia(nodes: SqlNode[]): SqlNode[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isTrivia(nodes[start])) start++;
  while (end > start && isTrivia(nodes[end - 1])) end--;
  return nodes.slice(start, end);
}

/** Splits at commas that are not inside any bracket. `()` gives `[]`; `(a,)` gives `[[a], []]`. */
export function splitAtCommas(nodes: SqlNode[]): SqlNode[][] {
  if (nodes.every(isTrivia)) return [];
  const parts: SqlNode[][] = [[]];
  for (const node of nodes) {
    if (isPunct(node, ',')) parts.push([]);
    else parts[parts.length - 1].push(node);
  }
  return parts;
}

/** The exact source text of the nodes, comments and all. */
export function nodesText(nodes: SqlNode[]): string {
  let text = '';
  for (const node of nodes) text += nodeText(node);
  return text;
}

export function nodeText(node: SqlNode): string {
  if (node.type === 'token') return node.token.text;
  return node.open.text + nodesText(node.children) + (node.close?.text ?? '');
}

export function nodeStart(node: SqlNode): number {
  return node.type === 'token' ? node.token.start : node.open.start;
}

export function nodeEnd(node: SqlNode): number {
  if (node.type === 'token') return node.token.end;
  if (node.close) return node.close.end;
  const last = node.children[node.children.length - 1];
  return last ? nodeEnd(last) : node.open.end;
}
