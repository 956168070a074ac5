// What the dialect hands the DuckDB engine: SQL with placeholders, and the Snowflake calls
// the engine must evaluate itself (asynchronously, before DuckDB runs the statement).

export type DeferredFunction =
  | 'SYSTEM$WAIT'
  | 'SYSTEM$CANCEL_QUERY'
  | 'LAST_QUERY_ID'
  | 'RESULT_SCAN'
  | 'CURRENT_DATABASE'
  | 'CURRENT_SCHEMA'
  | 'CURRENT_ROLE'
  | 'CURRENT_WAREHOUSE'
  | 'CURRENT_USER'
  | 'CURRENT_ACCOUNT'
  | 'CURRENT_SESSION'
  | 'CURRENT_REGION'
  | 'CURRENT_VERSION'
  | 'CURRENT_SCHEMAS'
  | 'CURRENT_AVAILABLE_ROLES'
  | 'CURRENT_STATEMENT'
  | 'GET_DDL'
  | 'QUERY_HISTORY'
  | 'QUERY_HISTORY_BY_SESSION'
  | 'QUERY_HISTORY_BY_USER'
  | 'QUERY_HISTORY_BY_WAREHOUSE';

export interface DeferredCall {
  /** A token that appears in `Translation.sql` (unless this call is another call's argument). */
  placeholder: string;
  fn: DeferredFunction;
  /**
   * Constant arguments: numbers, string literal values (unquoted), NULL as null. An argument
   * that is itself a deferred call (`RESULT_SCAN(LAST_QUERY_ID())`) is that call's placeholder;
   * it comes earlier in `Translation.deferred`, so evaluating in order resolves it first.
   */
  args: Array<string | number | null>;
}

export interface Translation {
  sql: string;
  /** In the order they must be evaluated: inner calls before outer, left to right. */
  deferred: DeferredCall[];
  /**
   * Result column names to keep exactly as DuckDB reports them (quoted names with lower
   * case). Every other column name is upper-cased by the engine, as Snowflake would.
   */
  preserveCaseColumns: string[];
}
