import type { SnowflakeMacro } from './macros';

// UUID_STRING(namespace, name): a version-5 UUID (RFC 4122 §4.3), deterministic. The rule is in
// numericRules.ts; macros.ts passes its `macro` naming function in.

const UUID_TEXT = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';

export function uuidMacros(macro: (name: string) => string): SnowflakeMacro[] {
  return [
    {
      name: 'uuid_v5_text',
      why: "A SHA-1 digest (hex) as a version-5 UUID: its first 16 bytes, the version nibble 5, the variant bits 10 (the top two bits of byte 8).",
      body:
        `(h) AS substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-5' || substr(h, 14, 3) || '-' || ` +
        `substr('89ab', ((strpos('0123456789abcdef', substr(h, 17, 1)) - 1) & 3) + 1, 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)`,
    },
    {
      name: 'uuid_v5',
      why:
        "Snowflake UUID_STRING(uuid, name): SHA-1 of the namespace UUID's 16 bytes then the name's UTF-8 bytes. A namespace that is no UUID is an error " +
        '(no published Snowflake code was found for it: the generic 100000).',
      body:
        `(ns, name) AS CASE WHEN ns IS NULL OR name IS NULL THEN NULL ` +
        `WHEN NOT regexp_full_match(ns, '${UUID_TEXT}') THEN error('100000 (22023): Invalid UUID string: ''' || ns || '''') ` +
        `ELSE ${macro('uuid_v5_text')}(sha1(unhex(replace(ns, '-', '')) || encode(CAST(name AS VARCHAR)))) END`,
    },
  ];
}
