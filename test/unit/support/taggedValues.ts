/** A run's value as plain JSON: the shim tags each value with its type ({$t, v}). */
export function untagged(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(untagged);
  const tagged = value as { $t?: string; v?: unknown };
  if (tagged.$t === 'object') {
    return Object.fromEntries(Object.entries(tagged.v as Record<string, unknown>).map(([key, inner]) => [key, untagged(inner)]));
  }
  return tagged.v;
}
