import { DuckDBDataChunk, DuckDBType } from '@duckdb/node-api';
import { QueryResult, ResultColumn } from '../../runner/protocol';
import { BatchSlicer, columnarResult } from '../columnarResult';
import { encodeColumnsAsJson } from './columnEncoding';
import { binaryResultFrame } from './resultFrame';

/** Some of a result's chunks as a result of their own, whose reply frame says whether rows are left (query.fetch). */
export function chunkBatch(
  queryId: string,
  columns: ResultColumn[],
  types: readonly DuckDBType[],
  chunks: DuckDBDataChunk[],
  done: boolean,
): QueryResult & { done: boolean } {
  const rows = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
  const result = columnarResult(
    queryId,
    columns,
    rows,
    () => encodeColumnsAsJson(types, chunks),
    (id, batch) => binaryResultFrame(id, batch, types, chunks, { done }),
  );
  return Object.assign(result, { done });
}

/** Slices a kept result's chunks for a reader that asks a batch at a time (columnarResult.ts BatchSlicer). */
export function chunkSlicer(queryId: string, columns: ResultColumn[], types: readonly DuckDBType[], chunks: readonly DuckDBDataChunk[]): BatchSlicer {
  return (fromRow, maxRows) => {
    let first = 0;
    let start = 0;
    while (start < fromRow && first < chunks.length) start += chunks[first++].rowCount;
    if (start !== fromRow) return undefined;
    const taken: DuckDBDataChunk[] = [];
    let rows = 0;
    let next = first;
    while (next < chunks.length && rows < maxRows) {
      taken.push(chunks[next]);
      rows += chunks[next++].rowCount;
    }
    return chunkBatch(queryId, columns, types, taken, next >= chunks.length);
  };
}
