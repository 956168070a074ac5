import { randomBytes } from 'node:crypto';
import { isWord, nodesText, significantNodes } from '../../../sql/nodes';
import { readQualifiedName } from '../../../sql/identifiers';
import { StatementRule } from './ruleTypes';

// ALTER TABLE a SWAP WITH b (https://docs.snowflake.com/en/sql-reference/sql/alter-table: "Swaps
// all content and metadata between two specified tables"), the step that publishes a table
// rebuilt beside the live one. DuckDB has no SWAP: three renames through a name no user object
// has. The engine runs a write in a transaction of its own, so either all three happen or none.

export const alterTableSwapRule: StatementRule = {
  kind: 'statement',
  name: 'ALTER TABLE SWAP WITH',
  why: 'Snowflake swaps two tables in one statement; DuckDB renames one table at a time.',
  apply(nodes, translator, context) {
    // Every statement passes here: only an ALTER's words are read.
    if (context.statementKeyword !== 'ALTER') return undefined;
    const words = significantNodes(nodes);
    if (!isWord(words[0], 'ALTER') || !isWord(words[1], 'TABLE')) return undefined;
    const first = readQualifiedName(words, 2);
    if (!first || !isWord(words[first.end], 'SWAP') || !isWord(words[first.end + 1], 'WITH')) return undefined;
    const second = readQualifiedName(words, first.end + 2);
    if (!second || second.end !== words.length) return translator.fail('ALTER TABLE … SWAP WITH takes one table name', words[first.end]);
    const qualifier = (name: { parts: string[] }): string => name.parts.slice(0, -1).join('.').toUpperCase();
    // DuckDB renames within a schema; Snowflake swaps across schemas too (rare: refused by name).
    if (qualifier(first) !== qualifier(second)) return translator.fail('ALTER TABLE … SWAP WITH tables of two schemas is not supported by Snowpark Local; swap tables of one schema', words[first.end]);
    const firstText = nodesText(words.slice(2, first.end));
    const secondText = nodesText(words.slice(first.end + 2, second.end));
    // The name as written without its qualifier: RENAME TO takes a bare name.
    const lastPart = (end: number): string => nodesText(words.slice(end - 1, end));
    const holding = `"snowpark_local_swap_${randomBytes(6).toString('hex')}"`;
    const holdingQualified = first.parts.length > 1 ? `${nodesText(words.slice(2, first.end - 2))}.${holding}` : holding;
    return [
      `ALTER TABLE ${firstText} RENAME TO ${holding}`,
      `ALTER TABLE ${secondText} RENAME TO ${lastPart(first.end)}`,
      `ALTER TABLE ${holdingQualified} RENAME TO ${lastPart(second.end)}`,
    ].join('; ');
  },
};
