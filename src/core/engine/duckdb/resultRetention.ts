import { DuckDBConnection, DuckDBDataChunk, DuckDBType } from '@duckdb/node-api';
import { QueryResult } from '../../runner/protocol';
import { quoteStringLiteral } from '../../sql/literals';

// Snowflake keeps every result for 24 hours so RESULT_SCAN can read it later. We keep the
// raw DuckDB chunks of recent results (cheap: no conversion) and turn one into a table in
// an attached in-memory catalog only when a RESULT_SCAN asks for it. Old results are
// dropped by count and by rows, so a long session cannot grow without bound; a dropped
// result answers RESULT_SCAN the way Snowflake answers an expired one.

export const RESULTS_CATALOG = 'snowpark_results';

interface RetainedResult {
  names: string[];
  types: DuckDBType[] | undefined;
  chunks: DuckDBDataChunk[] | undefined;
  encoded: QueryResult;
  rows: number;
  materialized: boolean;
}

export class ResultRetention {
  private readonly results = new Map<string, RetainedResult>();
  private retainedRows = 0;

  constructor(
    private readonly maxResults = 2_000,
    private readonly maxRows = 5_000_000,
  ) {}

  keep(queryId: string, encoded: QueryResult, types?: DuckDBType[], chunks?: DuckDBDataChunk[]): void {
    const rows = encoded.rowCount;
    this.results.set(queryId, {
      names: encoded.columns.map((column) => column.name),
      types,
      chunks,
      encoded,
      rows,
      materialized: false,
    });
    this.retainedRows += rows;
    while (this.results.size > this.maxResults || (this.retainedRows > this.maxRows && this.results.size > 1)) {
      const oldest = this.results.keys().next().value as string;
      this.retainedRows -= this.results.get(oldest)?.rows ?? 0;
      this.results.delete(oldest);
    }
  }

  has(queryId: string): boolean {
    return this.results.has(queryId);
  }

  /** The retained result's column names, as its statement answered them. */
  columnNames(queryId: string): string[] {
    return this.results.get(queryId)?.names ?? [];
  }

  tableName(queryId: string): string {
    return `${RESULTS_CATALOG}.main."q_${queryId.replace(/[^0-9a-zA-Z]/g, '_')}"`;
  }

  /** Creates the RESULT_SCAN table once, returns its qualified name. */
  async materialize(queryId: string, connection: DuckDBConnection): Promise<string> {
    const retained = this.results.get(queryId);
    if (!retained) throw new Error(`no retained result for ${queryId}`);
    const table = this.tableName(queryId);
    if (retained.materialized) return table;
    const bareName = `q_${queryId.replace(/[^0-9a-zA-Z]/g, '_')}`;
    if (retained.types && retained.chunks) {
      const columnsSql = retained.names
        .map((name, i) => `"${name.replace(/"/g, '""')}" ${retained.types![i].alias ?? retained.types![i].toString()}`)
        .join(', ');
      await connection.run(`CREATE OR REPLACE TABLE ${table} (${columnsSql})`);
      const appender = await connection.createAppender(bareName, 'main', RESULTS_CATALOG);
      for (const chunk of retained.chunks) appender.appendDataChunk(chunk);
      appender.flushSync();
      appender.closeSync();
    } else {
      // Synthetic results (DML counts, DDL status) are one small row: a VALUES list is enough.
      const { columns, data } = retained.encoded;
      const values = columns.map((_, c) => sqlLiteral(data[c][0])).join(', ');
      const names = columns.map((column) => `"${column.name.replace(/"/g, '""')}"`).join(', ');
      await connection.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM (VALUES (${values})) AS t(${names})`);
    }
    retained.materialized = true;
    return table;
  }
}

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quoteStringLiteral(String(value));
}
