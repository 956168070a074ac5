import type { SnowflakeMacro } from './macros';

// DuckDB macros behind PARSE_URL (the rule is in stringRules.ts). Snowflake keeps what it reads
// as written: the scheme's case, the user info inside `host` ('USER:PASS@EXAMPLE.INT'), the port
// as text, the path without its leading '/'. Every key is present, absent parts as JSON null.
// macros.ts passes its `macro` naming function in (importing it would make the modules load each other).

/** The part of `s` after the first `c`, NULL when `s` has no `c`. */
const after = (s: string, c: string): string => `CASE WHEN contains(${s}, '${c}') THEN substr(${s}, strpos(${s}, '${c}') + 1) END`;

export function urlMacros(macro: (name: string) => string): SnowflakeMacro[] {
  return [
    {
      name: 'url_parameters',
      why: "PARSE_URL's parameters: the query's name=value pairs as an OBJECT (a name's first value wins), NULL without a query.",
      body:
        `(q) AS CASE WHEN q IS NOT NULL THEN list_transform([list_filter(string_split(q, '&'), p -> p <> '')], ps -> ` +
        `CAST('{' || array_to_string(list_transform(list_filter(ps, (p, i) -> list_position(list_transform(ps, x -> split_part(x, '=', 1)), split_part(p, '=', 1)) = i), ` +
        `p -> CAST(to_json(split_part(p, '=', 1)) AS VARCHAR) || ':' || coalesce(CAST(to_json(${after('p', '=')}) AS VARCHAR), 'null')), ',') || '}' AS JSON))[1] END`,
    },
    {
      name: 'url_object',
      why: "PARSE_URL's OBJECT from the scheme and what follows 'scheme:': '//' starts an authority (host[:port]), then path, '?' query, '#' fragment.",
      // r: after the scheme; h: before '#' and '?'; a: the authority ('' without '//').
      body:
        `(s, r) AS list_transform([{'h': split_part(split_part(r, '#', 1), '?', 1), 'q': ${after(`split_part(r, '#', 1)`, '?')}}], u -> ` +
        `list_transform([CASE WHEN starts_with(u.h, '//') THEN regexp_extract(u.h, '^//([^/]*)', 1) END], a -> json_object(` +
        `'fragment', ${after('r', '#')}, ` +
        `'host', regexp_replace(a, ':[0-9]*$', ''), ` +
        `'parameters', ${macro('url_parameters')}(u.q), ` +
        `'path', CASE WHEN a IS NULL THEN u.h WHEN length(u.h) > length(a) + 2 THEN substr(u.h, length(a) + 4) END, ` +
        `'port', NULLIF(regexp_extract(a, ':([0-9]+)$', 1), ''), ` +
        `'query', u.q, ` +
        `'scheme', s))[1])[1]`,
    },
    {
      name: 'parse_url',
      why: "Snowflake PARSE_URL: a URL's parts as an OBJECT; without a scheme Snowflake's error 100139, or with permissive 1 an OBJECT holding only the error.",
      body:
        `(x, permissive := 0) AS CASE WHEN x IS NULL OR permissive IS NULL THEN NULL ` +
        `WHEN regexp_matches(x, '^[A-Za-z][A-Za-z0-9+.-]*:') THEN ${macro('url_object')}(regexp_extract(x, '^([^:]*):', 1), substr(x, strpos(x, ':') + 1)) ` +
        `WHEN permissive = 1 THEN json_object('error', 'scheme not specified') ` +
        `ELSE error('100139 (22000): Error parsing URL: scheme not specified') END`,
    },
  ];
}
