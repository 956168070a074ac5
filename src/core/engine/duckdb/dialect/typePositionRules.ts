import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodeText, nodesText, previousSignificant, skipIfExists, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { readTypeSpan, TypeSpan } from '../../../sql/typeSpan';
import { readQualifiedName } from '../../../sql/identifiers';
import { CallMatch, matchCall } from './functionCall';
import { identitySequenceName, readIdentityProperty } from './identityColumns';
import { sequenceOptionsSql } from './sequenceOptions';
import { columnCommentEnd } from './tableOptionRules';
import { declaredCastLength, declaredStringLength, lengthCheckedCastSql, lengthCheckSql, STRING_TYPE_NAMES } from './stringLength';
import { SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';
import { Translator, typeReferenceOf } from './translator';
import { macro } from './macros';

// The places a type is written. Each rule finds the type and hands it to the type rules;
// everything around it is translated as usual.

interface CastOperatorMatch extends SequenceMatch {
  nodes: SqlNode[];
  index: number;
  span: TypeSpan;
}

/**
 * Snowflake writes a UTC offset after a blank (`'2024-01-01 12:00:00 +0200'`, its own
 * TIMESTAMP_TZ output); DuckDB reads a word after a blank as a zone name and fails. A literal
 * cast to a timestamp loses the blank (the TO_TIMESTAMP macros do the same at run time).
 */
const SPACED_OFFSET_LITERAL = /^('\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s+(Z|[+-]\d\d(?::?\d\d)?)'$/i;

function timestampLiteral(node: SqlNode | undefined, duckdbType: string): string | undefined {
  if (!isTokenOf(node, 'string') || !/^TIMESTAMP/i.test(duckdbType)) return undefined;
  const fixed = node.token.text.replace(SPACED_OFFSET_LITERAL, "$1$2'");
  return fixed === node.token.text ? undefined : fixed;
}

const castOperatorRule: SequenceRule<CastOperatorMatch> = {
  kind: 'sequence',
  name: ':: cast type',
  triggers: ['::'],
  why: '`x::VARIANT`, `x::NUMBER(10,2)`: the type after `::` needs the DuckDB spelling.',
  match(nodes, index) {
    if (!isPunct(nodes[index], '::')) return undefined;
    const span = readTypeSpan(nodes, nextSignificant(nodes, index + 1));
    return span ? { nodes, index, span, end: span.end } : undefined;
  },
  rewrite({ nodes, index, span }, translator) {
    const type = translator.translateType(nodes, span);
    const operandAt = previousSignificant(nodes, index - 1);
    const operand = nodes[operandAt];
    const fixed = timestampLiteral(operand, type);
    if (fixed === undefined || !isTokenOf(operand, 'string')) return '::' + type;
    const written = translator.reclaimOutput(operandAt, index);
    if (written === undefined) return '::' + type;
    return (written.startsWith(operand.token.text) ? fixed + written.slice(operand.token.text.length) : written) + '::' + type;
  },
};

/** Semi-structured types: a value cast to one is wrapped as JSON, never parsed. */
const VARIANT_TYPES = new Set(['VARIANT', 'OBJECT', 'ARRAY']);
/** Binary types: text cast to one is read as hex. */
const BINARY_TYPES = new Set(['BINARY', 'VARBINARY']);

const castFunctionRule: SequenceRule<CallMatch> = {
  kind: 'sequence',
  name: 'CAST type',
  triggers: ['CAST', 'TRY_CAST'],
  why: "`CAST(x AS NUMBER)`, `TRY_CAST(x AS STRING)`: the type after AS needs the DuckDB spelling; `CAST('a' AS VARIANT)` is a JSON string and `CAST('A1' AS BINARY)` reads hex, as with `::`.",
  match: (nodes, index) => matchCall(nodes, index, ['CAST', 'TRY_CAST']),
  rewrite(call, translator, context) {
    const children = call.argList.children;
    let asAt = -1;
    children.forEach((node, i) => {
      if (isWord(node, 'AS')) asAt = i;
    });
    const span = asAt >= 0 ? readTypeSpan(children, nextSignificant(children, asAt + 1)) : undefined;
    if (!span) return nodeText(call.nameNode) + translator.translateNode(call.argList, context);
    const inner = { ...context, depth: context.depth + 1 };
    const operand = trimTrivia(children.slice(0, asAt));
    const value = (operand.length === 1 && timestampLiteral(operand[0], translator.translateType(children, span))) || translator.translateSequence(operand, inner);
    const rest = translator.translateSequence(children.slice(span.end), inner);
    // As `x::VARCHAR` (operatorRules.ts): a BINARY as hex, a VARIANT string without its quotes.
    const text = STRING_TYPE_NAMES.includes(span.name) && !rest.trim() ? `${macro('to_varchar')}(${value})` : value;
    // CAST(x AS VARCHAR(n)) refuses a longer string; TRY_CAST keeps DuckDB's unchecked cast.
    const length = isWord(call.nameNode, 'CAST') && !rest.trim() ? declaredCastLength(typeReferenceOf(children, span)) : undefined;
    if (length !== undefined) return lengthCheckedCastSql(text, length);
    // As `x::BINARY` (operatorRules.ts): text is read as hex.
    if (BINARY_TYPES.has(span.name) && !rest.trim()) return `${macro(isWord(call.nameNode, 'CAST') ? 'binary_from_text' : 'try_binary_from_text')}(${value})`;
    // As `x::VARIANT` (operatorRules.ts): a text becomes a JSON string, it is not parsed as JSON.
    const wrapped = VARIANT_TYPES.has(span.name) && !rest.trim() ? `to_json(${value})` : text;
    return `${nodeText(call.nameNode)}(${wrapped} AS ${translator.translateType(children, span)}${rest.trimEnd()})`;
  },
};

/** Table constraints in a column list are not column definitions. */
const CONSTRAINT_WORDS = ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK'];

/** A sequence an AUTOINCREMENT/IDENTITY column needs, created just before its table. */
interface IdentitySequence {
  qualifiedName: string;
  start: string;
  step: string;
}

/** How the columns of one CREATE TABLE name their identity sequences. */
interface IdentityNaming {
  tableName: string;
  /** The table's qualifier as written (`db.schema.`), '' when unqualified. */
  qualifier: string;
  sequences: IdentitySequence[];
}

function columnNameOf(node: SqlNode): string {
  return isTokenOf(node, 'quotedIdent') ? node.token.text.slice(1, -1).replace(/""/g, '"') : nodeText(node).toUpperCase();
}

/**
 * A column's `COMMENT '…'` becomes COMMENT ON COLUMN after the table is created (what DESCRIBE
 * and SHOW COLUMNS read); the rest of the column's definition without it.
 */
function keepColumnComment(rest: SqlNode[], table: string, column: SqlNode, translator: Translator): SqlNode[] {
  const at = rest.findIndex((node) => isWord(node, 'COMMENT'));
  const end = at < 0 ? undefined : columnCommentEnd(rest, at);
  if (end === undefined) return rest;
  translator.followWith(`COMMENT ON COLUMN ${table}.${nodeText(column)} IS ${nodeText(rest[end - 1])}`);
  return [...rest.slice(0, at), ...rest.slice(end)];
}

/** The nodes after a column's type, its AUTOINCREMENT/IDENTITY property turned into a DEFAULT. */
function translateColumnRest(rest: SqlNode[], column: string, naming: IdentityNaming, translator: Translator, context: SequenceContext): string {
  const identity = readIdentityProperty(rest);
  if (!identity) return translator.translateSequence(rest, context);
  const name = identitySequenceName(naming.tableName, column);
  naming.sequences.push({ qualifiedName: `${naming.qualifier}"${name}"`, start: identity.start, step: identity.step });
  return (
    translator.translateSequence(rest.slice(0, identity.from), context) +
    `DEFAULT nextval('${name}')` +
    translator.translateSequence(rest.slice(identity.to), context)
  );
}

/** `name TYPE rest...` with the type translated, or the element translated as-is. */
function translateColumnDefinition(element: SqlNode[], table: string, naming: IdentityNaming, translator: Translator, context: SequenceContext): string {
  const nameAt = nextSignificant(element, 0);
  const nameNode = element[nameAt];
  const isColumn = (isTokenOf(nameNode, 'word') && !isWord(nameNode, ...CONSTRAINT_WORDS)) || isTokenOf(nameNode, 'quotedIdent');
  const span = isColumn ? readTypeSpan(element, nextSignificant(element, nameAt + 1)) : undefined;
  if (!span) return translator.translateSequence(element, context);
  const length = declaredStringLength(typeReferenceOf(element, span));
  return (
    nodesText(element.slice(0, span.start)) +
    translator.translateType(element, span) +
    (length === undefined ? '' : lengthCheckSql(nodeText(nameNode), length)) +
    translateColumnRest(keepColumnComment(element.slice(span.end), table, nameNode, translator), columnNameOf(nameNode), naming, translator, context)
  );
}

/**
 * The statements creating the identity sequences, before the table. OR REPLACE drops the old
 * table first: its columns' defaults hold the old sequence, which cannot be replaced under them.
 */
function identityPrelude(statementStart: string, naming: IdentityNaming, tableText: string, ifNotExists: boolean): string {
  const replaces = /\bor\s+replace\b/i.test(statementStart);
  const create = ifNotExists ? 'CREATE SEQUENCE IF NOT EXISTS' : 'CREATE OR REPLACE SEQUENCE';
  return (
    (replaces ? `DROP TABLE IF EXISTS ${tableText}; ` : '') +
    naming.sequences.map((sequence) => `${create} ${sequence.qualifiedName} ${sequenceOptionsSql(sequence.start, sequence.step)}; `).join('')
  );
}

interface ColumnListMatch extends SequenceMatch {
  index: number;
  before: SqlNode[];
  columns: SqlNode[][];
  tableText: string;
  tableName: string;
  qualifier: string;
  ifNotExists: boolean;
}

const createTableColumnsRule: SequenceRule<ColumnListMatch> = {
  kind: 'sequence',
  name: 'CREATE TABLE column types',
  triggers: ['TABLE'],
  why: 'Column definitions carry Snowflake types (NUMBER, STRING, VARIANT, TIMESTAMP_NTZ…) and AUTOINCREMENT/IDENTITY, which DuckDB spells as a sequence default.',
  match(nodes, index, context) {
    if (context.depth !== 0 || context.statementKeyword !== 'CREATE' || !isWord(nodes[index], 'TABLE')) return undefined;
    const afterTable = nextSignificant(nodes, index + 1);
    const at = skipIfExists(nodes, afterTable);
    const ifNotExists = at !== afterTable;
    const name = readQualifiedName(nodes, at);
    if (!name) return undefined;
    const listAt = nextSignificant(nodes, name.end);
    const list = nodes[listAt];
    if (!isGroup(list)) return undefined;
    return {
      index,
      before: nodes.slice(index, listAt),
      columns: splitAtCommas(list.children),
      end: listAt + 1,
      tableText: nodesText(nodes.slice(at, name.end)),
      tableName: name.parts[name.parts.length - 1],
      qualifier: nodesText(nodes.slice(at, name.end - 1)),
      ifNotExists,
    };
  },
  rewrite(match, translator, context) {
    const inner = { ...context, depth: 1 };
    const naming: IdentityNaming = { tableName: match.tableName, qualifier: match.qualifier, sequences: [] };
    const columns = match.columns.map((column) => translateColumnDefinition(column, match.tableText, naming, translator, inner)).join(',');
    const table = `${nodesText(match.before)}(${columns})`;
    if (!naming.sequences.length) return table;
    // The sequences must exist before the table: take back the statement's start (CREATE OR REPLACE …).
    const statementStart = translator.reclaimOutput(0, match.index);
    if (statementStart === undefined) return translator.fail('AUTOINCREMENT/IDENTITY could not be placed in this CREATE TABLE', match.before[0]);
    return identityPrelude(statementStart, naming, match.tableText, match.ifNotExists) + statementStart + table;
  },
};

interface AlterTypeMatch extends SequenceMatch {
  prefix: SqlNode[];
  span: TypeSpan;
  nodes: SqlNode[];
}

const alterTableTypeRule: SequenceRule<AlterTypeMatch> = {
  kind: 'sequence',
  name: 'ALTER TABLE column types',
  triggers: ['ADD', 'TYPE'],
  why: '`ADD [COLUMN] c TYPE` and `ALTER [COLUMN] c [SET DATA] TYPE t` name Snowflake types.',
  match(nodes, index, context) {
    if (context.depth !== 0 || context.statementKeyword !== 'ALTER') return undefined;
    if (isWord(nodes[index], 'ADD')) {
      let at = nextSignificant(nodes, index + 1);
      if (isWord(nodes[at], 'COLUMN')) at = nextSignificant(nodes, at + 1);
      at = skipIfExists(nodes, at);
      if (!isTokenOf(nodes[at], 'word') && !isTokenOf(nodes[at], 'quotedIdent')) return undefined;
      if (isWord(nodes[at], ...CONSTRAINT_WORDS)) return undefined;
      const span = readTypeSpan(nodes, nextSignificant(nodes, at + 1));
      return span ? { prefix: nodes.slice(index, span.start), span, nodes, end: span.end } : undefined;
    }
    if (isWord(nodes[index], 'TYPE') && !isPunct(nodes[previousSignificant(nodes, index - 1)], '.')) {
      const span = readTypeSpan(nodes, nextSignificant(nodes, index + 1));
      return span ? { prefix: nodes.slice(index, span.start), span, nodes, end: span.end } : undefined;
    }
    return undefined;
  },
  rewrite: ({ prefix, span, nodes }, translator) => nodesText(prefix) + translator.translateType(nodes, span),
};

export const typePositionRules: SequenceRule<SequenceMatch>[] = [
  castOperatorRule,
  castFunctionRule,
  createTableColumnsRule,
  alterTableTypeRule,
] as SequenceRule<SequenceMatch>[];
