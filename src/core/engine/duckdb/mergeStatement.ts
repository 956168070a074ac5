import { isGroup, isWord, nextSignificant, nodeStart } from '../../sql/nodes';
import { SqlNode } from '../../sql/tokenTree';
import { SqlError } from '../sqlError';
import type { CountQueryRunner, DmlPlan } from './dmlPlan';
import {
  applyEdits,
  assignmentQualifierEdits,
  columnListQualifierEdits,
  Edit,
  findKeyword,
  fragment,
  Fragment,
  joinFragments,
  referenceName,
  sql,
} from './dmlParsing';
import { mergeResult, MergeCounts } from './statementMessages';

// MERGE INTO target USING source ON cond WHEN [NOT] MATCHED [AND cond] THEN action …
// Snowflake's answer: one column per kind of action the statement has (inserted, updated,
// deleted), each counting target rows once. With ERROR_ON_NONDETERMINISTIC_MERGE (on by
// default) a target row that several source rows would change, unless they all only
// delete it, fails the statement with 100090 "Duplicate row detected during DML action".

type Action = 'insert' | 'update' | 'delete';

interface MergeClause {
  matched: boolean;
  condition?: Fragment;
  action: Action;
}

interface MergeParts {
  target: Fragment;
  targetRef: string;
  source: Fragment;
  on: Fragment;
  clauses: MergeClause[];
  edits: Edit[];
}

export function planMerge(nodes: SqlNode[], statement: string, binds: Map<SqlNode, number>): DmlPlan | undefined {
  const parts = parseMerge(nodes, binds);
  if (!parts) return undefined;
  return {
    // The nodes were scanned from `statement` itself, so edit offsets index it directly.
    sql: applyEdits(statement, parts.edits),
    count: async (run, queryId) => mergeResult(await countMerge(parts, run, queryId), queryId),
  };
}

function parseMerge(nodes: SqlNode[], binds: Map<SqlNode, number>): MergeParts | undefined {
  const mergeAt = nextSignificant(nodes, 0);
  const intoAt = nextSignificant(nodes, mergeAt + 1);
  if (!isWord(nodes[intoAt], 'INTO')) return undefined;
  const usingAt = findKeyword(nodes, intoAt + 1, ['USING']);
  const onAt = findKeyword(nodes, usingAt + 1, ['ON']);
  const firstWhen = findKeyword(nodes, onAt + 1, ['WHEN']);
  if (firstWhen >= nodes.length) return undefined;
  const targetNodes = nodes.slice(intoAt + 1, usingAt);
  const clauses: MergeClause[] = [];
  const edits: Edit[] = [];
  for (let at = firstWhen; at < nodes.length; ) {
    const next = findKeyword(nodes, at + 1, ['WHEN']);
    const clause = parseClause(nodes.slice(at + 1, next), binds, edits);
    if (!clause) return undefined; // something Snowflake has no word for (e.g. BY SOURCE): let DuckDB answer
    clauses.push(clause);
    at = next;
  }
  return {
    target: fragment(targetNodes, binds),
    targetRef: referenceName(targetNodes),
    source: fragment(nodes.slice(usingAt + 1, onAt), binds),
    on: fragment(nodes.slice(onAt + 1, firstWhen), binds),
    clauses,
    edits,
  };
}

/** The nodes after WHEN: `[NOT] MATCHED [AND cond] THEN action`. */
function parseClause(nodes: SqlNode[], binds: Map<SqlNode, number>, edits: Edit[]): MergeClause | undefined {
  let at = nextSignificant(nodes, 0);
  const matched = !isWord(nodes[at], 'NOT');
  if (!matched) at = nextSignificant(nodes, at + 1);
  if (!isWord(nodes[at], 'MATCHED')) return undefined;
  const thenAt = findKeyword(nodes, at + 1, ['THEN']);
  const andAt = nextSignificant(nodes, at + 1);
  let condition: Fragment | undefined;
  if (isWord(nodes[andAt], 'AND')) condition = fragment(nodes.slice(andAt + 1, thenAt), binds);
  else if (andAt !== thenAt) return undefined;
  const actionAt = nextSignificant(nodes, thenAt + 1);
  const action = nodes[actionAt];
  if (matched && isWord(action, 'UPDATE')) {
    const setAt = nextSignificant(nodes, actionAt + 1);
    if (allByNameEdit(nodes, setAt, edits)) return { matched, condition, action: 'update' };
    edits.push(...assignmentQualifierEdits(nodes.slice(setAt + 1)));
    return { matched, condition, action: 'update' };
  }
  if (matched && isWord(action, 'DELETE')) return { matched, condition, action: 'delete' };
  if (!matched && isWord(action, 'INSERT')) {
    if (allByNameEdit(nodes, nextSignificant(nodes, actionAt + 1), edits)) return { matched, condition, action: 'insert' };
    const list = nodes[nextSignificant(nodes, actionAt + 1)];
    if (isGroup(list)) edits.push(...columnListQualifierEdits(list));
    return { matched, condition, action: 'insert' };
  }
  return undefined;
}

/**
 * Snowflake's `UPDATE ALL BY NAME` / `INSERT ALL BY NAME` (every target column from the source
 * column of the same name) is DuckDB's `UPDATE BY NAME` / `INSERT BY NAME`: drops the ALL.
 */
function allByNameEdit(nodes: SqlNode[], allAt: number, edits: Edit[]): boolean {
  const byAt = nextSignificant(nodes, allAt + 1);
  if (!isWord(nodes[allAt], 'ALL') || !isWord(nodes[byAt], 'BY') || !isWord(nodes[nextSignificant(nodes, byAt + 1)], 'NAME')) return false;
  edits.push({ start: nodeStart(nodes[allAt]), end: nodeStart(nodes[byAt]), text: '' });
  return true;
}

const ROW_ID = '"__snowpark_local_rowid"';
const ACTION = '"__snowpark_local_action"';

async function countMerge(parts: MergeParts, run: CountQueryRunner, queryId: string): Promise<MergeCounts> {
  const has = (action: Action): boolean => parts.clauses.some((clause) => clause.action === action);
  const counts: MergeCounts = {
    inserted: has('insert') ? 0 : undefined,
    updated: has('update') ? 0 : undefined,
    deleted: has('delete') ? 0 : undefined,
  };
  const matched = parts.clauses.filter((clause) => clause.matched);
  if (matched.length) {
    const [[updated, deleted, conflict]] = await run(matchedCountQuery(parts, matched));
    if (conflict !== null && conflict !== undefined) throw await duplicateRowError(parts, conflict, run, queryId);
    if (counts.updated !== undefined) counts.updated = Number(updated);
    if (counts.deleted !== undefined) counts.deleted = Number(deleted);
  }
  const notMatched = parts.clauses.filter((clause) => !clause.matched);
  if (notMatched.length) {
    const [[inserted]] = await run(insertCountQuery(parts, notMatched));
    counts.inserted = Number(inserted);
  }
  return counts;
}

/**
 * Per target row: how many joined source rows fire a WHEN MATCHED clause (the first whose
 * condition holds, in order), and how many of those update it.
 */
function matchedCountQuery(parts: MergeParts, clauses: MergeClause[]): Fragment {
  const whens = joinFragments(
    clauses.map((clause) => sql`WHEN (${clause.condition ?? TRUE}) THEN '${raw(clause.action)}'`),
    ' ',
  );
  const tref = { text: parts.targetRef, binds: [] };
  return sql`SELECT COUNT(*) FILTER (WHERE acts = 1 AND upd = 1), COUNT(*) FILTER (WHERE acts >= 1 AND upd = 0), MIN(${raw(ROW_ID)}) FILTER (WHERE acts > 1 AND upd > 0) FROM (SELECT ${raw(ROW_ID)}, COUNT(${raw(ACTION)}) AS acts, COUNT(*) FILTER (WHERE ${raw(ACTION)} = 'update') AS upd FROM (SELECT ${tref}.rowid AS ${raw(ROW_ID)}, CASE ${whens} END AS ${raw(ACTION)} FROM ${parts.target} JOIN ${parts.source} ON (${parts.on})) GROUP BY ${raw(ROW_ID)})`;
}

/** Source rows that match no target row and fire a WHEN NOT MATCHED clause. */
function insertCountQuery(parts: MergeParts, clauses: MergeClause[]): Fragment {
  const fires = clauses.some((clause) => !clause.condition)
    ? TRUE
    : joinFragments(clauses.map((clause) => sql`(${clause.condition!})`), ' OR ');
  return sql`SELECT COUNT(*) FROM ${parts.source} WHERE NOT EXISTS (SELECT 1 FROM ${parts.target} WHERE ${parts.on}) AND (${fires})`;
}

async function duplicateRowError(parts: MergeParts, rowId: unknown, run: CountQueryRunner, queryId: string): Promise<SqlError> {
  // One JSON object per row keeps the columns' order and types (10, not "10").
  const id = raw(String(Number(rowId)));
  const rows = await run(sql`SELECT CAST(to_json(r) AS VARCHAR) FROM (SELECT ${raw(parts.targetRef)}.* FROM ${parts.target} WHERE ${raw(parts.targetRef)}.rowid = ${id}) AS r`);
  const row = typeof rows[0]?.[0] === 'string' ? (JSON.parse(rows[0][0]) as Record<string, unknown>) : {};
  const values = Object.values(row).map((value) => JSON.stringify(value)).join(', ');
  return new SqlError(
    '100090',
    '42P18',
    `Duplicate row detected during DML action\nRow Values: [${values}]\n` +
      'Several source rows match this target row in the MERGE. Make the source unique on the ON columns ' +
      '(e.g. QUALIFY ROW_NUMBER() OVER (PARTITION BY key ORDER BY …) = 1).',
    queryId,
  );
}

const TRUE: Fragment = { text: 'TRUE', binds: [] };

function raw(text: string): Fragment {
  return { text, binds: [] };
}
