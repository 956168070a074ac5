import { DuckDBType, DuckDBTypeId } from '@duckdb/node-api';

// The Snowflake type name a column of this DuckDB type would have in Snowflake. It drives
// how the shim decodes the column (int, Decimal, date …) and what the UI shows.
export function snowflakeTypeOf(type: DuckDBType): string {
  if (type.alias === 'JSON') return 'VARIANT';
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return 'NUMBER(38,0)';
    case DuckDBTypeId.DECIMAL: {
      const { width, scale } = type as unknown as { width: number; scale: number };
      return `NUMBER(${width},${scale})`;
    }
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return 'FLOAT';
    case DuckDBTypeId.BOOLEAN:
      return 'BOOLEAN';
    case DuckDBTypeId.DATE:
      return 'DATE';
    case DuckDBTypeId.TIME:
    case DuckDBTypeId.TIME_NS:
    case DuckDBTypeId.TIME_TZ:
      return 'TIME';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return 'TIMESTAMP_NTZ';
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'TIMESTAMP_TZ';
    case DuckDBTypeId.BLOB:
      return 'BINARY';
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return 'ARRAY';
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.MAP:
      return 'OBJECT';
    case DuckDBTypeId.VARIANT:
    case DuckDBTypeId.UNION:
      return 'VARIANT';
    default:
      // VARCHAR, UUID, ENUM, INTERVAL, BIT …: Snowflake would show text.
      return 'VARCHAR';
  }
}
