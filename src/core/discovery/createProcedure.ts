import { readQualifiedName, normaliseIdentifierPart } from '../sql/identifiers';
import { LineIndex } from '../sql/lineIndex';
import { unquoteDollarString, unquoteStringLiteral } from '../sql/literals';
import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, skipIfNotExists, nodesText, splitAtCommas, trimTrivia } from '../sql/nodes';
import { scanSql } from '../sql/scanSql';
import { SqlStatement } from '../sql/splitStatements';
import { buildTokenTree, GroupNode, SqlNode } from '../sql/tokenTree';
import { readTypeSpan, typeText } from '../sql/typeSpan';
import { ProcedureArgument, ProcedureDefinition, ProcedureReturns } from './procedureDefinition';

export { ProcedureArgument, ProcedureDefinition, ProcedureReturns } from './procedureDefinition';

/**
 * Parses `CREATE [OR REPLACE] [SECURE] [TEMP|TEMPORARY] PROCEDURE [IF NOT EXISTS] name(args)
 * ... AS <body>` with its clauses in any order. Returns undefined for any other statement,
 * and for a CREATE PROCEDURE too broken to describe (no argument list, no RETURNS).
 *
 * `fullText` is the document the statement was split from; line numbers are in it. Passing
 * `statement.text` itself is allowed, and then lines are relative to the statement.
 */
export function parseCreateProcedure(statement: SqlStatement, fullText: string): ProcedureDefinition | undefined {
  const inDocument = fullText.slice(statement.startOffset, statement.endOffset) === statement.text;
  const base = inDocument ? statement.startOffset : 0;
  const lines = new LineIndex(inDocument ? fullText : statement.text);
  const nodes = buildTokenTree(scanSql(statement.text, base));

  const header = readHeader(nodes);
  if (!header) return undefined;
  const clauses = readClauses(nodes, header.end);
  if (!clauses.returns) return undefined;

  const bodyPosition = lines.positionAt(clauses.bodyStartOffset ?? base + statement.text.length);
  return {
    name: header.name,
    args: header.args,
    returns: clauses.returns,
    language: clauses.language ?? 'SQL',
    runtimeVersion: clauses.runtimeVersion,
    packages: clauses.packages,
    imports: clauses.imports,
    handler: clauses.handler ?? '',
    executeAs: clauses.executeAs,
    comment: clauses.comment,
    body: clauses.body ?? '',
    bodyStartLine: bodyPosition.line,
    bodyStartColumn: bodyPosition.column,
    bodyStartOffset: clauses.bodyStartOffset ?? base + statement.text.length,
    bodyIsVerbatim: clauses.bodyIsVerbatim,
    statementStartLine: lines.positionAt(base).line,
    orReplace: header.orReplace,
    ifNotExists: header.ifNotExists,
  };
}

interface Header {
  name: string;
  args: ProcedureArgument[];
  orReplace: boolean;
  ifNotExists: boolean;
  end: number;
}

/** Everything up to and including the argument list. */
function readHeader(nodes: SqlNode[]): Header | undefined {
  let i = nextSignificant(nodes, 0);
  if (!isWord(nodes[i], 'CREATE')) return undefined;
  i = nextSignificant(nodes, i + 1);
  let orReplace = false;
  if (isWord(nodes[i], 'OR')) {
    i = nextSignificant(nodes, i + 1);
    if (!isWord(nodes[i], 'REPLACE')) return undefined;
    orReplace = true;
    i = nextSignificant(nodes, i + 1);
  }
  while (isWord(nodes[i], 'SECURE', 'TEMP', 'TEMPORARY')) i = nextSignificant(nodes, i + 1);
  if (!isWord(nodes[i], 'PROCEDURE')) return undefined;
  i = nextSignificant(nodes, i + 1);

  const afterIfNotExists = skipIfNotExists(nodes, i);
  const ifNotExists = afterIfNotExists !== i;
  i = afterIfNotExists;

  const name = readQualifiedName(nodes, i);
  if (!name) return undefined;
  const argsAt = nextSignificant(nodes, name.end);
  const argList = nodes[argsAt];
  if (!isGroup(argList)) return undefined;
  return { name: name.name, args: readArguments(argList), orReplace, ifNotExists, end: argsAt + 1 };
}

/** `(a INT, b NUMBER(10,2) DEFAULT 1.5)` */
function readArguments(group: GroupNode): ProcedureArgument[] {
  const args: ProcedureArgument[] = [];
  for (const part of splitAtCommas(group.children)) {
    const nodes = trimTrivia(part);
    const nameNode = nodes[0];
    if (!isTokenOf(nameNode, 'word') && !isTokenOf(nameNode, 'quotedIdent')) continue;
    const typeAt = nextSignificant(nodes, 1);
    const type = readTypeSpan(nodes, typeAt);
    const argument: ProcedureArgument = {
      name: normaliseIdentifierPart(nameNode.token),
      type: type ? typeText(nodes.slice(type.start, type.end)) : '',
    };
    const defaultAt = nextSignificant(nodes, type?.end ?? typeAt);
    if (isWord(nodes[defaultAt], 'DEFAULT')) argument.defaultSql = nodesText(trimTrivia(nodes.slice(defaultAt + 1)));
    args.push(argument);
  }
  return args;
}

interface Clauses {
  returns?: ProcedureReturns;
  language?: string;
  runtimeVersion?: string;
  packages: string[];
  imports: string[];
  handler?: string;
  executeAs?: ProcedureDefinition['executeAs'];
  comment?: string;
  body?: string;
  bodyStartOffset?: number;
  bodyIsVerbatim: boolean;
}

/**
 * The clauses after the argument list, in any order. Unknown `NAME = value` clauses
 * (SECRETS, EXTERNAL_ACCESS_INTEGRATIONS, ARTIFACT_REPOSITORY, ...) are skipped, so a
 * clause Snowflake adds next year does not make the whole procedure invisible.
 */
function readClauses(nodes: SqlNode[], from: number): Clauses {
  const clauses: Clauses = { packages: [], imports: [], bodyIsVerbatim: true };
  let i = nextSignificant(nodes, from);
  while (i < nodes.length) {
    const node = nodes[i];
    const keyword = isWord(node) ? node.token.text.toUpperCase() : '';
    const next = nextSignificant(nodes, i + 1);

    if (keyword === 'RETURNS') {
      const read = readReturns(nodes, next);
      if (read) {
        clauses.returns = read.returns;
        i = nextSignificant(nodes, read.end);
        continue;
      }
    } else if (keyword === 'EXECUTE' && isWord(nodes[next], 'AS')) {
      const who = nextSignificant(nodes, next + 1);
      if (isWord(nodes[who], 'RESTRICTED')) {
        const caller = nextSignificant(nodes, who + 1);
        clauses.executeAs = 'RESTRICTED CALLER';
        i = nextSignificant(nodes, caller + 1);
      } else {
        if (isWord(nodes[who], 'CALLER', 'OWNER')) clauses.executeAs = nodesText([nodes[who]]).toUpperCase() as 'CALLER' | 'OWNER';
        i = nextSignificant(nodes, who + 1);
      }
      continue;
    } else if (keyword === 'AS') {
      const body = nodes[next];
      if (isTokenOf(body, 'dollarString')) {
        clauses.body = unquoteDollarString(body.token.text);
        clauses.bodyStartOffset = body.token.start + 2;
      } else if (isTokenOf(body, 'string')) {
        clauses.body = unquoteStringLiteral(body.token.text);
        clauses.bodyStartOffset = body.token.start + 1;
        clauses.bodyIsVerbatim = false;
      }
      i = nextSignificant(nodes, next + 1);
      continue;
    } else if (keyword === 'LANGUAGE' && isWord(nodes[next])) {
      clauses.language = nodesText([nodes[next]]).toUpperCase();
      i = nextSignificant(nodes, next + 1);
      continue;
    } else if (keyword && isPunct(nodes[next], '=')) {
      const valueAt = nextSignificant(nodes, next + 1);
      applyAssignment(clauses, keyword, nodes[valueAt]);
      i = nextSignificant(nodes, valueAt + 1);
      continue;
    }
    i = nextSignificant(nodes, i + 1);
  }
  return clauses;
}

function applyAssignment(clauses: Clauses, keyword: string, value: SqlNode | undefined): void {
  switch (keyword) {
    case 'RUNTIME_VERSION':
      if (isTokenOf(value, 'string')) clauses.runtimeVersion = unquoteStringLiteral(value.token.text);
      else if (isTokenOf(value, 'number')) clauses.runtimeVersion = value.token.text;
      break;
    case 'HANDLER':
      if (isTokenOf(value, 'string')) clauses.handler = unquoteStringLiteral(value.token.text);
      break;
    case 'COMMENT':
      if (isTokenOf(value, 'string')) clauses.comment = unquoteStringLiteral(value.token.text);
      break;
    case 'PACKAGES':
      clauses.packages = stringList(value);
      break;
    case 'IMPORTS':
      clauses.imports = stringList(value);
      break;
  }
}

/** `('a', 'b==1.0')` → `['a', 'b==1.0']` */
function stringList(value: SqlNode | undefined): string[] {
  if (!isGroup(value)) return [];
  return value.children.flatMap((child) => (isTokenOf(child, 'string') ? [unquoteStringLiteral(child.token.text)] : []));
}

/** `RETURNS type [NOT NULL | NULL]` or `RETURNS TABLE ( [col type, ...] )` */
function readReturns(nodes: SqlNode[], at: number): { returns: ProcedureReturns; end: number } | undefined {
  const afterTable = nextSignificant(nodes, at + 1);
  if (isWord(nodes[at], 'TABLE') && isGroup(nodes[afterTable])) {
    const columns = splitAtCommas((nodes[afterTable] as GroupNode).children).flatMap((part) => {
      const column = trimTrivia(part);
      const nameNode = column[0];
      if (!isTokenOf(nameNode, 'word') && !isTokenOf(nameNode, 'quotedIdent')) return [];
      const type = readTypeSpan(column, nextSignificant(column, 1));
      return [{ name: normaliseIdentifierPart(nameNode.token), type: type ? typeText(column.slice(type.start, type.end)) : '' }];
    });
    return { returns: { kind: 'table', columns }, end: afterTable + 1 };
  }
  const type = readTypeSpan(nodes, at);
  if (!type) return undefined;
  let end = type.end;
  let notNull = false;
  const after = nextSignificant(nodes, end);
  const afterNot = nextSignificant(nodes, after + 1);
  if (isWord(nodes[after], 'NOT') && isWord(nodes[afterNot], 'NULL')) {
    notNull = true;
    end = afterNot + 1;
  } else if (isWord(nodes[after], 'NULL')) {
    end = after + 1;
  }
  return { returns: { kind: 'scalar', type: typeText(nodes.slice(type.start, type.end)), notNull }, end };
}
