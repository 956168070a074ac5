import { QueryHistoryEntry } from '../queryHistory';

// The output columns of INFORMATION_SCHEMA.QUERY_HISTORY / QUERY_HISTORY_BY_*, in the
// documented order, with the DuckDB type that shows as the documented one (TEXT → VARCHAR,
// NUMBER → NUMBER(38,0), TIMESTAMP_LTZ → a timestamp with time zone). A column the local
// engine has no value for (bytes scanned, credits, queueing …) is NULL, never made up.
// https://docs.snowflake.com/en/sql-reference/functions/query_history (columns up to
// QUERY_PARAMETERIZED_HASH_VERSION), the columns added at the end by the 2024_02 bundle
// (https://docs.snowflake.com/en/release-notes/bcr-bundles/2024_02/bcr-1431-1524-1540) and
// the USER_* columns of the 2024_08 bundle (https://docs.snowflake.com/en/release-notes/bcr-bundles/2024_08/bcr-1771).

export type HistoryCell = string | number | boolean | null;

export interface HistoryColumn {
  name: string;
  duckdbType: 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMPTZ';
  /** Undefined: the local engine has no value for it (always NULL). */
  value?: (entry: QueryHistoryEntry, nowMs: number) => HistoryCell;
}

const text = (name: string, value?: HistoryColumn['value']): HistoryColumn => ({ name, duckdbType: 'VARCHAR', value });
const number = (name: string, value?: HistoryColumn['value']): HistoryColumn => ({ name, duckdbType: 'BIGINT', value });
const time = (name: string, value: (entry: QueryHistoryEntry) => number | undefined): HistoryColumn => ({
  name,
  duckdbType: 'TIMESTAMPTZ',
  value: (entry) => {
    const ms = value(entry);
    if (ms === undefined) return null;
    // To the microsecond: `…T07:13:20.123Z` plus the three digits after the millisecond.
    const micros = String(Math.floor((ms % 1) * 1000)).padStart(3, '0');
    return new Date(Math.floor(ms)).toISOString().replace('Z', `${micros}Z`);
  },
});

export const QUERY_HISTORY_COLUMNS: readonly HistoryColumn[] = [
  text('QUERY_ID', (e) => e.queryId),
  text('QUERY_TEXT', (e) => e.queryText),
  text('DATABASE_NAME', (e) => e.databaseName),
  text('SCHEMA_NAME', (e) => e.schemaName),
  text('QUERY_TYPE', (e) => e.queryType),
  number('SESSION_ID', (e) => e.sessionId),
  text('USER_NAME', (e) => e.userName),
  text('ROLE_NAME', (e) => e.roleName),
  text('WAREHOUSE_NAME', (e) => e.warehouseName),
  text('WAREHOUSE_SIZE'),
  text('WAREHOUSE_TYPE'),
  number('CLUSTER_NUMBER'),
  text('QUERY_TAG', (e) => e.queryTag),
  text('EXECUTION_STATUS', (e) => e.status),
  number('ERROR_CODE', (e) => e.errorCode ?? null),
  text('ERROR_MESSAGE', (e) => e.errorMessage ?? null),
  time('START_TIME', (e) => e.startMs),
  // A running statement has no end yet.
  time('END_TIME', (e) => e.endMs),
  // A running statement's elapsed time so far.
  number('TOTAL_ELAPSED_TIME', (e, nowMs) => Math.round((e.endMs ?? nowMs) - e.startMs)),
  number('BYTES_SCANNED'),
  number('ROWS_PRODUCED', (e) => e.rowsProduced ?? null),
  number('COMPILATION_TIME'),
  number('EXECUTION_TIME'),
  number('QUEUED_PROVISIONING_TIME'),
  number('QUEUED_REPAIR_TIME'),
  number('QUEUED_OVERLOAD_TIME'),
  number('TRANSACTION_BLOCKED_TIME'),
  text('OUTBOUND_DATA_TRANSFER_CLOUD'),
  text('OUTBOUND_DATA_TRANSFER_REGION'),
  number('OUTBOUND_DATA_TRANSFER_BYTES'),
  text('INBOUND_DATA_TRANSFER_CLOUD'),
  text('INBOUND_DATA_TRANSFER_REGION'),
  number('INBOUND_DATA_TRANSFER_BYTES'),
  { name: 'CREDITS_USED_CLOUD_SERVICES', duckdbType: 'DOUBLE' },
  number('LIST_EXTERNAL_FILE_TIME'),
  text('RELEASE_VERSION'),
  number('EXTERNAL_FUNCTION_TOTAL_INVOCATIONS'),
  number('EXTERNAL_FUNCTION_TOTAL_SENT_ROWS'),
  number('EXTERNAL_FUNCTION_TOTAL_RECEIVED_ROWS'),
  number('EXTERNAL_FUNCTION_TOTAL_SENT_BYTES'),
  number('EXTERNAL_FUNCTION_TOTAL_RECEIVED_BYTES'),
  // Every local statement is the user's own; no driver adds statements of its own here.
  { name: 'IS_CLIENT_GENERATED_STATEMENT', duckdbType: 'BOOLEAN', value: () => false },
  text('QUERY_HASH'),
  number('QUERY_HASH_VERSION'),
  text('QUERY_PARAMETERIZED_HASH'),
  number('QUERY_PARAMETERIZED_HASH_VERSION'),
  number('TRANSACTION_ID'),
  number('QUERY_ACCELERATION_BYTES_SCANNED'),
  number('QUERY_ACCELERATION_PARTITIONS_SCANNED'),
  number('QUERY_ACCELERATION_UPPER_LIMIT_SCALE_FACTOR'),
  number('BYTES_WRITTEN_TO_RESULT'),
  number('ROWS_WRITTEN_TO_RESULT'),
  number('ROWS_INSERTED'),
  number('QUERY_RETRY_TIME'),
  text('QUERY_RETRY_CAUSE'),
  number('FAULT_HANDLING_TIME'),
  text('USER_TYPE'),
  text('USER_DATABASE_NAME'),
  number('USER_DATABASE_ID'),
  text('USER_SCHEMA_NAME'),
  number('USER_SCHEMA_ID'),
];
