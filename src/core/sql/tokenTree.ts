import { SqlToken } from './tokens';

// Brackets turn a flat token list into a tree, so that "top-level comma" or "the argument
// list of this call" is a question about one node's children instead of a depth counter
// re-implemented in every parser.

export interface TokenNode {
  type: 'token';
  token: SqlToken;
}

export interface GroupNode {
  type: 'group';
  /** `(`, `[` or `{` */
  open: SqlToken;
  children: SqlNode[];
  /** Missing when the text ends before the bracket is closed. */
  close?: SqlToken;
}

export type SqlNode = TokenNode | GroupNode;

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export function buildTokenTree(tokens: SqlToken[]): SqlNode[] {
  const root: SqlNode[] = [];
  const stack: GroupNode[] = [];
  const current = (): SqlNode[] => (stack.length ? stack[stack.length - 1].children : root);

  for (const token of tokens) {
    if (token.kind === 'punct' && token.text in CLOSER) {
      const group: GroupNode = { type: 'group', open: token, children: [] };
      current().push(group);
      stack.push(group);
    } else if (token.kind === 'punct' && stack.length && CLOSER[stack[stack.length - 1].open.text] === token.text) {
      const group = stack.pop()!;
      group.close = token;
    } else {
      // A stray closer stays a plain token: the text is wrong, but we still keep every character.
      current().push({ type: 'token', token });
    }
  }
  return root;
}
