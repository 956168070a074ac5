// The session parameters SHOW PARAMETERS lists, with Snowflake's defaults and descriptions as
// its page prints them (https://docs.snowflake.com/en/sql-reference/sql/show-parameters,
// "Show all the session parameters"). Only TIMEZONE and QUERY_TAG change what the local
// engine does; the others are listed so a script that reads them finds Snowflake's values.

export interface ParameterDefault {
  key: string;
  default: string;
  description: string;
}

export const SESSION_PARAMETER_DEFAULTS: readonly ParameterDefault[] = [
  { key: 'ABORT_DETACHED_QUERY', default: 'false', description: 'If true, Snowflake will automatically abort queries when it detects that the client has disappeared.' },
  { key: 'AUTOCOMMIT', default: 'true', description: 'The autocommit property determines whether is statement should to be implicitly wrapped within a transaction or not.' },
  { key: 'BINARY_INPUT_FORMAT', default: 'HEX', description: 'input format for binary' },
  { key: 'BINARY_OUTPUT_FORMAT', default: 'HEX', description: 'display format for binary' },
  { key: 'CLIENT_SESSION_KEEP_ALIVE', default: 'false', description: 'If true, client session will not expire automatically' },
  { key: 'DATE_INPUT_FORMAT', default: 'AUTO', description: 'input format for date' },
  { key: 'DATE_OUTPUT_FORMAT', default: 'YYYY-MM-DD', description: 'display format for date' },
  { key: 'ERROR_ON_NONDETERMINISTIC_MERGE', default: 'true', description: 'raise an error when attempting to merge-update a row that joins many rows' },
  { key: 'ERROR_ON_NONDETERMINISTIC_UPDATE', default: 'false', description: 'raise an error when attempting to update a row that joins many rows' },
  { key: 'LOCK_TIMEOUT', default: '43200', description: 'Number of seconds to wait while trying to lock a resource, before timing out and aborting the statement.' },
  { key: 'QUERY_TAG', default: '', description: 'String (up to 2000 characters) used to tag statements executed by the session' },
  { key: 'QUOTED_IDENTIFIERS_IGNORE_CASE', default: 'false', description: 'If true, the case of quoted identifiers is ignored' },
  { key: 'ROWS_PER_RESULTSET', default: '0', description: 'maxium number of rows in a result set' },
  { key: 'STATEMENT_QUEUED_TIMEOUT_IN_SECONDS', default: '0', description: 'Timeout in seconds for queued statements: statements will automatically be canceled if they are queued on a warehouse for longer than this amount of time; disabled if set to zero.' },
  { key: 'STATEMENT_TIMEOUT_IN_SECONDS', default: '0', description: 'Timeout in seconds for statements: statements will automatically be canceled if they run for longer than this amount of time; disabled if set to zero.' },
  { key: 'TIMESTAMP_DAY_IS_ALWAYS_24H', default: 'true', description: 'If set, arithmetic on days always uses 24 hours per day, possibly not preserving the time (due to DST changes)' },
  { key: 'TIMESTAMP_INPUT_FORMAT', default: 'AUTO', description: 'input format for timestamp' },
  { key: 'TIMESTAMP_LTZ_OUTPUT_FORMAT', default: '', description: 'Display format for TIMESTAMP_LTZ values. If empty, TIMESTAMP_OUTPUT_FORMAT is used.' },
  { key: 'TIMESTAMP_NTZ_OUTPUT_FORMAT', default: 'YYYY-MM-DD HH24:MI:SS.FF3', description: 'Display format for TIMESTAMP_NTZ values. If empty, TIMESTAMP_OUTPUT_FORMAT is used.' },
  { key: 'TIMESTAMP_OUTPUT_FORMAT', default: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM', description: 'Default display format for all timestamp types.' },
  { key: 'TIMESTAMP_TYPE_MAPPING', default: 'TIMESTAMP_NTZ', description: 'If TIMESTAMP type is used, what specific TIMESTAMP* type it should map to: TIMESTAMP_LTZ (default), TIMESTAMP_NTZ or TIMESTAMP_TZ' },
  { key: 'TIMESTAMP_TZ_OUTPUT_FORMAT', default: '', description: 'Display format for TIMESTAMP_TZ values. If empty, TIMESTAMP_OUTPUT_FORMAT is used.' },
  { key: 'TIMEZONE', default: 'America/Los_Angeles', description: 'time zone' },
  { key: 'TIME_INPUT_FORMAT', default: 'AUTO', description: 'input format for time' },
  { key: 'TIME_OUTPUT_FORMAT', default: 'HH24:MI:SS', description: 'display format for time' },
  { key: 'TRANSACTION_ABORT_ON_ERROR', default: 'false', description: 'If this parameter is true, and a statement issued within a non-autocommit transaction returns with an error, then the non-autocommit transaction is aborted.' },
  { key: 'TRANSACTION_DEFAULT_ISOLATION_LEVEL', default: 'READ COMMITTED', description: 'The default isolation level when starting a starting a transaction, when no isolation level was specified' },
  { key: 'TWO_DIGIT_CENTURY_START', default: '1970', description: 'For 2-digit dates, defines a century-start year.' },
  { key: 'UNSUPPORTED_DDL_ACTION', default: 'ignore', description: 'The action to take upon encountering an unsupported ddl statement' },
  { key: 'USE_CACHED_RESULT', default: 'true', description: 'If enabled, query results can be reused between successive invocations of the same query as long as the original result has not expired' },
];
