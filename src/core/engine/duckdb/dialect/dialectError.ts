/** A Snowflake construct the DuckDB dialect cannot run. `offset` is into the original SQL. */
export class DialectError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'DialectError';
  }
}
