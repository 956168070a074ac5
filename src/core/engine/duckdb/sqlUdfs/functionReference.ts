import { readQualifiedName, unquoteIdentifier } from '../../../sql/identifiers';
import { isGroup, isWord, nextSignificant, nodesText, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree, SqlNode } from '../../../sql/tokenTree';
import { readTypeSpan } from '../../../sql/typeSpan';

// A function named by its signature, as DROP FUNCTION, DESCRIBE FUNCTION and GET_DDL name
// one: `name(type, …)`, optionally qualified (https://docs.snowflake.com/en/sql-reference/sql/drop-function).
// Snowflake tells overloads apart by their argument types, so the types are part of the name.

export interface FunctionReference {
  /** Snowflake values: unquoted upper-cased, quoted exact. */
  nameParts: string[];
  /** Upper-cased types as written (`NUMBER(10,2)`, `VARCHAR`). */
  types: string[];
}

/** `db.sch.f(NUMBER, VARCHAR)` at nodes[at]; undefined when the text there is no such reference. */
export function readFunctionReference(nodes: SqlNode[], at: number): { reference: FunctionReference; end: number } | undefined {
  const name = readQualifiedName(nodes, at);
  if (!name || name.parts.length > 3) return undefined;
  const listAt = nextSignificant(nodes, name.end);
  const list = nodes[listAt];
  if (!isGroup(list)) return undefined;
  const types: string[] = [];
  for (const part of splitAtCommas(list.children)) {
    const type = trimTrivia(part);
    if (type.length === 0) continue;
    const span = readTypeSpan(type, 0);
    if (!span || nextSignificant(type, span.end) < type.length) return undefined;
    types.push(nodesText(type.slice(span.start, span.end)).replace(/\s+/g, ' ').trim().toUpperCase());
  }
  return { reference: { nameParts: name.parts.map((part) => (part.startsWith('"') ? unquoteIdentifier(part) : part)), types }, end: listAt + 1 };
}

/** The reference in a text such as GET_DDL's second argument: `'add1(number)'`. */
export function parseFunctionReference(text: string): FunctionReference | undefined {
  const nodes = buildTokenTree(scanSql(text));
  const at = nextSignificant(nodes, 0);
  const read = readFunctionReference(nodes, at);
  return read && nextSignificant(nodes, read.end) === nodes.length ? read.reference : undefined;
}

/**
 * DROP FUNCTION [IF EXISTS] name(types), or undefined for any other statement. The reference is
 * missing when the statement names no signature (DuckDB would take `DROP FUNCTION f` itself).
 */
export function parseDropFunction(sql: string): { reference?: FunctionReference; ifExists: boolean } | undefined {
  const nodes = buildTokenTree(scanSql(sql.replace(/;\s*$/, '')));
  let i = nextSignificant(nodes, 0);
  if (!isWord(nodes[i], 'DROP')) return undefined;
  i = nextSignificant(nodes, i + 1);
  if (!isWord(nodes[i], 'FUNCTION')) return undefined;
  i = nextSignificant(nodes, i + 1);
  let ifExists = false;
  const afterIf = nextSignificant(nodes, i + 1);
  if (isWord(nodes[i], 'IF') && isWord(nodes[afterIf], 'EXISTS')) {
    ifExists = true;
    i = nextSignificant(nodes, afterIf + 1);
  }
  const read = readFunctionReference(nodes, i);
  if (!read || nextSignificant(nodes, read.end) < nodes.length) return { ifExists };
  return { reference: read.reference, ifExists };
}
