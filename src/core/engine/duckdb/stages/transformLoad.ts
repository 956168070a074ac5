import { isPunct, isTrivia, isWord, splitAtCommas } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree } from '../../../sql/tokenTree';
import { compilationError, executionCancelled, SqlError } from '../../sqlError';
import { toSnowflakeError } from '../errorMapping';
import { DuckSession } from '../session/duckSession';
import { CopyIntoTable } from './copyIntoTable';
import { CopyOptions } from './copyOptions';
import { FileFormat } from './fileFormat';
import { isSemiStructured } from './fileRecords';
import { ConversionInput } from './loadConversion';
import { LoadError } from './loadErrors';
import { loadColumns, LoadTarget, quote } from './loadTarget';
import { SelectedFile } from './stagedFileList';
import { convertStagedRows, LoadPlan, ReadResult, StagedFile, StagingContext } from './stagedFileLoader';
import { planStagedSelect, StagedReference } from './stagedSelect';
import { dropStagedSources, materializeStagedSource } from './stagedSource';
import { StageServices } from './stageServices';

// COPY INTO t [(cols)] FROM ( SELECT $1, t.$2::NUMBER, $3:a … FROM @stage t ) (docs: "Transforming
// data during a load"). Each file is read into the staged table a query of staged files reads
// (stagedSource.ts), the SELECT runs over it with the file's row number carried alongside, and
// its output goes through the same conversion to the table's types as a plain load, so
// ON_ERROR counts rows the same way. A SELECT that fails on some row (`'abc'::NUMBER`) is run
// again row by row for that file, so the failing rows are the ones counted.

const ROW_COLUMN = '__snowpark_row';

export interface TransformPlan extends LoadPlan {
  transform: { sql: string; reference: StagedReference; columnsNamed: number };
}

export function transformPlanOf(copy: CopyIntoTable, target: LoadTarget, format: FileFormat, options: CopyOptions): TransformPlan {
  const where = `COPY INTO ${target.name}`;
  if (options.matchByColumnName !== 'NONE') throw compilationError(`${where}: MATCH_BY_COLUMN_NAME cannot be combined with a transformation query.`);
  const planned = planStagedSelect(copy.transform ?? '');
  if (!planned || planned.references.length !== 1) throw compilationError(`${where}: the transformation query must read from exactly one stage location.`);
  const nodes = buildTokenTree(scanSql(planned.sql));
  const from = nodes.findIndex((node) => isWord(node, 'FROM'));
  const select = nodes.findIndex((node) => isWord(node, 'SELECT'));
  if (select < 0 || from < 0) throw compilationError(`${where}: the transformation must be SELECT … FROM @stage.`);
  const items = splitAtCommas(nodes.slice(select + 1, from)).map((part) => part.filter((node) => !isTrivia(node))).filter((part) => part.length);
  if (items.some((part) => isPunct(part[part.length - 1], '*'))) {
    throw compilationError(`${where}: a transformation lists its columns ($1, $2 …); SELECT * is not supported.`);
  }
  const outputs = items.length;
  const fromOffset = nodes[from].type === 'token' ? nodes[from].token.start : 0;
  const sql = `${planned.sql.slice(0, fromOffset)}, "METADATA$FILE_ROW_NUMBER" AS "${ROW_COLUMN}" ${planned.sql.slice(fromOffset)}`;
  let columns;
  if (copy.columns) {
    columns = loadColumns(copy.columns, target);
    if (columns.length !== outputs) {
      throw new SqlError('002020', '21S01', `SQL compilation error:\nInsert value list does not match column list expecting ${columns.length} but got ${outputs}`);
    }
  } else {
    if (outputs > target.columns.length) {
      throw new SqlError('002020', '21S01', `SQL compilation error:\nInsert value list does not match column list expecting ${target.columns.length} but got ${outputs}`);
    }
    columns = target.columns.slice(0, outputs);
  }
  return {
    target,
    format,
    columns,
    mapping: { kind: 'position', count: outputs },
    truncateColumns: options.truncateColumns,
    transform: { sql, reference: planned.references[0], columnsNamed: planned.columnsNamed },
  };
}

export async function stageTransformedFile(
  file: SelectedFile,
  plan: TransformPlan,
  context: StagingContext & { session: DuckSession; services: StageServices },
): Promise<StagedFile> {
  const { connection, signal, queryId } = context;
  const { reference } = plan.transform;
  await materializeStagedSource(reference, context, { columnsNamed: plan.transform.columnsNamed, files: [file], format: plan.format });
  const staging = context.tableName('stg');
  try {
    const query = await context.toDuckDb(plan.transform.sql);
    const described = (await connection.runAndReadAll(`DESCRIBE ${query}`)).getRows().map((row) => String(row[1]));
    const outputs = plan.columns.map((column, i) => {
      const type = described[i];
      const at = `#${i + 1}`;
      if (type === 'JSON') return isSemiStructured(column) ? `CAST(${at} AS VARCHAR)` : `json_extract_string(${at}, '$')`;
      if (type === 'BLOB') return `hex(${at})`;
      return `CAST(${at} AS VARCHAR)`;
    });
    const inputs: ConversionInput[] = plan.columns.map((column, i) => ({ column, formatted: described[i] === 'VARCHAR' }));
    const projection = (source: string): string => `SELECT "${ROW_COLUMN}" AS "__row", ${outputs.map((expr, i) => `${expr} AS "v${i + 1}"`).join(', ')} FROM (${source}) AS "__q"`;
    const [[rows]] = (await connection.runAndReadAll(`SELECT count(*) FROM ${quote(reference.table)}`)).getRows();
    const read: ReadResult = { rows: Number(rows), errors: 0 };
    try {
      await connection.run(`CREATE TEMP TABLE ${quote(staging)} AS ${projection(query)}`);
    } catch (error) {
      if (signal.aborted) throw executionCancelled(queryId);
      // Some row's expression failed: find which, one row at a time.
      await connection.run(`CREATE TEMP TABLE ${quote(staging)} AS ${projection(query)} LIMIT 0`);
      for (let row = 1; row <= read.rows; row++) {
        const oneRow = query.split(`"${reference.table}"`).join(`(SELECT * FROM "${reference.table}" WHERE "METADATA$FILE_ROW_NUMBER" = ${row})`);
        try {
          await connection.run(`INSERT INTO ${quote(staging)} ${projection(oneRow)}`);
        } catch (rowError) {
          if (signal.aborted) throw executionCancelled(queryId);
          read.errors++;
          read.firstError ??= rowFailure(row, toSnowflakeError(rowError ?? error));
        }
      }
    }
    return await convertStagedRows(staging, inputs, read, plan, context);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${quote(staging)}`);
    await dropStagedSources([reference], connection);
  }
}

function rowFailure(row: number, error: SqlError): LoadError {
  return { row, rowLine: row, line: row, character: 1, columnName: null, message: error.detail.split('\n')[0], code: error.errorCode, sqlState: error.sqlState };
}
