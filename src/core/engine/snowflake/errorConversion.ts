import { Redactor } from '../../connections/secrets';
import { SqlError } from '../sqlError';
import { SdkError } from './snowflakeSdk';

// snowflake-sdk errors carry Snowflake's own code (a string such as "002003" from the
// service, a number such as 401001 from the driver), the SQLSTATE and, for statement
// errors, data.queryId. They become SqlError with those values, so the shim raises the
// same SnowparkSQLException it would raise inside Snowflake. Every message is scrubbed.

export function toSqlError(error: unknown, redactor: Redactor, fallbackQueryId?: string): SqlError {
  if (error instanceof SqlError) return error;
  const sdkError = (error ?? {}) as SdkError;
  const rawCode = sdkError.code;
  const code = rawCode === undefined || rawCode === null || rawCode === '' || rawCode === -1 ? '100000' : String(rawCode).padStart(6, '0');
  const sqlState = sdkError.sqlState ?? sdkError.data?.sqlState ?? (isConnectionCode(code) ? '08001' : 'XX000');
  const queryId = sdkError.data?.queryId ?? fallbackQueryId;
  const message = redactor.scrub(stripCodePrefix(sdkError.message ?? String(error), code));
  return new SqlError(code, sqlState, message, queryId, code === '000604');
}

/** Some service messages already start with "002003 (42S02): …"; SqlError adds its own. */
function stripCodePrefix(message: string, code: string): string {
  return message.replace(new RegExp(`^${code} \\([0-9A-Z]{5}\\): `), '');
}

// 390xxx: the service refused the login; 401xxx/402xxx: the driver could not reach it.
function isConnectionCode(code: string): boolean {
  return /^(390|401|402)/.test(code);
}
