/**
 * A metadata statement answered by a DuckDB query over DuckDB's catalog: the query, and its
 * result column names, kept exactly (SHOW and DESCRIBE name their columns in lower case).
 */
export interface MetadataQuery {
  sql: string;
  columns: string[];
}
