import { unquoteStringLiteral } from '../../../sql/literals';
import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodeEnd, nodeStart, nodesText, trimTrivia } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree, SqlNode } from '../../../sql/tokenTree';
import { compilationError } from '../../sqlError';
import { describeNode as describe, OptionValue, optionValue, readOptionPairs } from './optionList';

// Reads Snowflake's COPY INTO <location> statement:
//   COPY INTO { '@stage/path' | @stage/path } FROM { table | ( query ) }
//     [ PARTITION BY expr ] [ FILE_FORMAT = ( TYPE = … options ) ] [ copyOptions ] [ HEADER = bool ]
// (the order Snowpark writes it; Snowflake accepts the clauses in any order, so does this).
// The statement is read twice: the original text gives the location and options exactly as
// written; the dialect-translated text gives the query and PARTITION BY in DuckDB's SQL.

export type { OptionValue };

export interface CopyIntoLocation {
  /** The stage location, unquoted: `@~/unload/data_`. */
  location: string;
  /** The rows to unload: the query, or SELECT * FROM the table. */
  query: string;
  partitionBy?: string;
  /** FILE_FORMAT = ( … ) options, keys upper case. */
  format: Map<string, OptionValue>;
  /** Copy options and HEADER, keys upper case. */
  copy: Map<string, OptionValue>;
}

// A quoted location is always a location (COPY INTO <table> names a table, never a string).
const COPY_START = /^\s*copy\s+into\s+(@|')/i;
const UNQUOTED_STAGE = /^(\s*copy\s+into\s+)(@[^\s']+)/i;

/** Is this statement a COPY INTO a stage (quoted or not)? */
export function isCopyIntoStage(sql: string): boolean {
  return COPY_START.test(sql);
}

/** `COPY INTO @s/p` → `COPY INTO '@s/p'`: the dialect layer reads a string where it cannot read `@s/p`. */
export function quoteStageLocation(sql: string): string {
  return sql.replace(UNQUOTED_STAGE, (_all, head: string, location: string) => `${head}'${location.replace(/'/g, "''")}'`);
}

export function parseCopyIntoLocation(sql: string): CopyIntoLocation {
  const nodes = buildTokenTree(scanSql(quoteStageLocation(sql).replace(/;\s*$/, '')));
  const text = quoteStageLocation(sql).replace(/;\s*$/, '');
  let i = nextSignificant(nodes, nextSignificant(nodes, nextSignificant(nodes, 0) + 1) + 1); // past COPY INTO
  const locationNode = nodes[i];
  if (!isTokenOf(locationNode, 'string')) throw compilationError(`COPY INTO expects a stage location such as @~/path, found ${describe(locationNode)}.`);
  const location = unquoteStringLiteral(locationNode.token.text);
  i = nextSignificant(nodes, i + 1);
  if (!isWord(nodes[i], 'FROM')) throw compilationError(`COPY INTO ${location} needs FROM ( query ) or FROM table after the location.`);
  i = nextSignificant(nodes, i + 1);
  let query: string;
  const source = nodes[i];
  if (isGroup(source)) {
    query = nodesText(trimTrivia(source.children));
    i = nextSignificant(nodes, i + 1);
  } else {
    const start = i;
    while (i < nodes.length && (isTokenOf(nodes[i], 'word') || isTokenOf(nodes[i], 'quotedIdent') || isPunct(nodes[i], '.'))) {
      if (isWord(nodes[i], 'PARTITION', 'FILE_FORMAT', 'HEADER') && i > start) break;
      i++;
    }
    if (i === start) throw compilationError(`COPY INTO ${location} needs FROM ( query ) or FROM table; found ${describe(source)}.`);
    query = `SELECT * FROM ${text.slice(nodeStart(nodes[start]), nodeEnd(nodes[i - 1]))}`;
    i = nextSignificant(nodes, i);
  }
  const result: CopyIntoLocation = { location, query, format: new Map(), copy: new Map() };
  while (i < nodes.length) {
    const node = nodes[i];
    if (isWord(node, 'PARTITION') && isWord(nodes[nextSignificant(nodes, i + 1)], 'BY')) {
      const start = nextSignificant(nodes, nextSignificant(nodes, i + 1) + 1);
      let end = start;
      while (end < nodes.length && !isOptionStart(nodes, end)) end = nextSignificant(nodes, end + 1);
      result.partitionBy = nodesText(trimTrivia(nodes.slice(start, end)));
      i = end;
    } else if (isWord(node, 'HEADER') && !isPunct(nodes[nextSignificant(nodes, i + 1)], '=')) {
      result.copy.set('HEADER', { text: 'TRUE', quoted: false });
      i = nextSignificant(nodes, i + 1);
    } else if (isOptionStart(nodes, i)) {
      const key = (node as { token: { text: string } }).token.text.toUpperCase();
      const valueAt = nextSignificant(nodes, nextSignificant(nodes, i + 1) + 1);
      const value = nodes[valueAt];
      if (key === 'FILE_FORMAT' && isGroup(value)) readOptions(value.children, result.format, location);
      else if (value) result.copy.set(key, optionValue(value, key, `COPY INTO ${location}`));
      else throw compilationError(`COPY INTO ${location}: option ${key} has no value.`);
      i = nextSignificant(nodes, valueAt + 1);
    } else if (isPunct(node, ',')) {
      i = nextSignificant(nodes, i + 1);
    } else {
      throw compilationError(`COPY INTO ${location}: unexpected ${describe(node)}; expected PARTITION BY, FILE_FORMAT = ( … ), a copy option or HEADER.`);
    }
  }
  return result;
}

/** `KEY =` at nodes[i] (a clause start, so PARTITION BY's expression ends there). */
function isOptionStart(nodes: SqlNode[], i: number): boolean {
  return isTokenOf(nodes[i], 'word') && isPunct(nodes[nextSignificant(nodes, i + 1)], '=');
}

function readOptions(children: SqlNode[], into: Map<string, OptionValue>, location: string): void {
  const where = `COPY INTO ${location}: FILE_FORMAT`;
  for (const { key, value } of readOptionPairs(children, 0, where).pairs) into.set(key, optionValue(value, key, where));
}
