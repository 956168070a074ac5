import { isGroup, isWord, nextSignificant, splitAtCommas, nodesText, trimTrivia } from '../../../sql/nodes';
import { numberAt, optionValueAt } from './sequenceOptions';
import { SqlNode } from '../../../sql/tokenTree';

// Snowflake's `AUTOINCREMENT` / `IDENTITY` column property: `[(start, step) | START n
// INCREMENT n] [ORDER | NOORDER]`. DuckDB has sequences but no such property, so the column
// gets `DEFAULT nextval('…')` on a sequence created just before the table, beside it (DuckDB
// binds a default in its table's schema). The sequence is named after the table and column,
// so the same CREATE always names the same sequence.

/** A prefix no user object has, so SHOW SEQUENCES can leave these out. */
export const IDENTITY_SEQUENCE_PREFIX = 'snowpark_local_identity_';

export interface IdentityProperty {
  start: string;
  step: string;
  /** Where the property's nodes begin and end in the column definition's rest. */
  from: number;
  to: number;
}

/** The AUTOINCREMENT/IDENTITY property in the nodes after a column's type, if any. */
export function readIdentityProperty(rest: SqlNode[]): IdentityProperty | undefined {
  const from = rest.findIndex((node) => isWord(node, 'AUTOINCREMENT', 'IDENTITY'));
  if (from < 0) return undefined;
  let start = '1';
  let step = '1';
  let at = nextSignificant(rest, from + 1);
  let to = from + 1;
  const group = rest[at];
  if (isGroup(group)) {
    const parts = splitAtCommas(group.children).map((part) => nodesText(trimTrivia(part)));
    if (parts.length === 2) [start, step] = parts;
    to = at + 1;
  } else {
    for (;;) {
      const word = rest[at];
      if (!isWord(word, 'START', 'INCREMENT')) break;
      const value = numberAt(rest, optionValueAt(rest, at));
      if (!value) break;
      if (isWord(word, 'START')) start = value.text;
      else step = value.text;
      to = value.end;
      at = nextSignificant(rest, to);
    }
  }
  at = nextSignificant(rest, to);
  if (isWord(rest[at], 'ORDER', 'NOORDER')) to = at + 1;
  return { start, step, from, to };
}

/** The identity sequence's own name (DuckDB binds a default in its table's schema, so unqualified). */
export function identitySequenceName(table: string, column: string): string {
  return `${IDENTITY_SEQUENCE_PREFIX}${table}_${column}`.replace(/[^A-Za-z0-9_$]/g, '_');
}
