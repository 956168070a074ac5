import { MappedConnection } from '../../connections/sdkOptions';
import { Redactor } from '../../connections/secrets';
import { toSqlError } from './errorConversion';
import { loadSnowflakeSdk, SdkBind, SdkColumn, SdkConnection, SdkModule, SdkStatement, SdkStatementOptions } from './snowflakeSdk';

/** Exact numbers and variants as text: JS numbers would round NUMBER(38,0) and decimals. */
const AS_STRING: SdkStatementOptions['fetchAsString'] = ['Number', 'JSON'];

export interface FetchedRows {
  queryId: string;
  columns: SdkColumn[];
  rows: unknown[][];
}

/**
 * One logged-in snowflake-sdk connection, with the callback API turned into promises.
 * Opened once per runtime (one login per run or CLI call), shared by every statement.
 */
export class SnowflakeSession {
  private constructor(
    private readonly connection: SdkConnection,
    readonly redactor: Redactor,
  ) {}

  static async open(mapped: MappedConnection, sdk?: SdkModule): Promise<SnowflakeSession> {
    const module = sdk ?? (await loadSnowflakeSdk());
    let connection: SdkConnection;
    try {
      connection = module.createConnection({ ...mapped.options });
    } catch (error) {
      // Option validation (a missing account, a bad authenticator) throws synchronously.
      throw toSqlError(error, mapped.redactor);
    }
    await new Promise<void>((resolve, reject) => {
      connection.connect((error) => (error ? reject(toSqlError(error, mapped.redactor)) : resolve()));
    });
    return new SnowflakeSession(connection, mapped.redactor);
  }

  /** Submits without waiting (asyncExec) and resolves with the service's query id. */
  submit(sql: string, binds?: SdkBind[]): Promise<string> {
    return new Promise((resolve, reject) => {
      try {
        this.connection.execute({
          sqlText: sql,
          binds,
          asyncExec: true,
          complete: (error, statement, result) => {
            const queryId = statement?.getQueryId() ?? (result as { queryId?: string } | undefined)?.queryId;
            if (error) reject(toSqlError(error, this.redactor, queryId));
            else if (!queryId) reject(toSqlError(new Error('Snowflake accepted the statement but returned no query id.'), this.redactor));
            else resolve(queryId);
          },
        });
      } catch (error) {
        reject(toSqlError(error, this.redactor));
      }
    });
  }

  async status(queryId: string): Promise<string> {
    try {
      return await this.connection.getQueryStatus(queryId);
    } catch (error) {
      throw toSqlError(error, this.redactor, queryId);
    }
  }

  /** The rows of a finished query (getResultsFromQueryId checks it succeeded first). */
  async results(queryId: string): Promise<FetchedRows> {
    return new Promise((resolve, reject) => {
      const complete = this.collect(queryId, resolve, reject);
      this.connection.getResultsFromQueryId({ queryId, rowMode: 'array', fetchAsString: AS_STRING, complete }).catch((error: unknown) => reject(toSqlError(error, this.redactor, queryId)));
    });
  }

  /**
   * Asks for a failed query's result: the service answers with the query's own error code,
   * SQLSTATE and message, which the status alone does not carry.
   */
  failure(queryId: string): Promise<FetchedRows> {
    return new Promise((resolve, reject) => {
      try {
        this.connection.fetchResult({ queryId, rowMode: 'array', fetchAsString: AS_STRING, complete: this.collect(queryId, resolve, reject) });
      } catch (error) {
        reject(toSqlError(error, this.redactor, queryId));
      }
    });
  }

  /** Runs a short statement and waits for its rows (cancels, session setup). */
  run(sql: string, binds?: SdkBind[]): Promise<FetchedRows> {
    return new Promise((resolve, reject) => {
      try {
        this.connection.execute({ sqlText: sql, binds, rowMode: 'array', fetchAsString: AS_STRING, complete: this.collect(undefined, resolve, reject) });
      } catch (error) {
        reject(toSqlError(error, this.redactor));
      }
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.connection.destroy(() => resolve()));
  }

  private collect(
    queryId: string | undefined,
    resolve: (rows: FetchedRows) => void,
    reject: (error: unknown) => void,
  ): NonNullable<SdkStatementOptions['complete']> {
    return (error, statement: SdkStatement, rows) => {
      const id = statement?.getQueryId() ?? queryId;
      if (error) reject(toSqlError(error, this.redactor, id));
      else resolve({ queryId: id ?? '', columns: statement.getColumns() ?? [], rows: (rows as unknown[][] | undefined) ?? [] });
    };
  }
}
