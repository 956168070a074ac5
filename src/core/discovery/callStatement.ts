import { normaliseIdentifierPart, readQualifiedName } from '../sql/identifiers';
import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodesText, splitAtCommas, trimTrivia } from '../sql/nodes';
import { scanSql } from '../sql/scanSql';
import { SqlStatement } from '../sql/splitStatements';
import { buildTokenTree } from '../sql/tokenTree';

export interface CallStatement {
  /** Normalised like ProcedureDefinition.name, so the two compare with ===. */
  name: string;
  /** Each argument expression's source text, in order (without `name =>` for named arguments). */
  argSql: string[];
  /** Present only for `CALL p(a => 1, b => 'x')`: name normalised like ProcedureArgument.name → expression. */
  namedArgs?: Record<string, string>;
}

/** Parses `CALL name(arg, ...)`; anything after the argument list (`INTO :x`) is ignored. */
export function parseCall(statement: Pick<SqlStatement, 'text'>): CallStatement | undefined {
  const nodes = buildTokenTree(scanSql(statement.text));
  const callAt = nextSignificant(nodes, 0);
  if (!isWord(nodes[callAt], 'CALL')) return undefined;
  const name = readQualifiedName(nodes, nextSignificant(nodes, callAt + 1));
  if (!name) return undefined;
  const argList = nodes[nextSignificant(nodes, name.end)];
  if (!isGroup(argList)) return { name: name.name, argSql: [] };

  const argSql: string[] = [];
  const namedArgs: Record<string, string> = {};
  for (const part of splitAtCommas(argList.children)) {
    const argument = trimTrivia(part);
    const arrow = nextSignificant(argument, 1);
    const first = argument[0];
    if ((isTokenOf(first, 'word') || isTokenOf(first, 'quotedIdent')) && isPunct(argument[arrow], '=>')) {
      const expression = nodesText(trimTrivia(argument.slice(arrow + 1)));
      namedArgs[normaliseIdentifierPart(first.token)] = expression;
      argSql.push(expression);
    } else {
      argSql.push(nodesText(argument));
    }
  }
  return Object.keys(namedArgs).length ? { name: name.name, argSql, namedArgs } : { name: name.name, argSql };
}
