import { DuckDBInstance } from '@duckdb/node-api';
import { translateToDuckDb } from '../src/core/engine/duckdb/dialect';
import { DuckDbEngine } from '../src/core/engine/duckdb/duckdbEngine';
import { JobManager } from '../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../src/core/jobs/queryExecutor';
import { scanSql } from '../src/core/sql/scanSql';
import { buildTokenTree } from '../src/core/sql/tokenTree';
import { SNOWFLAKE_FUNCTION_CASES } from '../test/unit/dialect/snowflakeFunctionCases';
import { percentile, report } from './benchSupport';

// The dialect's cost per statement: translateToDuckDb over the documentation corpus plus a
// DataFrame-shaped query, against the tokenizer alone (scan + bracket tree) on the same text in
// the same run; then `select 1` through the engine against raw DuckDB.

const ROUNDS = 200;
const CALLS = 2_000;

/** What the DataFrame layer sends: nested projections, quoted names, a window, a join. */
const DATAFRAME_QUERY =
  'SELECT "A", "B", "C" FROM ( SELECT "A", "B", ( "A" + "B" ) AS "C", ROW_NUMBER() OVER ( PARTITION BY "A" ORDER BY "B" ASC NULLS FIRST ) AS "R" ' +
  'FROM ( SELECT "L"."A" AS "A", "R"."B" AS "B" FROM ( SELECT $1 AS "A", $2 AS "B" FROM VALUES (1 :: INT, \'x\' :: STRING), (2 :: INT, \'y\' :: STRING) ) AS "L" ' +
  'INNER JOIN ( SELECT "A", IFF("A" > 1, 1, 0) AS "B" FROM "T" WHERE ( "A" IS NOT NULL ) ) AS "R" ON ( "L"."A" = "R"."A" ) ) ) WHERE ( "C" > 0 ) ORDER BY "A" ASC NULLS FIRST LIMIT 10';

/**
 * Times each of `works` on every statement, in turns round by round: this machine's speed
 * changes over seconds, and timing one after the other let a change land on one side only.
 */
function timeInTurns(statements: readonly string[], works: ReadonlyArray<(sql: string) => void>): number[][] {
  const out: number[][] = works.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    works.forEach((work, at) => {
      for (const sql of statements) {
        const started = process.hrtime.bigint();
        work(sql);
        out[at].push(Number(process.hrtime.bigint() - started) / 1000);
      }
    });
  }
  return out;
}

function microseconds(values: number[]): string {
  return `p50 ${percentile(values, 50).toFixed(1)} µs, p99 ${percentile(values, 99).toFixed(1)} µs`;
}

function translation(): void {
  // Statements the dialect refuses on purpose (listed known differences) are not timed.
  const corpus = [...new Set(SNOWFLAKE_FUNCTION_CASES.map((c) => c.sql))].filter((sql) => translates(sql));
  for (const [name, statements] of [
    ['documentation corpus', corpus],
    ['DataFrame-shaped query', [DATAFRAME_QUERY]],
  ] as const) {
    const tokenize = (sql: string) => buildTokenTree(scanSql(sql));
    const translate = (sql: string) => translateToDuckDb(sql);
    // Warm both paths so the JIT has settled before anything is timed.
    timeInTurns(statements, [tokenize, translate]);
    const [tokenizer, ours] = timeInTurns(statements, [tokenize, translate]);
    const ratio = percentile(ours, 50) / percentile(tokenizer, 50);
    report(`translateToDuckDb, ${name} (${statements.length} statements)`, microseconds(ours), `tokenizer alone ${microseconds(tokenizer)}`, ratio, 'p50 ≤ 5× the tokenizer', ratio <= 5);
  }
}

async function selectOne(): Promise<void> {
  const engine = await DuckDbEngine.open({ path: ':memory:' });
  const executor = new QueryExecutor(engine, new JobManager());
  const session = new SessionState({ database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null });
  const ours: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = process.hrtime.bigint();
    await executor.run({ runId: 'bench', parentId: 'bench', sql: 'select 1', session });
    ours.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  await engine.close();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const raw: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = process.hrtime.bigint();
    await (await connection.run('select 1')).getRows();
    raw.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  connection.closeSync();
  instance.closeSync();
  const p50 = percentile(ours, 50);
  report('select 1 through the engine', microseconds(ours), `raw DuckDB ${microseconds(raw)}`, p50 / percentile(raw, 50), 'ratio ≤ 3', p50 / percentile(raw, 50) <= 3);
}

async function main(): Promise<void> {
  translation();
  await selectOne();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

function translates(sql: string): boolean {
  try {
    translateToDuckDb(sql);
    return true;
  } catch {
    return false;
  }
}
