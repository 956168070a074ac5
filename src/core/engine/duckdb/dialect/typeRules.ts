import { DialectError } from './dialectError';
import { TypeReference, TypeRule } from './ruleTypes';
import { STRING_TYPE_NAMES } from './stringLength';

// Snowflake data types → DuckDB data types. Applied only where a type is written (CAST ... AS,
// `::`, column definitions), never to words elsewhere: `select number from t` keeps its column.

function typeRule(name: string, why: string, names: string[], rewrite: (type: TypeReference) => string, paramCounts?: number[]): TypeRule {
  return {
    kind: 'type',
    name,
    why,
    match: (type) => names.includes(type.name) && (paramCounts === undefined || paramCounts.includes(type.params.length)),
    rewrite,
  };
}

const NUMBER_NAMES = ['NUMBER', 'NUMERIC', 'DECIMAL', 'DEC'];

export const typeRules: TypeRule[] = [
  typeRule('NUMBER', "Snowflake's NUMBER without precision is NUMBER(38,0); DuckDB's bare DECIMAL is (18,3).", NUMBER_NAMES, () => 'DECIMAL(38,0)', [0]),
  typeRule('NUMBER(p)', 'A precision alone means scale 0 in both, but DuckDB has no NUMBER.', NUMBER_NAMES, ({ params: [p] }) => `DECIMAL(${p},0)`, [1]),
  typeRule('NUMBER(p,s)', 'DuckDB has no NUMBER.', NUMBER_NAMES, ({ params: [p, s] }) => `DECIMAL(${p},${s})`, [2]),
  typeRule(
    'INT',
    'Every Snowflake integer type is NUMBER(38,0); a 32-bit DuckDB INTEGER would overflow where Snowflake does not, and BYTEINT does not exist.',
    ['INT', 'INTEGER', 'SMALLINT', 'TINYINT', 'BYTEINT'],
    () => 'BIGINT',
  ),
  typeRule(
    'VARCHAR',
    'DuckDB VARCHAR has no length and no STRING/TEXT spelling of it; a declared length becomes a CHECK (stringLength.ts).',
    STRING_TYPE_NAMES,
    () => 'VARCHAR',
  ),
  typeRule('VARIANT', 'Semi-structured values are JSON in DuckDB.', ['VARIANT', 'OBJECT', 'ARRAY'], () => 'JSON'),
  typeRule('MAP', "A MAP is a JSON object, as an OBJECT is, so it reads back as Snowflake shows one ({\"k\": \"v\"}) and the MAP_* rules (mapRules.ts) share one form.", ['MAP'], () => 'JSON'),
  typeRule('TIMESTAMP_NTZ', 'Wall-clock timestamps; DuckDB keeps microseconds and takes no precision.', ['TIMESTAMP_NTZ', 'DATETIME', 'TIMESTAMP', 'TIMESTAMP WITHOUT TIME ZONE'], () => 'TIMESTAMP'),
  typeRule(
    'TIMESTAMP_TZ',
    'Zoned timestamps are TIMESTAMPTZ in DuckDB.',
    ['TIMESTAMP_LTZ', 'TIMESTAMP_TZ', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH LOCAL TIME ZONE'],
    () => 'TIMESTAMPTZ',
  ),
  typeRule('TIME', 'DuckDB TIME takes no precision.', ['TIME'], () => 'TIME'),
  typeRule('BINARY', 'DuckDB calls binary data BLOB.', ['BINARY', 'VARBINARY'], () => 'BLOB'),
  typeRule('FLOAT', 'Every Snowflake float is a 64-bit double; DuckDB FLOAT/REAL are 32-bit.', ['FLOAT', 'FLOAT4', 'FLOAT8', 'DOUBLE', 'DOUBLE PRECISION', 'REAL'], () => 'DOUBLE'),
  typeRule('GEOGRAPHY', 'DuckDB has no geospatial types without an extension Snowpark Local does not load.', ['GEOGRAPHY', 'GEOMETRY'], (type) => {
    throw new DialectError(`${type.name} is not supported by Snowpark Local's DuckDB engine; run against Snowflake for geospatial data`, type.offset);
  }),
];
