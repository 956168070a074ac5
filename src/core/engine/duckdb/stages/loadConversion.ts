import { quoteStringLiteral } from '../../../sql/literals';
import { compilationError } from '../../sqlError';
import { TargetColumn } from './loadTarget';
import { TextFormats } from './readerOptions';

// The query that turns a staged file's text values ("v1" … "vN" of the staging table) into the
// loaded columns' types, in Snowflake SQL (the dialect layer gives it Snowflake's conversion
// rules: TRY_TO_DATE with DATE_FORMAT, TRY_TO_BOOLEAN's 'on'/'off', NUMBER rounding …), and
// marks each row that fails with "__err" = '<column>:<kind>', the first failing column of the
// row: kind is invalid (not recognized), range (a number too wide), length (longer than
// VARCHAR(n)), null (NULL for a NOT NULL column). Rows with "__err" NULL are loaded.

export interface ConversionInput {
  column: TargetColumn;
  /** Whether the value is text from the file, to which DATE_FORMAT & co. apply (a transformation's typed output is not). */
  formatted: boolean;
}

const FULL_VARCHAR = 16777216;

export function conversionQuery(stagingTable: string, inputs: readonly ConversionInput[], formats: TextFormats, truncate: boolean): string {
  const converted = inputs.map(({ column, formatted }, i) => `${convert(column, `"v${i + 1}"`, formatted ? formats : { binary: 'HEX' }, truncate)} AS "c${i + 1}"`);
  const values = inputs.map((_input, i) => `"v${i + 1}"`);
  const checks = inputs.flatMap(({ column }, i) => failures(column, i + 1, truncate));
  const marked = checks.length ? `CASE ${checks.join(' ')} END` : 'CAST(NULL AS VARCHAR)';
  return `SELECT *, ${marked} AS "__err" FROM (SELECT "__row", ${[...values, ...converted].join(', ')} FROM ${stagingTable}) AS "__s"`;
}

/** The column's value from text `v`, NULL when it does not convert. */
function convert(column: TargetColumn, v: string, formats: TextFormats, truncate: boolean): string {
  const type = column.type.toUpperCase();
  const withFormat = (fn: string, format: string | undefined): string => `${fn}(${v}${format ? `, ${quoteStringLiteral(format)}` : ''})`;
  if (type.startsWith('NUMBER') || type.startsWith('DECIMAL')) {
    // DuckDB reads text into a DECIMAL wider than 18 digits ~200 times slower than into one of
    // 18 (2.5 s for 200,000 rows): values that fit 18 digits take the fast cast, the rest the exact one.
    const [precision, scale] = (/\((\d+)\s*,\s*(\d+)\)/.exec(type)?.slice(1) ?? ['38', '0']).map(Number);
    const exact = `TRY_CAST(${v} AS ${column.type})`;
    return precision > 18 && scale <= 18 ? `COALESCE(TRY_CAST(${v} AS NUMBER(18,${scale})), ${exact})` : exact;
  }
  if (type === 'FLOAT' || type === 'DOUBLE' || type === 'REAL') return `TRY_CAST(${v} AS FLOAT)`;
  if (type === 'BOOLEAN') return `TRY_TO_BOOLEAN(${v})`;
  if (type === 'DATE') return withFormat('TRY_TO_DATE', formats.date);
  if (type.startsWith('TIMESTAMP_TZ')) return withFormat('TRY_TO_TIMESTAMP_TZ', formats.timestamp);
  if (type.startsWith('TIMESTAMP_LTZ')) return withFormat('TRY_TO_TIMESTAMP_LTZ', formats.timestamp);
  if (type.startsWith('TIMESTAMP')) return withFormat('TRY_TO_TIMESTAMP_NTZ', formats.timestamp);
  if (type.startsWith('TIME')) return withFormat('TRY_TO_TIME', formats.time);
  if (type.startsWith('VARCHAR') || type.startsWith('TEXT') || type.startsWith('STRING') || type.startsWith('CHAR')) {
    const length = lengthOf(type);
    return truncate && length < FULL_VARCHAR ? `LEFT(${v}, ${length})` : v;
  }
  if (type.startsWith('BINARY') || type.startsWith('VARBINARY')) {
    if (formats.binary === 'UTF8') return `TRY_TO_BINARY(${v}, 'UTF-8')`;
    const shape = formats.binary === 'HEX' ? '([0-9A-Fa-f]{2})*' : '[A-Za-z0-9+/]*={0,2}';
    return `CASE WHEN REGEXP_LIKE(${v}, '${shape}') THEN TRY_TO_BINARY(${v}, '${formats.binary}') END`;
  }
  if (type === 'VARIANT' || type === 'OBJECT' || type === 'ARRAY') return `TRY_PARSE_JSON(${v})`;
  throw compilationError(`COPY INTO cannot load column ${column.name} of type ${column.type} on the local engine.`);
}

/** `WHEN … THEN '<n>:<kind>'` for each way column n's value can fail. */
function failures(column: TargetColumn, n: number, truncate: boolean): string[] {
  const v = `"v${n}"`;
  const c = `"c${n}"`;
  const type = column.type.toUpperCase();
  const when: string[] = [];
  if (type.startsWith('NUMBER') || type.startsWith('DECIMAL')) {
    when.push(`WHEN ${v} IS NOT NULL AND ${c} IS NULL THEN CASE WHEN TRY_CAST(${v} AS FLOAT) IS NULL THEN '${n}:invalid' ELSE '${n}:range' END`);
  } else if (type.startsWith('VARCHAR') || type.startsWith('TEXT') || type.startsWith('STRING') || type.startsWith('CHAR')) {
    const length = lengthOf(type);
    if (!truncate && length < FULL_VARCHAR) when.push(`WHEN LENGTH(${v}) > ${length} THEN '${n}:length'`);
  } else {
    when.push(`WHEN ${v} IS NOT NULL AND ${c} IS NULL THEN '${n}:invalid'`);
  }
  if (!column.nullable) when.push(`WHEN ${c} IS NULL THEN '${n}:null'`);
  return when;
}

function lengthOf(type: string): number {
  const match = /\((\d+)\)/.exec(type);
  return match ? Number(match[1]) : FULL_VARCHAR;
}
