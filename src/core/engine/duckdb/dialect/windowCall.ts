import { isGroup, isWord, nextSignificant } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';

// A window function call as the window rules read it: `NAME(args) [IGNORE|RESPECT NULLS]
// [FROM FIRST|LAST] OVER (window)`. A named window (`OVER w`) is not one: DuckDB judges it.

export interface WindowCall {
  /** The call's argument list. */
  args: GroupNode;
  /** Where the window's bracket is in `nodes`. */
  overAt: number;
  over: GroupNode;
}

/** The window call starting at nodes[index], when its name is one of `names`. */
export function windowCallAt(nodes: SqlNode[], index: number, names: readonly string[]): WindowCall | undefined {
  if (!isWord(nodes[index], ...names)) return undefined;
  const argsAt = nextSignificant(nodes, index + 1);
  const args = nodes[argsAt];
  if (!isGroup(args)) return undefined;
  let at = nextSignificant(nodes, argsAt + 1);
  while (isWord(nodes[at], 'IGNORE', 'RESPECT', 'NULLS', 'FROM', 'FIRST', 'LAST')) at = nextSignificant(nodes, at + 1);
  if (!isWord(nodes[at], 'OVER')) return undefined;
  const overAt = nextSignificant(nodes, at + 1);
  const over = nodes[overAt];
  return isGroup(over) ? { args: args as GroupNode, overAt, over: over as GroupNode } : undefined;
}
