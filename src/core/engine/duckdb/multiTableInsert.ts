import { randomBytes } from 'node:crypto';
import { QueryResult } from '../../runner/protocol';
import { unquoteIdentifier } from '../../sql/identifiers';
import { isPunct, isTokenOf, isWord, nodesText } from '../../sql/nodes';
import { SqlNode } from '../../sql/tokenTree';
import { compilationError, SqlError } from '../sqlError';
import type { CountQueryRunner, DmlPlan } from './dmlPlan';
import { fragment, Fragment, joinFragments, sql } from './dmlParsing';
import { IntoClauseSyntax, MultiTableInsertSyntax, readMultiTableInsert } from './multiTableInsertSyntax';
import { quote } from './stages/loadTarget';

// Snowflake's multi-table INSERT (INSERT [OVERWRITE] ALL|FIRST … <subquery>) has no DuckDB
// form. It runs as several DuckDB statements in the statement's one transaction (so a failed
// or cancelled INTO leaves every table as it was, and the staging table goes with the rollback):
//  1. the subquery runs once into a temporary staging table, with each WHEN condition as a
//     flag column beside it, so every INTO sees the same rows (RANDOM(), SEQ…) and FIRST
//     sees the same conditions;
//  2. OVERWRITE empties each target;
//  3. each INTO is an INSERT … SELECT from the staging table, filtered by the flags;
//  4. the statement itself drops the staging table.
// WHEN and VALUES read the staging table alone, so they see only the subquery's output
// columns (by name, default name or $n), as Snowflake allows. The answer is one row with a
// column per INTO: "number of rows inserted into <TABLE>" (Snowflake's words, as its Node.js
// connector's tests record them).

const STAGING_PREFIX = '__snowpark_local_multi_insert_';
const FLAG_PREFIX = '__snowpark_local_when_';
const SOURCE_ALIAS = '"__snowpark_local_source"';

/** A VALUES item: SQL over the staging table, or DEFAULT (the column is left to the table). */
type Value = Fragment | 'DEFAULT';

interface IntoPlan {
  into: IntoClauseSyntax;
  /** Which staged rows this INTO takes, over the flag columns; none for every row. */
  filter?: string;
  values?: Value[];
}

interface StatementPlan {
  syntax: MultiTableInsertSyntax;
  source: Fragment;
  conditions: Fragment[];
  intos: IntoPlan[];
}

export function planMultiTableInsert(nodes: SqlNode[], binds: Map<SqlNode, number>): DmlPlan | undefined {
  const syntax = readMultiTableInsert(nodes);
  if (!syntax) return undefined;
  if ('problem' in syntax) throw compilationError(syntax.problem);
  const plan: StatementPlan = {
    syntax,
    source: fragment(nodes.slice(syntax.sourceAt), binds),
    conditions: syntax.clauses.flatMap((clause) => (clause.condition ? [fragment(clause.condition, binds)] : [])),
    intos: intoPlans(syntax, binds),
  };
  const staging = `temp.main."${STAGING_PREFIX}${randomBytes(6).toString('hex')}"`;
  return {
    sql: `DROP TABLE ${staging}`,
    count: (run, queryId) => runMultiTableInsert(plan, staging, run, queryId),
    sqlTakesBinds: false,
  };
}

/** Every INTO in order, with the flags that choose its rows (FIRST: no earlier WHEN held; ELSE: none held). */
function intoPlans(syntax: MultiTableInsertSyntax, binds: Map<SqlNode, number>): IntoPlan[] {
  const flag = (index: number): string => `"${FLAG_PREFIX}${index}"`;
  const anyOf = (count: number): string => Array.from({ length: count }, (_, i) => flag(i)).join(' OR ');
  const values = (into: IntoClauseSyntax): Value[] | undefined => into.values?.map((item) => valueFragment(item, into, binds));
  const plans: IntoPlan[] = [];
  syntax.clauses.forEach((clause, index) => {
    let filter: string | undefined;
    if (clause.condition) filter = syntax.first && index > 0 ? `${flag(index)} AND NOT (${anyOf(index)})` : flag(index);
    for (const into of clause.intos) plans.push({ into, filter, values: values(into) });
  });
  for (const into of syntax.otherwise) plans.push({ into, filter: `NOT (${anyOf(syntax.clauses.length)})`, values: values(into) });
  return plans;
}

/**
 * A VALUES item. `src1.key` names a table the subquery hides: Snowflake rejects it as an
 * invalid identifier (its example), and so do we.
 */
function valueFragment(item: SqlNode[], into: IntoClauseSyntax, binds: Map<SqlNode, number>): Value {
  if (item.length === 1 && isWord(item[0], 'DEFAULT')) return 'DEFAULT';
  const qualified = item.length >= 3 && item.every((node, i) => (i % 2 ? isPunct(node, '.') : isTokenOf(node, 'word') || isTokenOf(node, 'quotedIdent')));
  if (qualified) {
    throw new SqlError(
      '000904',
      '42000',
      `SQL compilation error:\ninvalid identifier '${nodesText(item).toUpperCase()}'\n` +
        `The VALUES of INTO ${into.table.name} can read only the subquery's columns, by their names or aliases ($1, $2 … by position).`,
    );
  }
  return fragment(item, binds);
}

async function runMultiTableInsert(plan: StatementPlan, staging: string, run: CountQueryRunner, queryId: string): Promise<QueryResult> {
  const flags = plan.conditions.map((condition, i) => sql`, (${condition}) IS TRUE AS "${raw(FLAG_PREFIX + i)}"`);
  await run(sql`CREATE TEMP TABLE ${raw(staging)} AS SELECT ${raw(SOURCE_ALIAS)}.*${joinFragments(flags, '')} FROM (${plan.source}) AS ${raw(SOURCE_ALIAS)}`);
  try {
    const sourceWidth = (await run(raw(`DESCRIBE ${staging}`))).length - plan.conditions.length;
    const targets = new TargetColumns(run);
    // Every INSERT is built (and checked) before anything is written.
    const inserts: Fragment[] = [];
    for (const into of plan.intos) inserts.push(await insertSql(into, staging, sourceWidth, targets, queryId));
    if (plan.syntax.overwrite) {
      for (const table of new Set(plan.intos.map(({ into }) => into.table.name))) await run(raw(`DELETE FROM ${table}`));
    }
    const counts: number[] = [];
    for (const insert of inserts) counts.push(Number((await run(insert))[0]?.[0] ?? 0));
    return {
      queryId,
      columns: plan.intos.map(({ into }) => ({ name: `number of rows inserted into ${targetName(into)}`, type: 'NUMBER(38,0)' })),
      data: counts.map((count) => [count]),
      rowCount: 1,
    };
  } catch (error) {
    // Inside the session's explicit transaction nothing rolls back an error of ours (002020):
    // the staging table must not outlive the statement there. (After DuckDB's own errors the
    // transaction is aborted, this DROP fails, and the rollback takes the table.)
    await run(raw(`DROP TABLE IF EXISTS ${staging}`)).catch(() => undefined);
    throw error;
  }
}

/** `INSERT INTO t (columns) SELECT values FROM staging [WHERE flags]`, DEFAULT values left to the table. */
async function insertSql(plan: IntoPlan, staging: string, sourceWidth: number, targets: TargetColumns, queryId: string): Promise<Fragment> {
  const { into } = plan;
  const columns = into.columns?.map((item) => nodesText(item)) ?? (await targets.of(into.table.name)).map((column) => quote(column.name));
  // Without VALUES the subquery's columns go in their order ($1, $2 …, DuckDB's #1, #2 …).
  const values: Value[] = plan.values ?? Array.from({ length: sourceWidth }, (_, i) => raw(`#${i + 1}`));
  if (values.length !== columns.length) {
    throw new SqlError(
      '002020',
      '21S01',
      `SQL compilation error:\nInsert value list does not match column list expecting ${columns.length} but got ${values.length}\n` +
        `(INTO ${into.table.name}: ${columns.length} target columns, ${values.length} ${plan.values ? 'VALUES' : 'subquery columns'})`,
      queryId,
    );
  }
  const kept = columns.flatMap((column, i) => {
    const value = values[i];
    return value === 'DEFAULT' ? [] : [{ column, value }];
  });
  if (!kept.length) kept.push(await allDefaults(into, columns[0], targets));
  const where = plan.filter ? ` WHERE ${plan.filter}` : '';
  return sql`INSERT INTO ${raw(into.table.name)} (${raw(kept.map(({ column }) => column).join(', '))}) SELECT ${joinFragments(
    kept.map(({ value }) => value),
    ', ',
  )} FROM ${raw(staging)}${raw(where)}`;
}

/**
 * Every value DEFAULT: DuckDB's INSERT … SELECT needs one column, so the first one gets its
 * default expression as the catalog shows it (NULL when it has none).
 */
async function allDefaults(into: IntoClauseSyntax, column: string, targets: TargetColumns): Promise<{ column: string; value: Fragment }> {
  const name = unquoteIdentifier(column).toLowerCase();
  const found = (await targets.of(into.table.name)).find((candidate) => candidate.name.toLowerCase() === name);
  return { column, value: raw(found?.default ?? 'NULL') };
}

/** Each target table's columns, asked of the catalog once per statement. */
class TargetColumns {
  private readonly known = new Map<string, Promise<Array<{ name: string; default: string | null }>>>();

  constructor(private readonly run: CountQueryRunner) {}

  of(table: string): Promise<Array<{ name: string; default: string | null }>> {
    let columns = this.known.get(table);
    if (!columns) {
      columns = this.run(raw(`DESCRIBE SELECT * FROM ${table}`)).then((rows) =>
        rows.map((row) => ({ name: String(row[0]), default: row[4] === null || row[4] === undefined ? null : String(row[4]) })),
      );
      this.known.set(table, columns);
    }
    return columns;
  }
}

/** The table as Snowflake names it in the answer: its own name, without database and schema. */
function targetName(into: IntoClauseSyntax): string {
  return unquoteIdentifier(into.table.parts[into.table.parts.length - 1]);
}

function raw(text: string): Fragment {
  return { text, binds: [] };
}

