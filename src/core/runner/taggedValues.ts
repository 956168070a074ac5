import { TaggedValue } from './protocol';
import { quoteStringLiteral } from '../sql/literals';

// Tagged channel values (docs/channel-protocol.md) as SQL literals and as plain JSON.

/** Renders a tagged argument as a SQL literal for a CALL statement. */
export function renderArgument(value: TaggedValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quoteStringLiteral(value);
  if (Array.isArray(value)) return `PARSE_JSON(${quoteStringLiteral(JSON.stringify(untag(value)))})`;
  switch (value.$t) {
    case 'int':
    case 'decimal':
      return value.v;
    case 'float':
      return `'${value.v}'::FLOAT`;
    case 'date':
      return `'${value.v}'::DATE`;
    case 'time':
      return `'${value.v}'::TIME`;
    case 'timestamp':
      return `'${value.v}'::TIMESTAMP_NTZ`;
    case 'timestamp_tz':
      return `'${value.v}'::TIMESTAMP_TZ`;
    case 'bytes':
      return `TO_BINARY('${value.v}', 'BASE64')`;
    case 'object':
      return `PARSE_JSON(${quoteStringLiteral(JSON.stringify(untag(value)))})`;
  }
}

/** A tagged value as plain JSON (dates and decimals as text): for display and --json. */
export function untag(value: TaggedValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(untag);
  if (value.$t === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value.v)) out[key] = untag(inner);
    return out;
  }
  if (value.$t === 'float') return value.v;
  return value.v;
}
