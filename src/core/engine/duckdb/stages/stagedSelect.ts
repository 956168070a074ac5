import { unquoteStringLiteral } from '../../../sql/literals';
import { isGroup, isPunct, isTokenOf, isTrivia, isWord, nextSignificant, nodeEnd, nodeStart } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree, SqlNode } from '../../../sql/tokenTree';
import { compilationError } from '../../sqlError';
import { optionText, optionValue, readOptionPairs } from './optionList';
import { mayReferenceStage, quoteStageReferences } from './stageReferences';

// Queries of staged files (docs: "Querying data in staged files"):
//   SELECT t.$1, t.$2, METADATA$FILENAME FROM @stage/path (FILE_FORMAT => 'fmt', PATTERN => '…') t
// Each `FROM`/`JOIN @location [( … )] [alias]` becomes a temporary table the engine fills from
// the files before the statement runs (stagedSource.ts): columns "$1" … "$n" and the METADATA$
// columns. In the query level that reads such a table, `$n` and `t.$n` become the quoted
// column names "$n" (DuckDB has no `t.#n`, and `$1:a` needs a name before the path); a
// subquery below that level keeps its own positional references.

export interface StagedReference {
  /** `@stage/path` as written. */
  location: string;
  fileFormat?: string;
  pattern?: string;
  /** The temporary table the files are read into. */
  table: string;
}

export interface StagedSelect {
  /** The statement with every staged location replaced by its table. */
  sql: string;
  references: StagedReference[];
  /** The highest `$n` the statement names: a CSV table gets at least that many columns. */
  columnsNamed: number;
}

/** The temporary table of a statement's n-th staged location (names repeat across statements: each drops its own). */
export function stagedTableName(n: number): string {
  return `__snowpark_local_staged_${n}`;
}

/** The statement rewritten to read its staged files from tables, or undefined when it reads none. */
export function planStagedSelect(sql: string): StagedSelect | undefined {
  if (!mayReferenceStage(sql) || !/\b(from|join)\s+'?@/i.test(sql)) return undefined;
  const text = quoteStageReferences(sql);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const references: StagedReference[] = [];
  let columnsNamed = 0;
  const visit = (nodes: SqlNode[]): void => {
    let staged = false;
    for (let i = 0; i < nodes.length; i++) {
      if (!isWord(nodes[i], 'FROM', 'JOIN')) continue;
      const at = nextSignificant(nodes, i + 1);
      const location = nodes[at];
      if (!isTokenOf(location, 'string') || !location.token.text.startsWith("'@")) continue;
      const reference: StagedReference = { location: unquoteStringLiteral(location.token.text), table: stagedTableName(references.length + 1) };
      let end = at;
      const options = nextSignificant(nodes, at + 1);
      if (isGroup(nodes[options]) && isOptionGroup(nodes[options] as { children: SqlNode[] })) {
        const where = `Query of ${reference.location}`;
        for (const { key, value } of readOptionPairs((nodes[options] as { children: SqlNode[] }).children, 0, where).pairs) {
          const text = optionText(optionValue(value, key, where));
          if (key === 'FILE_FORMAT') reference.fileFormat = text;
          else if (key === 'PATTERN') reference.pattern = text;
          else throw compilationError(`${where}: ${key} is not an option of a staged query; use FILE_FORMAT => 'name' and PATTERN => 'regex'.`);
        }
        end = options;
      }
      references.push(reference);
      edits.push({ start: nodeStart(location), end: nodeEnd(nodes[end]), text: `"${reference.table}"` });
      staged = true;
    }
    if (staged) columnsNamed = Math.max(columnsNamed, quotePositions(nodes, edits));
    for (const node of nodes) if (node.type === 'group') visit(node.children);
  };
  visit(buildTokenTree(scanSql(text)));
  if (!references.length) return undefined;
  let out = '';
  let from = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return { sql: out + text.slice(from), references, columnsNamed };
}

/** `(FILE_FORMAT => …, PATTERN => …)` after a location (not a subquery, not a column list). */
function isOptionGroup(group: { children: SqlNode[] }): boolean {
  const first = nextSignificant(group.children, 0);
  return isWord(group.children[first], 'FILE_FORMAT', 'PATTERN') && isPunct(group.children[nextSignificant(group.children, first + 1)], '=>', '=');
}

/** `$n` → `"$n"` at this level and in its non-query brackets; returns the highest n. */
function quotePositions(nodes: SqlNode[], edits: Array<{ start: number; end: number; text: string }>): number {
  let highest = 0;
  for (const node of nodes) {
    if (node.type === 'group') {
      const first = node.children[nextSignificant(node.children, 0)];
      if (!isWord(first, 'SELECT', 'WITH')) highest = Math.max(highest, quotePositions(node.children, edits));
      continue;
    }
    if (isTrivia(node) || !isTokenOf(node, 'word') || !/^\$\d+$/.test(node.token.text)) continue;
    edits.push({ start: node.token.start, end: node.token.end, text: `"${node.token.text}"` });
    highest = Math.max(highest, Number(node.token.text.slice(1)));
  }
  return highest;
}
