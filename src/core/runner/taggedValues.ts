import { TaggedValue } from './protocol';

// Tagged channel values (docs/channel-protocol.md) as plain JSON.

/** A tagged value as plain JSON (dates and decimals as text): for display and --json. */
export function untag(value: TaggedValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(untag);
  if (value.$t === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value.v)) out[key] = untag(inner);
    return out;
  }
  // 'json' holds plain JSON already (a large return value): nothing inside to walk.
  return value.v;
}
