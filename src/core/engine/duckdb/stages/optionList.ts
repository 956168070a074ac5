import { unquoteStringLiteral } from '../../../sql/literals';
import { isGroup, isPunct, isTokenOf, nextSignificant, nodesText } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { compilationError } from '../../sqlError';

// Snowflake's option lists, the same in COPY, CREATE FILE FORMAT, CREATE STAGE, PUT and in a
// staged query's `(FILE_FORMAT => 'f', PATTERN => '…')`: `KEY = value` pairs separated by
// white space or commas, a value being a string, a word (TRUE, CSV, NONE), a number, or a
// bracketed list of strings (NULL_IF = ('\N', 'NULL')). FILE_FORMAT = ( … ) nests a list;
// callers read that group's children with the same reader.

export type OptionValue = { text: string; quoted: boolean } | string[];

export interface OptionPair {
  /** Upper case. */
  key: string;
  /** The value node as written (a group for lists and nested option lists). */
  value: SqlNode;
}

/**
 * The `KEY = value` pairs of nodes[from…], up to `stop` (a node index test) or the end.
 * Returns the pairs and the index where reading stopped.
 */
export function readOptionPairs(nodes: SqlNode[], from: number, where: string, stop: (i: number) => boolean = () => false): { pairs: OptionPair[]; end: number } {
  const pairs: OptionPair[] = [];
  let i = nextSignificant(nodes, from);
  while (i < nodes.length && !stop(i)) {
    if (isPunct(nodes[i], ',')) {
      i = nextSignificant(nodes, i + 1);
      continue;
    }
    const keyNode = nodes[i];
    const arrow = nextSignificant(nodes, i + 1);
    if (!isTokenOf(keyNode, 'word') || !isPunct(nodes[arrow], '=', '=>')) {
      throw compilationError(`${where}: expected an option as KEY = value, found ${describeNode(keyNode)}.`);
    }
    const valueAt = nextSignificant(nodes, arrow + 1);
    const value = nodes[valueAt];
    const key = keyNode.token.text.toUpperCase();
    if (!value) throw compilationError(`${where}: option ${key} has no value.`);
    pairs.push({ key, value });
    i = nextSignificant(nodes, valueAt + 1);
  }
  return { pairs, end: i };
}

/** A value node as text (strings unquoted, words upper case) or a list of strings. */
export function optionValue(node: SqlNode, key: string, where: string): OptionValue {
  if (isTokenOf(node, 'string')) return { text: unquoteStringLiteral(node.token.text), quoted: true };
  if (isTokenOf(node, 'word') || isTokenOf(node, 'number') || isTokenOf(node, 'quotedIdent')) {
    return { text: isTokenOf(node, 'word') ? node.token.text.toUpperCase() : node.token.text, quoted: false };
  }
  if (isGroup(node)) {
    return node.children.filter((child) => isTokenOf(child, 'string')).map((child) => unquoteStringLiteral((child as { token: { text: string } }).token.text));
  }
  throw compilationError(`${where}: option ${key} has an unexpected value ${describeNode(node)}.`);
}

/** The value's text: a list's first string. */
export function optionText(value: OptionValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[0] : value.text;
}

/** A TRUE/FALSE option (Snowpark writes Python's True/False; quotes are allowed). */
export function optionFlag(options: ReadonlyMap<string, OptionValue>, key: string, fallback: boolean): boolean {
  const value = optionText(options.get(key));
  if (value === undefined) return fallback;
  const upper = value.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  throw compilationError(`Option ${key} expects TRUE or FALSE, not '${value}'.`);
}

export function describeNode(node: SqlNode | undefined): string {
  if (!node) return 'the end of the statement';
  return `'${nodesText([node]).slice(0, 40)}'`;
}
