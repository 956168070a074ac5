import { readQualifiedName } from '../../../sql/identifiers';
import { isGroup, isWord, nextSignificant, nodesText, skipIfNotExists } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// CREATE TABLE t CLONE s (a zero-copy copy in Snowflake) and CREATE TABLE t LIKE s (the columns,
// no rows): DuckDB has neither, and CREATE TABLE … AS SELECT is the same table locally — rows
// and column types, not NOT NULL, DEFAULT or a VARCHAR(n) length check. A clone AT/BEFORE a point
// in time needs Time Travel, which the local engine does not keep.

interface TableCopyMatch extends SequenceMatch {
  kind: 'CLONE' | 'LIKE';
  source: SqlNode[];
  timeTravel?: SqlNode;
}

/** Words between CREATE and TABLE that keep a statement a CREATE TABLE. */
const TABLE_KIND_WORDS = ['OR', 'REPLACE', 'LOCAL', 'GLOBAL', 'TEMP', 'TEMPORARY', 'VOLATILE', 'TRANSIENT'];

/** Where the new table's name ends, when the statement is `CREATE … TABLE [IF NOT EXISTS] name`. */
function tableNameEnd(nodes: SqlNode[]): number | undefined {
  let at = nextSignificant(nodes, 0);
  if (!isWord(nodes[at], 'CREATE')) return undefined;
  at = nextSignificant(nodes, at + 1);
  while (isWord(nodes[at], ...TABLE_KIND_WORDS)) at = nextSignificant(nodes, at + 1);
  if (!isWord(nodes[at], 'TABLE')) return undefined;
  at = nextSignificant(nodes, at + 1);
  return readQualifiedName(nodes, skipIfNotExists(nodes, at))?.end;
}

const tableCopyRule: SequenceRule<TableCopyMatch> = {
  kind: 'sequence',
  name: 'CREATE TABLE … CLONE',
  triggers: ['CLONE', 'LIKE'],
  why: 'DuckDB has no CREATE TABLE … CLONE / LIKE; CREATE TABLE … AS SELECT copies the rows (or, for LIKE, none).',
  match(nodes, index, context) {
    if (context.depth !== 0 || context.statementKeyword !== 'CREATE' || !isWord(nodes[index], 'CLONE', 'LIKE')) return undefined;
    const nameEnd = tableNameEnd(nodes);
    if (nameEnd === undefined || nextSignificant(nodes, nameEnd) !== index) return undefined;
    const sourceAt = nextSignificant(nodes, index + 1);
    const source = readQualifiedName(nodes, sourceAt);
    if (!source) return undefined;
    let end = source.end;
    let timeTravel: SqlNode | undefined;
    const after = nextSignificant(nodes, end);
    if (isWord(nodes[after], 'AT', 'BEFORE') && isGroup(nodes[nextSignificant(nodes, after + 1)])) {
      timeTravel = nodes[after];
      end = nextSignificant(nodes, after + 1) + 1;
    }
    const copyGrants = nextSignificant(nodes, end);
    if (isWord(nodes[copyGrants], 'COPY') && isWord(nodes[nextSignificant(nodes, copyGrants + 1)], 'GRANTS')) end = nextSignificant(nodes, copyGrants + 1) + 1;
    const kind = isWord(nodes[index], 'CLONE') ? 'CLONE' : 'LIKE';
    return { kind, source: nodes.slice(sourceAt, source.end), timeTravel, end };
  },
  rewrite({ kind, source, timeTravel }, translator) {
    if (timeTravel) return translator.fail('CLONE … AT/BEFORE needs Time Travel, which Snowpark Local does not keep; clone the table as it is now', timeTravel);
    return `AS SELECT * FROM ${nodesText(source)}${kind === 'LIKE' ? ' LIMIT 0' : ''}`;
  },
};

export const tableCopyRules: SequenceRule<SequenceMatch>[] = [tableCopyRule] as SequenceRule<SequenceMatch>[];
