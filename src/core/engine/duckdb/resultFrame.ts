import { DuckDBDataChunk, DuckDBType } from '@duckdb/node-api';
import { QueryResult } from '../../runner/protocol';
import { AttachmentWriter } from '../../runner/attachments';
import { encodeBinaryColumn } from './binaryColumns';
import { encodeColumnAsJson } from './columnEncoding';

/**
 * The reply to a query as one binary frame: the QueryResult as a JSON header whose `data`
 * holds a binary column header per column (its arrays in the attachments), or the column's
 * JSON text for the few types with no binary encoding.
 */
export function binaryResultFrame(
  id: number,
  result: QueryResult,
  types: readonly DuckDBType[],
  chunks: readonly DuckDBDataChunk[],
  batch?: { done: boolean },
): Buffer {
  const out = new AttachmentWriter();
  const rows = result.rowCount;
  const data = types.map((type, column) => {
    const header = encodeBinaryColumn(type, chunks, column, rows, out);
    return header ? JSON.stringify(header) : encodeColumnAsJson(type, chunks, column, rows);
  });
  // A streamed batch (query.fetch) says whether rows are left after it.
  const done = batch ? `,"done":${batch.done}` : '';
  const header = `{"id":${id},"result":{"queryId":${JSON.stringify(result.queryId)},"columns":${JSON.stringify(result.columns)},"rowCount":${rows}${done},"data":[${data.join(',')}]}}`;
  return out.frame(header);
}
