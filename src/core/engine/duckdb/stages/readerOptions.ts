import { SqlError } from '../../sqlError';
import { FileFormat } from './fileFormat';
import { OptionValue, optionText } from './optionList';
import { Compression, compressionOption } from './stagedFileContent';

// A file format's options as the readers use them, Snowflake's defaults filled in (docs:
// CREATE FILE FORMAT, "Format type options"). Option texts have had their literal escapes
// read already ('\n' is a newline); NONE means "no such character", and 0xNN a hex code.

/** How text becomes dates, times and binary values when a column has that type. */
export interface TextFormats {
  /** undefined for AUTO. */
  date?: string;
  time?: string;
  timestamp?: string;
  binary: 'HEX' | 'BASE64' | 'UTF8';
}

export interface CsvOptions {
  compression?: Compression;
  recordDelimiter: string;
  fieldDelimiter: string;
  parseHeader: boolean;
  skipHeader: number;
  skipBlankLines: boolean;
  escape?: string;
  escapeUnenclosed?: string;
  trimSpace: boolean;
  enclosedBy?: string;
  nullIf: string[];
  errorOnColumnCountMismatch: boolean;
  emptyFieldAsNull: boolean;
  skipByteOrderMark: boolean;
  replaceInvalid: boolean;
  encoding: string;
  formats: TextFormats;
}

export interface JsonOptions {
  compression?: Compression;
  stripOuterArray: boolean;
  stripNullValues: boolean;
  allowDuplicate: boolean;
  nullIf: string[];
  trimSpace: boolean;
  skipByteOrderMark: boolean;
  replaceInvalid: boolean;
  formats: TextFormats;
}

export interface ParquetOptions {
  binaryAsText: boolean;
  nullIf: string[];
  trimSpace: boolean;
}

export function csvOptions(format: FileFormat): CsvOptions {
  const o = format.options;
  const skipHeader = Number(text(o, 'SKIP_HEADER') ?? '0');
  if (!Number.isInteger(skipHeader) || skipHeader < 0) throw invalid('SKIP_HEADER', text(o, 'SKIP_HEADER'), 'a whole number ≥ 0');
  const parseHeader = flag(o, 'PARSE_HEADER', false);
  if (parseHeader && skipHeader > 0) {
    throw new SqlError('001003', '42000', 'SQL compilation error:\nPARSE_HEADER = TRUE and SKIP_HEADER cannot be used together: the parsed header line is skipped already.');
  }
  return {
    compression: compressionOption(text(o, 'COMPRESSION')),
    recordDelimiter: character(o, 'RECORD_DELIMITER', '\n') ?? '',
    fieldDelimiter: character(o, 'FIELD_DELIMITER', ',') ?? '',
    parseHeader,
    skipHeader,
    skipBlankLines: flag(o, 'SKIP_BLANK_LINES', false),
    escape: character(o, 'ESCAPE', undefined),
    escapeUnenclosed: character(o, 'ESCAPE_UNENCLOSED_FIELD', '\\'),
    trimSpace: flag(o, 'TRIM_SPACE', false),
    enclosedBy: character(o, 'FIELD_OPTIONALLY_ENCLOSED_BY', undefined),
    nullIf: list(o, 'NULL_IF', ['\\N']),
    errorOnColumnCountMismatch: flag(o, 'ERROR_ON_COLUMN_COUNT_MISMATCH', true),
    emptyFieldAsNull: flag(o, 'EMPTY_FIELD_AS_NULL', true),
    skipByteOrderMark: flag(o, 'SKIP_BYTE_ORDER_MARK', true),
    replaceInvalid: flag(o, 'REPLACE_INVALID_CHARACTERS', false),
    encoding: text(o, 'ENCODING') ?? 'UTF8',
    formats: textFormats(format),
  };
}

export function jsonOptions(format: FileFormat): JsonOptions {
  const o = format.options;
  return {
    compression: compressionOption(text(o, 'COMPRESSION')),
    stripOuterArray: flag(o, 'STRIP_OUTER_ARRAY', false),
    stripNullValues: flag(o, 'STRIP_NULL_VALUES', false),
    allowDuplicate: flag(o, 'ALLOW_DUPLICATE', false),
    nullIf: list(o, 'NULL_IF', []),
    trimSpace: flag(o, 'TRIM_SPACE', false),
    skipByteOrderMark: flag(o, 'SKIP_BYTE_ORDER_MARK', true),
    replaceInvalid: flag(o, 'REPLACE_INVALID_CHARACTERS', false) || flag(o, 'IGNORE_UTF8_ERRORS', false),
    formats: textFormats(format),
  };
}

export function parquetOptions(format: FileFormat): ParquetOptions {
  const o = format.options;
  return { binaryAsText: flag(o, 'BINARY_AS_TEXT', true), nullIf: list(o, 'NULL_IF', []), trimSpace: flag(o, 'TRIM_SPACE', false) };
}

export function textFormats(format: FileFormat): TextFormats {
  const o = format.options;
  const auto = (value: string | undefined): string | undefined => (value === undefined || value.toUpperCase() === 'AUTO' ? undefined : value);
  const binary = (text(o, 'BINARY_FORMAT') ?? 'HEX').toUpperCase().replace('-', '');
  if (binary !== 'HEX' && binary !== 'BASE64' && binary !== 'UTF8') throw invalid('BINARY_FORMAT', binary, 'HEX, BASE64 or UTF8');
  return { date: auto(text(o, 'DATE_FORMAT')), time: auto(text(o, 'TIME_FORMAT')), timestamp: auto(text(o, 'TIMESTAMP_FORMAT')), binary };
}

function text(options: ReadonlyMap<string, OptionValue>, key: string): string | undefined {
  return optionText(options.get(key));
}

function flag(options: ReadonlyMap<string, OptionValue>, key: string, fallback: boolean): boolean {
  const value = text(options, key);
  if (value === undefined) return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw invalid(key, value, 'TRUE or FALSE');
}

function list(options: ReadonlyMap<string, OptionValue>, key: string, fallback: string[]): string[] {
  const value = options.get(key);
  if (value === undefined) return fallback;
  return Array.isArray(value) ? value : [value.text];
}

/** A delimiter, escape or quote character: NONE is none, `0x1F` a hex code. */
function character(options: ReadonlyMap<string, OptionValue>, key: string, fallback: string | undefined): string | undefined {
  const value = options.get(key);
  if (value === undefined) return fallback;
  const raw = Array.isArray(value) ? value[0] : value.text;
  if (raw === undefined || raw === '' || raw.toUpperCase() === 'NONE') return undefined;
  if (/^0x[0-9a-f]{1,4}$/i.test(raw)) return String.fromCharCode(parseInt(raw.slice(2), 16));
  if (/^\\[0-7]{3}$/.test(raw)) return String.fromCharCode(parseInt(raw.slice(1), 8));
  return raw;
}

function invalid(key: string, value: string | undefined, expected: string): SqlError {
  return new SqlError('001003', '42000', `SQL compilation error:\nInvalid value '${value}' for file format option ${key}: expected ${expected}.`);
}
