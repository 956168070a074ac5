// The typed contract of the run channel. Its twin is src/python/snowpark_local/channel.py;
// docs/channel-protocol.md explains both. Change all three together.

export type WarehouseType = 'standard' | 'snowpark-optimized';

/** JSON-native values carry themselves; the rest travel as `{ $t, v }` wrappers. */
export type TaggedValue =
  | null
  | boolean
  | number
  | string
  | TaggedValue[]
  | { $t: 'decimal' | 'int' | 'float' | 'date' | 'time' | 'timestamp' | 'timestamp_tz' | 'bytes'; v: string }
  | { $t: 'object'; v: { [key: string]: TaggedValue } }
  /** A handler's return value that is plain JSON throughout (no tags inside): used as it is. */
  | { $t: 'json'; v: unknown };

export interface ResultColumn {
  name: string;
  /** Snowflake type name: NUMBER(38,0), FLOAT, VARCHAR, BOOLEAN, DATE, TIMESTAMP_NTZ, VARIANT … */
  type: string;
}

/** Columnar result: data[c][r] is row r of column c, encoded per column type. */
export interface QueryResult {
  queryId: string;
  columns: ResultColumn[];
  data: unknown[][];
  rowCount: number;
}

export type ChannelErrorKind = 'sql' | 'usage' | 'cancelled' | 'internal';

export interface ChannelError {
  kind: ChannelErrorKind;
  message: string;
  errorCode?: string;
  sqlState?: string;
  queryId?: string;
}

export type HandlerModule =
  | { kind: 'file'; path: string }
  | { kind: 'inline'; path: string; source: string; firstLine: number; moduleName: string };

export interface SessionContext {
  database: string;
  schema: string;
  role: string;
  warehouse: string;
  queryTag: string | null;
}

export interface RunSpec {
  runId: string;
  handler: string;
  module: HandlerModule;
  args: TaggedValue[];
  returnType: string | null;
  packages: string[];
  importPaths: string[];
  warehouseType: WarehouseType;
  workers: number;
  session: SessionContext;
}

export interface StackFrame {
  file: string;
  line: number;
  function: string;
}

export interface HandlerError {
  type: string;
  message: string;
  traceback: string;
  frames: StackFrame[];
}

export type RunFinish =
  | { ok: true; value: TaggedValue }
  | { ok: true; dataframeSql: string }
  | { ok: false; error: HandlerError };

/** Every method Python may call, with its params and its result. */
export interface ChannelMethods {
  'run.start': { params: { token: string; pid: number; watch?: string[] }; result: RunSpec };
  'query.execute': {
    params: { sql: string; params?: TaggedValue[]; block: boolean };
    result: QueryResult | { queryId: string };
  };
  'query.describe': { params: { sql: string; params?: TaggedValue[] }; result: { columns: ResultColumn[] } };
  'query.status': { params: { queryId: string }; result: { status: string } };
  'query.result': { params: { queryId: string }; result: QueryResult };
  'query.cancel': { params: { queryId: string }; result: { status: string } };
  /** Opens a result stream (docs/channel-protocol.md "Streamed results"); `closing`: streams the reader dropped. */
  'query.stream': {
    params: { sql: string; params?: TaggedValue[]; closing?: string[] };
    result: { queryId: string; streaming: true; columns: ResultColumn[] } | { queryId: string; streaming: false };
  };
  /** `fromRow`: a batch of a query that ran whole (AsyncJob.result("row_iterator")). */
  'query.fetch': { params: { queryId: string; maxRows: number; fromRow?: number }; result: QueryResult & { done: boolean } };
  'proc.call': {
    params: { name: string; args: TaggedValue[]; block: boolean };
    result: QueryResult | { queryId: string };
  };
  'run.finish': { params: RunFinish; result: Record<string, never> };
}

export type ChannelMethod = keyof ChannelMethods;

export interface ChannelRequest {
  id: number;
  method: string;
  params: unknown;
}

export type ChannelReply =
  | { id: number; result: unknown }
  | { id: number; error: ChannelError };

export const CHANNEL_ENV = 'SNOWPARK_LOCAL_CHANNEL';
export const RUN_TOKEN_ENV = 'SNOWPARK_LOCAL_RUN_TOKEN';
/** The bootstrap's end of the lifeline socket pair (src/python/snowpark_local/lifeline.py). */
export const LIFELINE_FD_ENV = 'SNOWPARK_LOCAL_LIFELINE_FD';
/** Where the bootstrap caches the shim's bytecode (the handler's modules are never written). */
export const PYCACHE_ENV = 'SNOWPARK_LOCAL_PYCACHE';
/** Inherited by every process a run starts, so those that leave its process group are found. */
export const RUN_MARKER_ENV = 'SNOWPARK_LOCAL_RUN_MARKER';
