import { identifierValue, readQualifiedName, unquoteIdentifier } from '../../../sql/identifiers';
import { unquoteDollarString, unquoteStringLiteral } from '../../../sql/literals';
import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, skipIfNotExists, nodesText, nodeText, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree, GroupNode, SqlNode } from '../../../sql/tokenTree';
import { readTypeSpan, typeText } from '../../../sql/typeSpan';
import { SqlError } from '../../sqlError';
import { UdfArgument, UdfDefinition, UdfReturns } from './udfDefinition';

// CREATE [OR REPLACE] [{TEMP|TEMPORARY}] [SECURE] FUNCTION [IF NOT EXISTS] name ([arg type
// [DEFAULT expr], …]) [COPY GRANTS] RETURNS {type [[NOT] NULL] | TABLE (col type, …)}
// [LANGUAGE lang] [{CALLED ON NULL INPUT | RETURNS NULL ON NULL INPUT | STRICT}]
// [{VOLATILE | IMMUTABLE}] [MEMOIZABLE] [COMMENT = '…'] AS {'body' | $$body$$}
// (https://docs.snowflake.com/en/sql-reference/sql/create-function), clauses in any order.
// Parsed from the token tree, so comments, quoted names and `$$` bodies never fool it.

export interface CreateFunctionStatement {
  /** The name's parts as Snowflake values (unquoted upper-cased, quoted exact). */
  nameParts: string[];
  orReplace: boolean;
  ifNotExists: boolean;
  temporary: boolean;
  /** Upper-cased; SQL when there is no LANGUAGE clause, as in Snowflake. */
  language: string;
  /** CREATE EXTERNAL FUNCTION: a remote service behind an API integration. */
  external: boolean;
  definition: Omit<UdfDefinition, 'createdOn'>;
}

const HEADER_MODIFIERS = ['TEMP', 'TEMPORARY', 'SECURE', 'EXTERNAL', 'AGGREGATE'];

/** The statement as a CREATE FUNCTION, undefined for any other statement; a broken one throws 001003. */
export function parseCreateFunction(sql: string, queryId: string): CreateFunctionStatement | undefined {
  const nodes = buildTokenTree(scanSql(sql.replace(/;\s*$/, '')));
  let i = nextSignificant(nodes, 0);
  if (!isWord(nodes[i], 'CREATE')) return undefined;
  i = nextSignificant(nodes, i + 1);
  let orReplace = false;
  if (isWord(nodes[i], 'OR')) {
    const what = nextSignificant(nodes, i + 1);
    // CREATE OR ALTER FUNCTION replaces the function's definition, as OR REPLACE does.
    if (!isWord(nodes[what], 'REPLACE', 'ALTER')) return undefined;
    orReplace = true;
    i = nextSignificant(nodes, what + 1);
  }
  const modifiers = new Set<string>();
  while (isWord(nodes[i], ...HEADER_MODIFIERS)) {
    modifiers.add(nodeText(nodes[i]).toUpperCase());
    i = nextSignificant(nodes, i + 1);
  }
  if (!isWord(nodes[i], 'FUNCTION')) return undefined;
  i = nextSignificant(nodes, i + 1);
  const fail = (what: string): never => {
    throw new SqlError('001003', '42000', `SQL compilation error:\nsyntax error in CREATE FUNCTION: ${what}.`, queryId);
  };

  const afterIfNotExists = skipIfNotExists(nodes, i);
  const ifNotExists = afterIfNotExists !== i;
  i = afterIfNotExists;
  const name = readQualifiedName(nodes, i);
  if (!name || name.parts.length > 3) return fail('a function name (name, schema.name or database.schema.name) must follow FUNCTION');
  const argsAt = nextSignificant(nodes, name.end);
  const argList = nodes[argsAt];
  if (!isGroup(argList)) return fail(`the argument list in parentheses must follow ${name.name}`);

  const clauses = readClauses(nodes, argsAt + 1);
  const language = clauses.language ?? 'SQL';
  const statement = {
    nameParts: name.parts.map((part) => (part.startsWith('"') ? unquoteIdentifier(part) : part)),
    orReplace,
    ifNotExists,
    temporary: modifiers.has('TEMP') || modifiers.has('TEMPORARY'),
    language,
    external: modifiers.has('EXTERNAL') || modifiers.has('AGGREGATE'),
  };
  // Another language's clauses (HANDLER, PACKAGES, staged IMPORTS …) are not checked: the
  // caller refuses the language itself, with a message that says so.
  if (language !== 'SQL' || statement.external) return { ...statement, definition: emptyDefinition() };
  if (clauses.unexpected) return fail(`unexpected '${clauses.unexpected}'`);
  if (!clauses.returns) return fail('RETURNS <type> or RETURNS TABLE (…) is missing');
  if (clauses.body === undefined) return fail("the body (AS '<expression>' or AS $$ <expression> $$) is missing");
  return {
    ...statement,
    definition: {
      args: readArguments(argList, fail),
      returns: clauses.returns,
      body: clauses.body,
      secure: modifiers.has('SECURE'),
      strict: clauses.strict,
      volatility: clauses.volatility,
      memoizable: clauses.memoizable,
      comment: clauses.comment,
    },
  };
}

function emptyDefinition(): Omit<UdfDefinition, 'createdOn'> {
  return { args: [], returns: { kind: 'scalar', type: '', notNull: false }, body: '', secure: false, strict: false, volatility: 'VOLATILE', memoizable: false };
}

/** `(a INT, b NUMBER(10,2) DEFAULT 1.5)` */
function readArguments(group: GroupNode, fail: (what: string) => never): UdfArgument[] {
  const args: UdfArgument[] = [];
  for (const part of splitAtCommas(group.children)) {
    const nodes = trimTrivia(part);
    if (nodes.length === 0) {
      if (group.children.some((node) => isPunct(node, ','))) fail('an argument is missing between commas');
      continue;
    }
    const nameNode = nodes[0];
    if (!isTokenOf(nameNode, 'word') && !isTokenOf(nameNode, 'quotedIdent')) return fail(`'${nodesText(nodes)}' is not an argument name and type`);
    const type = readTypeSpan(nodes, nextSignificant(nodes, 1));
    if (!type) return fail(`argument ${nodeText(nameNode)} has no type`);
    const argument: UdfArgument = { name: identifierValue(nameNode.token), type: typeText(nodes.slice(type.start, type.end)) };
    const defaultAt = nextSignificant(nodes, type.end);
    if (isWord(nodes[defaultAt], 'DEFAULT')) {
      const value = nodesText(trimTrivia(nodes.slice(defaultAt + 1)));
      if (!value) return fail(`argument ${argument.name} has DEFAULT without a value`);
      argument.defaultSql = value;
    } else if (defaultAt < nodes.length) return fail(`unexpected '${nodesText(trimTrivia(nodes.slice(defaultAt)))}' after argument ${argument.name}`);
    // Snowflake: "optional arguments must follow the required ones".
    if (argument.defaultSql === undefined && args.some((earlier) => earlier.defaultSql !== undefined)) {
      return fail(`required argument ${argument.name} follows an optional one; optional arguments (DEFAULT) must come last`);
    }
    if (args.some((earlier) => earlier.name.toUpperCase() === argument.name.toUpperCase())) return fail(`argument ${argument.name} is declared twice`);
    args.push(argument);
  }
  return args;
}

interface Clauses {
  returns?: UdfReturns;
  language?: string;
  strict: boolean;
  volatility: 'VOLATILE' | 'IMMUTABLE';
  memoizable: boolean;
  comment?: string;
  body?: string;
  /** The first thing that is no clause of a SQL function. */
  unexpected?: string;
}

function readClauses(nodes: SqlNode[], from: number): Clauses {
  const clauses: Clauses = { strict: false, volatility: 'VOLATILE', memoizable: false };
  let i = nextSignificant(nodes, from);
  const after = (index: number): number => nextSignificant(nodes, index + 1);
  const words = (at: number, ...expected: string[]): boolean => {
    let index = at;
    for (const word of expected) {
      if (!isWord(nodes[index], word)) return false;
      index = after(index);
    }
    return true;
  };
  const skipWords = (at: number, count: number): number => {
    let index = at;
    for (let n = 0; n < count; n++) index = after(index);
    return index;
  };
  while (i < nodes.length) {
    const node = nodes[i];
    if (words(i, 'RETURNS', 'NULL', 'ON', 'NULL', 'INPUT')) {
      clauses.strict = true;
      i = skipWords(i, 5);
    } else if (words(i, 'CALLED', 'ON', 'NULL', 'INPUT')) {
      clauses.strict = false;
      i = skipWords(i, 4);
    } else if (isWord(node, 'RETURNS')) {
      const read = readReturns(nodes, after(i));
      if (!read) {
        clauses.unexpected ??= nodesText(nodes.slice(i, after(after(i)))).trim();
        i = after(i);
        continue;
      }
      clauses.returns = read.returns;
      i = nextSignificant(nodes, read.end);
    } else if (isWord(node, 'STRICT')) {
      clauses.strict = true;
      i = after(i);
    } else if (isWord(node, 'VOLATILE', 'IMMUTABLE')) {
      clauses.volatility = nodeText(node).toUpperCase() as 'VOLATILE' | 'IMMUTABLE';
      i = after(i);
    } else if (isWord(node, 'MEMOIZABLE')) {
      clauses.memoizable = true;
      i = after(i);
    } else if (words(i, 'COPY', 'GRANTS')) {
      i = skipWords(i, 2);
    } else if (isWord(node, 'LANGUAGE') && isWord(nodes[after(i)])) {
      clauses.language = nodeText(nodes[after(i)]).toUpperCase();
      i = skipWords(i, 2);
    } else if (isWord(node, 'AS')) {
      const body = nodes[after(i)];
      if (isTokenOf(body, 'dollarString')) clauses.body = unquoteDollarString(body.token.text);
      else if (isTokenOf(body, 'string')) clauses.body = unquoteStringLiteral(body.token.text);
      else clauses.unexpected ??= `AS ${body ? nodeText(body) : ''}`.trim();
      i = skipWords(i, 2);
    } else if (isWord(node) && isPunct(nodes[after(i)], '=')) {
      // COMMENT = '…'; other languages' NAME = value clauses are skipped.
      const valueAt = after(after(i));
      const value = nodes[valueAt];
      if (isWord(node, 'COMMENT') && isTokenOf(value, 'string')) clauses.comment = unquoteStringLiteral(value.token.text);
      i = after(valueAt);
    } else {
      clauses.unexpected ??= nodeText(node);
      i = after(i);
    }
  }
  return clauses;
}

/** `type [NOT NULL | NULL]` or `TABLE (col type, …)` at nodes[at]. */
function readReturns(nodes: SqlNode[], at: number): { returns: UdfReturns; end: number } | undefined {
  const afterTable = nextSignificant(nodes, at + 1);
  if (isWord(nodes[at], 'TABLE') && isGroup(nodes[afterTable])) {
    const columns: Array<{ name: string; type: string }> = [];
    for (const part of splitAtCommas((nodes[afterTable] as GroupNode).children)) {
      const column = trimTrivia(part);
      const nameNode = column[0];
      if (!isTokenOf(nameNode, 'word') && !isTokenOf(nameNode, 'quotedIdent')) return undefined;
      const type = readTypeSpan(column, nextSignificant(column, 1));
      if (!type || nextSignificant(column, type.end) < column.length) return undefined;
      columns.push({ name: identifierValue(nameNode.token), type: typeText(column.slice(type.start, type.end)) });
    }
    return columns.length ? { returns: { kind: 'table', columns }, end: afterTable + 1 } : undefined;
  }
  const type = readTypeSpan(nodes, at);
  if (!type) return undefined;
  let end = type.end;
  let notNull = false;
  const next = nextSignificant(nodes, end);
  const afterNot = nextSignificant(nodes, next + 1);
  // `RETURNS NUMBER NULL ON NULL INPUT` is the null-handling clause, not a nullable result.
  const nullHandling = isWord(nodes[nextSignificant(nodes, next + 1)], 'ON');
  if (isWord(nodes[next], 'NOT') && isWord(nodes[afterNot], 'NULL')) {
    notNull = true;
    end = afterNot + 1;
  } else if (isWord(nodes[next], 'NULL') && !nullHandling) end = next + 1;
  return { returns: { kind: 'scalar', type: typeText(nodes.slice(type.start, type.end)), notNull }, end };
}
