import { SqlToken } from './tokens';
import { SqlNode } from './tokenTree';
import { isPunct, isTokenOf, nextSignificant } from './nodes';

// Snowflake folds unquoted identifiers to upper case and keeps quoted ones exactly.
// Normalising both the same way lets `call MyProc()` find `create procedure myproc`.

const PLAIN_UPPER_IDENTIFIER = /^[A-Z_][A-Z0-9_$]*$/;

/** `"say ""hi"""` → `say "hi"` */
export function unquoteIdentifier(quoted: string): string {
  const inner = quoted.startsWith('"') ? quoted.slice(1, quoted.endsWith('"') && quoted.length > 1 ? -1 : undefined) : quoted;
  return inner.replace(/""/g, '"');
}

/** The name Snowflake resolves: the upper-cased word, or the quoted text as written. */
export function identifierValue(token: SqlToken): string {
  return token.kind === 'quotedIdent' ? unquoteIdentifier(token.text) : token.text.toUpperCase();
}

/**
 * One canonical spelling per object: unquoted parts upper-cased; quoted parts keep their
 * quotes unless quoting changes nothing (`"MYPROC"` is the same object as `myproc`).
 */
export function normaliseIdentifierPart(token: SqlToken): string {
  const value = identifierValue(token);
  if (token.kind !== 'quotedIdent' || PLAIN_UPPER_IDENTIFIER.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

export interface QualifiedName {
  /** Normalised parts joined with '.', e.g. `DB.SCHEMA."myProc"`. */
  name: string;
  parts: string[];
  /** Index just after the last node of the name. */
  end: number;
}

/** Reads `a`, `"a"`, `db.schema.a` starting at nodes[index] (which must be significant). */
export function readQualifiedName(nodes: SqlNode[], index: number): QualifiedName | undefined {
  const parts: string[] = [];
  let i = index;
  for (;;) {
    const node = nodes[i];
    if (!isTokenOf(node, 'word') && !isTokenOf(node, 'quotedIdent')) return undefined;
    parts.push(normaliseIdentifierPart(node.token));
    const dot = nextSignificant(nodes, i + 1);
    if (!isPunct(nodes[dot], '.')) return { name: parts.join('.'), parts, end: i + 1 };
    i = nextSignificant(nodes, dot + 1);
  }
}
