import { identifierValue } from '../../../sql/identifiers';
import { unquoteStringLiteral } from '../../../sql/literals';
import { isGroup, isPunct, isTokenOf, isTrivia, isWord, nodesText, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree, SqlNode } from '../../../sql/tokenTree';
import { compilationError } from '../../sqlError';
import { describeNode, OptionValue, optionValue, readOptionPairs } from './optionList';
import { quoteStageReferences } from './stageReferences';

// Reads Snowflake's COPY INTO <table> (docs: COPY INTO <table>):
//   COPY INTO [db.][schema.]table [ ( col, … ) ]
//     FROM { @stage[/path] | ( SELECT … FROM @stage[/path] [alias] ) }
//     [ FILES = ( 'f', … ) ] [ PATTERN = '<regex>' ]
//     [ FILE_FORMAT = ( { FORMAT_NAME = name | TYPE = CSV|JSON|PARQUET … options } ) ]
//     [ copy options: ON_ERROR, FORCE, PURGE, MATCH_BY_COLUMN_NAME, … ] [ VALIDATION_MODE = … ]
// Options may come in any order, separated by white space or commas.

export interface CopyIntoTable {
  /** The table's name parts (unquoted upper case, quoted exact). */
  table: string[];
  /** ( col, … ) after the table name, as Snowflake names them. */
  columns?: string[];
  /** The stage location, `@stage/path`. */
  location: string;
  /** FROM ( SELECT … ): the query's text, its location already a quoted literal. */
  transform?: string;
  files?: string[];
  pattern?: string;
  /** FILE_FORMAT = ( … ) options, keys upper case. */
  format: Map<string, OptionValue>;
  /** Every other option, keys upper case. */
  copy: Map<string, OptionValue>;
}

const COPY_INTO_TABLE = /^\s*copy\s+into\s+(?![@'])/i;

/** Is this COPY INTO <table> (not COPY INTO a stage location)? */
export function isCopyIntoTable(sql: string): boolean {
  return COPY_INTO_TABLE.test(sql);
}

export function parseCopyIntoTable(sql: string): CopyIntoTable {
  const nodes = buildTokenTree(scanSql(quoteStageReferences(sql.replace(/;\s*$/, '')))).filter((node) => !isTrivia(node));
  let i = 2; // past COPY INTO
  const table: string[] = [];
  for (;;) {
    const part = nodes[i];
    if (!isTokenOf(part, 'word') && !isTokenOf(part, 'quotedIdent')) throw compilationError(`COPY INTO expects a table name, found ${describeNode(part)}.`);
    table.push(identifierValue(part.token));
    i++;
    if (!isPunct(nodes[i], '.')) break;
    i++;
  }
  const where = `COPY INTO ${table.join('.')}`;
  let columns: string[] | undefined;
  if (isGroup(nodes[i])) {
    columns = splitAtCommas((nodes[i] as { children: SqlNode[] }).children).map((part) => {
      const [name, ...rest] = trimTrivia(part);
      if (rest.length || (!isTokenOf(name, 'word') && !isTokenOf(name, 'quotedIdent'))) throw compilationError(`${where}: the column list holds column names only.`);
      return identifierValue(name.token);
    });
    i++;
  }
  if (!isWord(nodes[i], 'FROM')) throw compilationError(`${where} needs FROM @stage or FROM ( SELECT … FROM @stage ).`);
  i++;
  const source = nodes[i];
  let location: string;
  let transform: string | undefined;
  if (isTokenOf(source, 'string')) {
    location = unquoteStringLiteral(source.token.text);
  } else if (isGroup(source)) {
    transform = nodesText(source.children).trim();
    const staged = source.children.filter((node) => !isTrivia(node)).find((node) => isTokenOf(node, 'string') && node.token.text.startsWith("'@"));
    if (!staged || !isTokenOf(staged, 'string')) throw compilationError(`${where}: the transformation query must read FROM @stage.`);
    location = unquoteStringLiteral(staged.token.text);
  } else {
    throw compilationError(`${where}: expected a stage location after FROM, found ${describeNode(source)}.`);
  }
  if (!location.startsWith('@')) {
    throw compilationError(`${where}: ${location} is an external location; the local engine loads from internal stages (@~, @%table, @stage). Use the Snowflake target for cloud storage.`);
  }
  const result: CopyIntoTable = { table, columns, location, transform, format: new Map(), copy: new Map() };
  for (const { key, value } of readOptionPairs(nodes, i + 1, where).pairs) {
    if (key === 'FILE_FORMAT') {
      if (!isGroup(value)) throw compilationError(`${where}: FILE_FORMAT takes ( FORMAT_NAME = name ) or ( TYPE = … options ).`);
      for (const pair of readOptionPairs(value.children, 0, `${where}: FILE_FORMAT`).pairs) result.format.set(pair.key, optionValue(pair.value, pair.key, where));
    } else if (key === 'FILES') {
      const files = optionValue(value, key, where);
      result.files = Array.isArray(files) ? files : [files.text];
    } else if (key === 'PATTERN') {
      const pattern = optionValue(value, key, where);
      result.pattern = Array.isArray(pattern) ? pattern[0] : pattern.text;
    } else {
      result.copy.set(key, optionValue(value, key, where));
    }
  }
  return result;
}
