import { SqlError } from '../../sqlError';
import { OptionValue, optionText } from './optionList';

// A file format as Snowflake defines one (docs: CREATE FILE FORMAT, "Format type options"):
// a TYPE and the options written for it. Every option a type takes is listed here with its
// kind and default, which DESCRIBE FILE FORMAT and SHOW FILE FORMATS show, and which the
// readers (csvOptions.ts, jsonOptions.ts) fall back to. An option another type takes, or
// none does, is refused as Snowflake refuses it.

export type FormatType = 'CSV' | 'JSON' | 'PARQUET' | 'AVRO' | 'ORC' | 'XML';

export interface FileFormat {
  type: FormatType;
  /** Options as written (upper-case keys), TYPE and COMMENT excluded. */
  options: Map<string, OptionValue>;
}

export type PropertyKind = 'String' | 'Integer' | 'Boolean' | 'List';

export interface FormatProperty {
  name: string;
  kind: PropertyKind;
  /** The default as DESCRIBE FILE FORMAT shows it. */
  default: string | string[];
}

const COMMON_TEXT: FormatProperty[] = [
  { name: 'DATE_FORMAT', kind: 'String', default: 'AUTO' },
  { name: 'TIME_FORMAT', kind: 'String', default: 'AUTO' },
  { name: 'TIMESTAMP_FORMAT', kind: 'String', default: 'AUTO' },
  { name: 'BINARY_FORMAT', kind: 'String', default: 'HEX' },
];

export const FORMAT_PROPERTIES: Record<FormatType, FormatProperty[]> = {
  CSV: [
    { name: 'RECORD_DELIMITER', kind: 'String', default: '\n' },
    { name: 'FIELD_DELIMITER', kind: 'String', default: ',' },
    { name: 'FILE_EXTENSION', kind: 'String', default: '' },
    { name: 'SKIP_HEADER', kind: 'Integer', default: '0' },
    { name: 'PARSE_HEADER', kind: 'Boolean', default: 'false' },
    ...COMMON_TEXT,
    { name: 'ESCAPE', kind: 'String', default: 'NONE' },
    { name: 'ESCAPE_UNENCLOSED_FIELD', kind: 'String', default: '\\' },
    { name: 'TRIM_SPACE', kind: 'Boolean', default: 'false' },
    { name: 'FIELD_OPTIONALLY_ENCLOSED_BY', kind: 'String', default: 'NONE' },
    { name: 'NULL_IF', kind: 'List', default: ['\\N'] },
    { name: 'COMPRESSION', kind: 'String', default: 'AUTO' },
    { name: 'ERROR_ON_COLUMN_COUNT_MISMATCH', kind: 'Boolean', default: 'true' },
    { name: 'VALIDATE_UTF8', kind: 'Boolean', default: 'true' },
    { name: 'SKIP_BLANK_LINES', kind: 'Boolean', default: 'false' },
    { name: 'REPLACE_INVALID_CHARACTERS', kind: 'Boolean', default: 'false' },
    { name: 'EMPTY_FIELD_AS_NULL', kind: 'Boolean', default: 'true' },
    { name: 'SKIP_BYTE_ORDER_MARK', kind: 'Boolean', default: 'true' },
    { name: 'ENCODING', kind: 'String', default: 'UTF8' },
    { name: 'MULTI_LINE', kind: 'Boolean', default: 'true' },
  ],
  JSON: [
    { name: 'FILE_EXTENSION', kind: 'String', default: '' },
    ...COMMON_TEXT,
    { name: 'TRIM_SPACE', kind: 'Boolean', default: 'false' },
    { name: 'NULL_IF', kind: 'List', default: [] },
    { name: 'COMPRESSION', kind: 'String', default: 'AUTO' },
    { name: 'ENABLE_OCTAL', kind: 'Boolean', default: 'false' },
    { name: 'ALLOW_DUPLICATE', kind: 'Boolean', default: 'false' },
    { name: 'STRIP_OUTER_ARRAY', kind: 'Boolean', default: 'false' },
    { name: 'STRIP_NULL_VALUES', kind: 'Boolean', default: 'false' },
    { name: 'IGNORE_UTF8_ERRORS', kind: 'Boolean', default: 'false' },
    { name: 'REPLACE_INVALID_CHARACTERS', kind: 'Boolean', default: 'false' },
    { name: 'SKIP_BYTE_ORDER_MARK', kind: 'Boolean', default: 'true' },
    { name: 'MULTI_LINE', kind: 'Boolean', default: 'true' },
  ],
  PARQUET: [
    { name: 'COMPRESSION', kind: 'String', default: 'AUTO' },
    { name: 'BINARY_AS_TEXT', kind: 'Boolean', default: 'true' },
    { name: 'USE_LOGICAL_TYPE', kind: 'Boolean', default: 'false' },
    { name: 'TRIM_SPACE', kind: 'Boolean', default: 'false' },
    { name: 'USE_VECTORIZED_SCANNER', kind: 'Boolean', default: 'false' },
    { name: 'REPLACE_INVALID_CHARACTERS', kind: 'Boolean', default: 'false' },
    { name: 'NULL_IF', kind: 'List', default: [] },
    { name: 'SNAPPY_COMPRESSION', kind: 'Boolean', default: 'true' },
  ],
  AVRO: [
    { name: 'COMPRESSION', kind: 'String', default: 'AUTO' },
    { name: 'TRIM_SPACE', kind: 'Boolean', default: 'false' },
    { name: 'REPLACE_INVALID_CHARACTERS', kind: 'Boolean', default: 'false' },
    { name: 'NULL_IF', kind: 'List', default: [] },
  ],
  ORC: [
    { name: 'TRIM_SPACE', kind: 'Boolean', default: 'false' },
    { name: 'REPLACE_INVALID_CHARACTERS', kind: 'Boolean', default: 'false' },
    { name: 'NULL_IF', kind: 'List', default: [] },
  ],
  XML: [
    { name: 'COMPRESSION', kind: 'String', default: 'AUTO' },
    { name: 'IGNORE_UTF8_ERRORS', kind: 'Boolean', default: 'false' },
    { name: 'PRESERVE_SPACE', kind: 'Boolean', default: 'false' },
    { name: 'STRIP_OUTER_ELEMENT', kind: 'Boolean', default: 'false' },
    { name: 'DISABLE_AUTO_CONVERT', kind: 'Boolean', default: 'false' },
    { name: 'REPLACE_INVALID_CHARACTERS', kind: 'Boolean', default: 'false' },
    { name: 'SKIP_BYTE_ORDER_MARK', kind: 'Boolean', default: 'true' },
  ],
};

/** Options Snowflake accepts under another name (Snowpark writes some of them). */
const ALIASES: Record<string, string> = { FIELD_OPTIONALLY_ENCLOSED: 'FIELD_OPTIONALLY_ENCLOSED_BY', SKIP_HEADERS: 'SKIP_HEADER' };

/** The type named by `TYPE = …`, in Snowflake's spelling; anything else is Snowflake's error. */
export function formatType(text: string | undefined): FormatType {
  const upper = (text ?? 'CSV').toUpperCase();
  if (upper in FORMAT_PROPERTIES) return upper as FormatType;
  throw new SqlError('002045', '42601', `SQL compilation error:\nInvalid file format type '${text}': use one of CSV, JSON, PARQUET, AVRO, ORC or XML.`);
}

/**
 * A format from written options: TYPE picks the type (CSV by default), every other option
 * must be one that type takes. `base` is the format being altered, if any.
 */
export function fileFormatOf(options: ReadonlyMap<string, OptionValue>, base?: FileFormat): FileFormat {
  const type = options.has('TYPE') ? formatType(optionText(options.get('TYPE'))) : (base?.type ?? 'CSV');
  // A new TYPE starts from that type's defaults; the old type's options do not carry over.
  const kept = base && base.type === type ? new Map(base.options) : new Map<string, OptionValue>();
  const known = new Set(FORMAT_PROPERTIES[type].map((property) => property.name));
  for (const [rawKey, value] of options) {
    if (rawKey === 'TYPE' || rawKey === 'COMMENT' || rawKey === 'FORMAT_NAME') continue;
    const key = ALIASES[rawKey] ?? rawKey;
    if (!known.has(key)) {
      throw new SqlError('001008', '22023', `SQL compilation error:\ninvalid value '${rawKey}' for property 'FILE_FORMAT': ${type} file formats take ${[...known].join(', ')}.`);
    }
    kept.set(key, value);
  }
  return { type, options: kept };
}

/** One property's value as DESCRIBE shows it: the written value, else the default. */
export function propertyValue(format: FileFormat, property: FormatProperty): string {
  const written = format.options.get(property.name);
  if (written === undefined) return shown(property.default, property.kind);
  return shown(Array.isArray(written) ? written : written.text, property.kind);
}

function shown(value: string | string[], kind: PropertyKind): string {
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return kind === 'Boolean' ? value.toLowerCase() : value;
}

/** The options as one JSON object, as SHOW FILE FORMATS' format_options column gives them. */
export function formatOptionsJson(format: FileFormat): string {
  const object: Record<string, unknown> = { TYPE: format.type };
  for (const property of FORMAT_PROPERTIES[format.type]) {
    const written = format.options.get(property.name);
    const value = written === undefined ? property.default : Array.isArray(written) ? written : written.text;
    if (property.kind === 'Boolean' && typeof value === 'string') object[property.name] = value.toLowerCase() === 'true';
    else if (property.kind === 'Integer' && typeof value === 'string') object[property.name] = Number(value);
    else object[property.name] = value;
  }
  return JSON.stringify(object);
}

/** For keeping a format: options as a plain object. */
export function serializeFormat(format: FileFormat): string {
  return JSON.stringify({ type: format.type, options: Object.fromEntries(format.options) });
}

export function deserializeFormat(text: string): FileFormat {
  const parsed = JSON.parse(text) as { type: FormatType; options: Record<string, OptionValue> };
  return { type: parsed.type, options: new Map(Object.entries(parsed.options)) };
}
