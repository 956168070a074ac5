import { SqlError } from '../../sqlError';
import { CopyIntoLocation, OptionValue } from './copyIntoLocation';

// COPY INTO <location>'s options with Snowflake's defaults (docs: "COPY INTO <location>"):
// TYPE = CSV, COMPRESSION = AUTO (gzip for CSV and JSON, snappy for Parquet), no header,
// FIELD_DELIMITER ',', RECORD_DELIMITER newline, strings not enclosed, NULL written as an empty
// field, OVERWRITE = FALSE, SINGLE = FALSE. MAX_FILE_SIZE is accepted and not applied: the local
// engine writes one file per partition (Snowflake's split depends on its warehouse threads).

export type UnloadFormat = 'CSV' | 'JSON' | 'PARQUET';
export type TextCompression = 'NONE' | 'GZIP' | 'DEFLATE' | 'RAW_DEFLATE' | 'BROTLI';

export interface UnloadSpec {
  format: UnloadFormat;
  /** For CSV and JSON; Parquet uses parquetCompression. */
  compression: TextCompression;
  parquetCompression: 'snappy' | 'uncompressed';
  fieldDelimiter: string;
  recordDelimiter: string;
  enclosedBy?: string;
  /** What a NULL becomes in CSV: the first NULL_IF string, else an empty field. */
  nullText: string;
  fileExtension?: string;
  header: boolean;
  overwrite: boolean;
  single: boolean;
  includeQueryId: boolean;
  detailedOutput: boolean;
}

const TEXT_COMPRESSIONS: Record<string, TextCompression> = {
  AUTO: 'GZIP', GZIP: 'GZIP', NONE: 'NONE', DEFLATE: 'DEFLATE', RAW_DEFLATE: 'RAW_DEFLATE', BROTLI: 'BROTLI',
};

export const COMPRESSION_EXTENSIONS: Record<TextCompression, string> = {
  NONE: '', GZIP: '.gz', DEFLATE: '.deflate', RAW_DEFLATE: '.raw_deflate', BROTLI: '.br',
};

export function unloadSpec(copy: CopyIntoLocation): UnloadSpec {
  const where = `COPY INTO ${copy.location}`;
  const format = copy.format;
  if (format.has('FORMAT_NAME') && !format.has('TYPE')) {
    throw usage(`${where}: named file formats (FORMAT_NAME = '${text(format.get('FORMAT_NAME'))}') are not kept by the local engine. ` +
      `Give the format inline instead: FILE_FORMAT = (TYPE = CSV …), or file_format_type="csv" in Snowpark.`);
  }
  const type = (text(format.get('TYPE')) ?? 'CSV').toUpperCase();
  if (type !== 'CSV' && type !== 'JSON' && type !== 'PARQUET') {
    throw usage(`${where}: file format type '${type}' cannot be unloaded. COPY INTO <location> writes TYPE = CSV, JSON or PARQUET.`);
  }
  const compressionName = (text(format.get('COMPRESSION')) ?? 'AUTO').toUpperCase();
  let compression: TextCompression = 'NONE';
  let parquetCompression: 'snappy' | 'uncompressed' = 'snappy';
  if (type === 'PARQUET') {
    if (!['AUTO', 'SNAPPY', 'NONE', 'LZO'].includes(compressionName)) throw badCompression(where, compressionName, 'AUTO, SNAPPY or NONE');
    if (compressionName === 'LZO') throw usage(`${where}: COMPRESSION = LZO is not available locally; use AUTO (snappy) or NONE.`);
    parquetCompression = compressionName === 'NONE' ? 'uncompressed' : 'snappy';
  } else {
    const chosen = TEXT_COMPRESSIONS[compressionName];
    if (!chosen) throw badCompression(where, compressionName, 'AUTO, GZIP, DEFLATE, RAW_DEFLATE, BROTLI or NONE (BZ2 and ZSTD are not available locally)');
    compression = chosen;
  }
  const enclosed = text(format.get('FIELD_OPTIONALLY_ENCLOSED_BY'));
  const nullIf = format.get('NULL_IF');
  const single = flag(copy.copy, 'SINGLE');
  const overwrite = flag(copy.copy, 'OVERWRITE');
  const includeQueryId = copy.copy.has('INCLUDE_QUERY_ID') ? flag(copy.copy, 'INCLUDE_QUERY_ID') : Boolean(copy.partitionBy);
  if (copy.partitionBy && (single || overwrite || !includeQueryId)) {
    throw usage(`${where}: PARTITION BY cannot be combined with ${single ? 'SINGLE = TRUE' : overwrite ? 'OVERWRITE = TRUE' : 'INCLUDE_QUERY_ID = FALSE'} (as in Snowflake).`);
  }
  if (includeQueryId && (single || overwrite)) {
    throw usage(`${where}: INCLUDE_QUERY_ID = TRUE cannot be combined with ${single ? 'SINGLE' : 'OVERWRITE'} = TRUE (as in Snowflake).`);
  }
  return {
    format: type,
    compression,
    parquetCompression,
    fieldDelimiter: delimiter(text(format.get('FIELD_DELIMITER')), ','),
    recordDelimiter: delimiter(text(format.get('RECORD_DELIMITER')), '\n'),
    enclosedBy: enclosed && enclosed.toUpperCase() !== 'NONE' ? enclosed : undefined,
    nullText: Array.isArray(nullIf) && nullIf.length ? nullIf[0] : '',
    fileExtension: text(format.get('FILE_EXTENSION')),
    header: flag(copy.copy, 'HEADER'),
    overwrite,
    single,
    includeQueryId,
    detailedOutput: flag(copy.copy, 'DETAILED_OUTPUT'),
  };
}

function text(value: OptionValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[0] : value.text;
}

function flag(options: Map<string, OptionValue>, key: string): boolean {
  const value = text(options.get(key));
  return value !== undefined && value.toUpperCase() === 'TRUE';
}

/** NONE means no delimiter; otherwise the string as written (escapes already read from the literal). */
function delimiter(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  return value.toUpperCase() === 'NONE' ? '' : value;
}

function usage(message: string): SqlError {
  return new SqlError('001003', '42000', `SQL compilation error:\n${message}`);
}

function badCompression(where: string, value: string, allowed: string): SqlError {
  return usage(`${where}: COMPRESSION = ${value} is not valid here; use ${allowed}.`);
}
