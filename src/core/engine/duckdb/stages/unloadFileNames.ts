import { COMPRESSION_EXTENSIONS, UnloadSpec } from './unloadOptions';

// Snowflake's unload file names (docs: COPY INTO <location>; snowpark-python's writer tests):
//   @s/out      → out_0_0_0.csv.gz      (the last path part is a file name prefix)
//   @s/out/     → out/data_0_0_0.csv.gz
//   SINGLE      → exactly the path given (`data` for a folder), no extension added
//   PARTITION BY → <path>/<value>/data_<query id>_0_0_0.csv.gz, `_NULL_` for a NULL value
// Locally each partition is one file, so the thread and file counters are always 0_0_0.

export function unloadFileName(path: string, spec: UnloadSpec, queryId: string, partition?: string | null): string {
  const atFolder = path === '' || path.endsWith('/');
  if (spec.single) return atFolder ? `${path}data` : path;
  const extension = fileExtension(spec);
  if (partition !== undefined) {
    const value = partition === null ? '_NULL_' : safePartition(partition);
    const folder = path === '' ? value : atFolder ? `${path}${value}` : `${path}/${value}`;
    return `${folder}/data_${queryId}_0_0_0${extension}`;
  }
  const prefix = atFolder ? `${path}data` : path;
  return `${prefix}${spec.includeQueryId ? `_${queryId}` : ''}_0_0_0${extension}`;
}

function fileExtension(spec: UnloadSpec): string {
  if (spec.format === 'PARQUET') return spec.parquetCompression === 'snappy' ? '.snappy.parquet' : '.parquet';
  const base = spec.fileExtension ? (spec.fileExtension.startsWith('.') ? spec.fileExtension : `.${spec.fileExtension}`) : `.${spec.format.toLowerCase()}`;
  return base + COMPRESSION_EXTENSIONS[spec.compression];
}

/** A partition value may hold `/` (sub-folders, as in Snowflake) but never climb out of the stage. */
function safePartition(value: string): string {
  return value.split('/').map((part) => (part === '' || part === '.' || part === '..' ? '_' : part)).join('/');
}
