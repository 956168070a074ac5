import { ChannelError } from '../runner/protocol';

/**
 * A failed statement, in Snowflake's terms: error code, SQLSTATE and the query id, so
 * the shim can raise SnowparkSQLException exactly as Snowpark would and the UI can say
 * which query failed.
 */
export class SqlError extends Error {
  constructor(
    readonly errorCode: string,
    readonly sqlState: string,
    readonly detail: string,
    readonly queryId?: string,
    readonly cancelled = false,
  ) {
    super(`${errorCode} (${sqlState}): ${detail}`);
    this.name = 'SqlError';
  }

  withQueryId(queryId: string): SqlError {
    return new SqlError(this.errorCode, this.sqlState, this.detail, queryId, this.cancelled);
  }

  toChannelError(): ChannelError {
    return {
      kind: this.cancelled ? 'cancelled' : 'sql',
      // The server's text alone: the shim puts "code (state): " in front, as the connector does.
      message: this.detail,
      errorCode: this.errorCode,
      sqlState: this.sqlState,
      queryId: this.queryId,
    };
  }
}

// Snowflake's own codes for the situations the seed behaviours name.
export const resultExpired = (queryId: string): SqlError =>
  new SqlError('000710', '02000', `Result for query ${queryId} has expired`, queryId);

export const statementNotFound = (queryId: string): SqlError =>
  new SqlError('000709', '02000', `Statement ${queryId} not found`, queryId);

export const executionCancelled = (queryId?: string): SqlError =>
  new SqlError('000604', '57014', 'SQL execution canceled', queryId, true);

export const compilationError = (detail: string, queryId?: string): SqlError =>
  new SqlError('001003', '42000', `SQL compilation error:\n${detail}`, queryId);
