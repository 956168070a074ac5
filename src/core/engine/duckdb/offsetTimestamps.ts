import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodeEnd, nodesText, nodeStart, splitAtCommas, trimTrivia } from '../../sql/nodes';
import { scanSql } from '../../sql/scanSql';
import { buildTokenTree, GroupNode, SqlNode } from '../../sql/tokenTree';

// Snowflake reads a timestamp string with a UTC offset by the column it is stored into: a
// TIMESTAMP_NTZ column drops the offset ('2024-01-17 19:00:00 -0800' stores 19:00), a
// TIMESTAMP_TZ/LTZ column keeps the instant. DuckDB's TIMESTAMP rejects any offset but UTC, and
// its TIMESTAMPTZ reads no space before one. So the string literals of INSERT … VALUES are
// rewritten for the type of the column each one lands in — which only the catalog knows.

const OFFSET_TIMESTAMP = /^'(\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*([+-]\d\d:?\d\d)'$/;
const MAY_HOLD_ONE = /'\d{4}-\d\d-\d\d[ T][\d:.]+\s*[+-]\d\d:?\d\d'/;

/** The target table's column names and DuckDB types, in order. */
export type ColumnTypesOf = (table: string) => Promise<Array<{ name: string; type: string }>>;

/** `sql` (DuckDB SQL of one statement) with its INSERT … VALUES offset timestamps fitted to their columns. */
export async function fitOffsetTimestamps(sql: string, columnTypesOf: ColumnTypesOf): Promise<string> {
  if (!MAY_HOLD_ONE.test(sql) || !/^\s*insert\b/i.test(sql)) return sql;
  const target = insertTarget(buildTokenTree(scanSql(sql)));
  if (!target) return sql;
  const columns = await columnTypesOf(target.table);
  const typeOf = (position: number): string | undefined => {
    if (!target.columns) return columns[position]?.type;
    const name = target.columns[position]?.toLowerCase();
    return columns.find((column) => column.name.toLowerCase() === name)?.type;
  };
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const row of target.rows) {
    splitAtCommas(row.children).forEach((item, position) => {
      const value = trimTrivia(item);
      const literal = value.length === 1 && isTokenOf(value[0], 'string') ? OFFSET_TIMESTAMP.exec(value[0].token.text) : null;
      if (!literal) return;
      const type = typeOf(position);
      const text = type === 'TIMESTAMP' ? `'${literal[1]}'` : type === 'TIMESTAMP WITH TIME ZONE' ? `'${literal[1]}${literal[2]}'` : undefined;
      if (text) edits.push({ start: nodeStart(value[0]), end: nodeEnd(value[0]), text });
    });
  }
  return edits.reduceRight((out, edit) => out.slice(0, edit.start) + edit.text + out.slice(edit.end), sql);
}

interface InsertTarget {
  table: string;
  /** The column list as written, if any. */
  columns?: string[];
  rows: GroupNode[];
}

/** `INSERT [OVERWRITE] INTO name [(columns)] VALUES (…), (…)`, or undefined for any other shape. */
function insertTarget(nodes: SqlNode[]): InsertTarget | undefined {
  let at = nextSignificant(nodes, 0);
  while (at < nodes.length && !isWord(nodes[at], 'INTO')) at = nextSignificant(nodes, at + 1);
  const nameStart = nextSignificant(nodes, at + 1);
  let nameEnd = nameStart;
  while (isTokenOf(nodes[nameEnd], 'word') || isTokenOf(nodes[nameEnd], 'quotedIdent') || isPunct(nodes[nameEnd], '.')) nameEnd++;
  if (nameEnd === nameStart || isWord(nodes[nameStart], 'VALUES', 'SELECT')) return undefined;
  at = nextSignificant(nodes, nameEnd);
  let columns: string[] | undefined;
  const list = nodes[at];
  if (isGroup(list)) {
    columns = splitAtCommas(list.children).map((part) => nodesText(trimTrivia(part)).replace(/^"|"$/g, ''));
    at = nextSignificant(nodes, at + 1);
  }
  if (!isWord(nodes[at], 'VALUES')) return undefined;
  const rows: InsertTarget['rows'] = [];
  for (at = nextSignificant(nodes, at + 1); at < nodes.length; at = nextSignificant(nodes, at + 1)) {
    const node = nodes[at];
    if (isGroup(node)) rows.push(node);
    else if (!isPunct(node, ',')) break;
  }
  return { table: nodesText(nodes.slice(nameStart, nameEnd)), columns, rows };
}
