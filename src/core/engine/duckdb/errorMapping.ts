import { SqlError } from '../sqlError';

// DuckDB reports errors as "<Kind> Error: <text>". Snowflake developers know Snowflake's
// codes (and handlers catch them by code), so each kind maps to the code Snowflake uses for
// the same mistake. Table-driven so each row is testable on its own.
interface ErrorRule {
  readonly pattern: RegExp;
  readonly toError: (match: RegExpMatchArray, queryId?: string) => SqlError;
}

const RULES: readonly ErrorRule[] = [
  {
    // Raised by the dialect's divisor macro, as Snowflake raises it for `x / 0`.
    pattern: /^Invalid Input Error: Division by zero/,
    toError: (_m, id) => new SqlError('100051', '22012', 'Division by zero', id),
  },
  {
    // Raised by a dialect macro as Snowflake prints the error, code and state first
    // ("100107 (22000): Not an array: …"), so a new one needs no row here.
    pattern: /^Invalid Input Error: (\d{6}) \(([0-9A-Z]{5})\): ([^\n]*)/,
    toError: (m, id) => new SqlError(m[1], m[2], m[3], id),
  },
  {
    // Raised by the dialect's `recognized` macro (autoDateFormats.ts) as a failing cast of Snowflake's words.
    pattern: /^Conversion Error: invalid (?:date|timestamp) field format: "((Date|Timestamp) '[\s\S]*' is not recognized)"/,
    toError: (m, id) => new SqlError(m[2] === 'Date' ? '100040' : '100035', '22007', m[1], id),
  },
  {
    // Raised by the dialect's TO_BOOLEAN macro with Snowflake's wording.
    pattern: /^Invalid Input Error: (Boolean value '.*' is not recognized)/,
    toError: (m, id) => new SqlError('100037', '22018', m[1], id),
  },
  {
    // Raised by the dialect's TO_NUMBER macros with Snowflake's wording: text that is no number,
    // a number too wide for NUMBER(p, s), text a format model does not match.
    pattern: /^Invalid Input Error: (Numeric value '[\s\S]*' is not recognized)/,
    toError: (m, id) => new SqlError('100038', '22018', m[1], id),
  },
  {
    pattern: /^Invalid Input Error: (Numeric value '[\s\S]*' is out of range)/,
    toError: (m, id) => new SqlError('100039', '22003', m[1], id),
  },
  {
    // The length CHECK of a VARCHAR(n) column (dialect/stringLength.ts) fails with Snowflake's own
    // words inside DuckDB's constraint message; 100074/22000 as Snowflake reports them on a store.
    pattern: /^Constraint Error: CHECK constraint failed[\s\S]*\(Error: (String '[\s\S]*' is too long and would be truncated)\)\s*$/,
    toError: (m, id) => new SqlError('100074', '22000', m[1], id),
  },
  {
    // A cast to VARCHAR(n) (the string_of_length macro).
    pattern: /^Invalid Input Error: (String '[\s\S]*' is too long and would be truncated)/,
    toError: (m, id) => new SqlError('100074', '22000', m[1], id),
  },
  {
    // A number too wide for NUMBER(p, s), stored or cast: DuckDB names the value (a DOUBLE with
    // six decimals, 12.300000), Snowflake shows it as written.
    pattern: /^Conversion Error: (?:Could not cast value (\S+) to DECIMAL|Casting value "([^"]*)" to type DECIMAL\(\d+,\d+\) failed: value is out of range)/,
    toError: (m, id) => new SqlError('100039', '22003', `Numeric value '${withoutTrailingZeros(m[1] ?? m[2])}' is out of range`, id),
  },
  {
    // A numeric string too wide for NUMBER(p, s) is out of range; any other string is no number.
    pattern: /^Conversion Error: Could not convert string "(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)" to DECIMAL/,
    toError: (m, id) => new SqlError('100039', '22003', `Numeric value '${m[1]}' is out of range`, id),
  },
  {
    pattern: /^Conversion Error: Could not convert string "((?:[^"]|"")*)" to DECIMAL/,
    toError: (m, id) => new SqlError('100038', '22018', `Numeric value '${m[1]}' is not recognized`, id),
  },
  {
    pattern: /^Invalid Input Error: (Can't parse '[\s\S]*' as number with format '[\s\S]*')/,
    toError: (m, id) => new SqlError('100140', '22007', m[1], id),
  },
  {
    // Raised by the dialect's macros where Snowflake rejects an argument's type (ROUND's
    // rounding_mode on a FLOAT), with the code of the same mistake caught at bind time below.
    pattern: /^Invalid Input Error: (Invalid argument types for function [^\n]*)/,
    toError: (m, id) => new SqlError('001044', '42P13', `SQL compilation error:\n${m[1]}`, id),
  },
  {
    // Raised by the dialect's PARSE_JSON macros (a duplicate object key) with Snowflake's wording.
    pattern: /^Invalid Input Error: (Error parsing JSON: [^\n]*)/,
    toError: (m, id) => new SqlError('100069', '22P02', m[1], id),
  },
  {
    // Text PARSE_JSON cannot read: Snowflake's code, DuckDB's reason and byte offset.
    pattern: /^(?:Conversion|Invalid Input) Error: Malformed JSON at byte (\d+) of input: ([^\n]*?)\.?\s+Input:/,
    toError: (m, id) => new SqlError('100069', '22P02', `Error parsing JSON: ${m[2]}, pos ${m[1]}`, id),
  },
  {
    pattern: /^Catalog Error: Table with name (\S+) does not exist/,
    toError: (m, id) =>
      new SqlError('002003', '42S02', `SQL compilation error:\nObject '${m[1].toUpperCase()}' does not exist or not authorized.`, id),
  },
  {
    // CREATE TABLE over an existing table with an AUTOINCREMENT column: its sequence (named
    // after table and column, dialect/identityColumns.ts) is in use by the existing table.
    pattern: /^Dependency Error: Cannot drop entry "snowpark_local_identity_(.+?)_[^_"]+" because there are entries that depend on it/,
    toError: (m, id) => new SqlError('002002', '42710', `SQL compilation error:\nObject '${m[1].toUpperCase()}' already exists.`, id),
  },
  {
    pattern: /^Catalog Error: Table with name (\S+) already exists/,
    toError: (m, id) => new SqlError('002002', '42710', `SQL compilation error:\nObject '${m[1].toUpperCase()}' already exists.`, id),
  },
  {
    pattern: /^Catalog Error: Scalar Function with name (\S+) does not exist/,
    toError: (m, id) => new SqlError('002140', '42601', `SQL compilation error:\nUnknown function ${m[1].toUpperCase()}`, id),
  },
  {
    // A SQL UDTF is a DuckDB table macro (sqlUdfs/): an unknown one reads as an unknown function.
    pattern: /^Catalog Error: Table Function with name (\S+) does not exist/,
    toError: (m, id) => new SqlError('002140', '42601', `SQL compilation error:\nUnknown table function ${m[1].toUpperCase()}`, id),
  },
  {
    // A SQL UDF called with arguments none of its overloads takes: Snowflake's words for a call
    // no signature matches, with the local overloads (DuckDB's candidates) named.
    pattern: /^Binder Error: Macro (\S+?)\(\) does not support the supplied arguments/,
    toError: (m, id) => {
      const listed = /Candidate macros:\n([\s\S]*?)(?:\n\s*\n|\nLINE|$)/.exec(m.input ?? '');
      const candidates = (listed?.[1] ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
      const takes = candidates.length ? ` it takes ${candidates.map((candidate) => candidate.toUpperCase()).join(' or ')}` : '';
      return new SqlError('001044', '42P13', `SQL compilation error:\nInvalid argument types for function '${m[1].toUpperCase()}':${takes || ' no overload takes these arguments'}`, id);
    },
  },
  {
    // Overloads that take the same number of arguments of types a call does not tell apart.
    pattern: /^Binder Error: Macro (\S+?)\(\) has multiple overloads that match the supplied arguments/,
    toError: (m, id) => new SqlError('001044', '42P13', `SQL compilation error:\nInvalid argument types for function '${m[1].toUpperCase()}': more than one overload takes these arguments`, id),
  },
  {
    // A SQL UDF declared RETURNS … NOT NULL that returned NULL (sqlUdfs/udfMacroSql.ts raises it).
    pattern: /^Invalid Input Error: (NULL result in a non-nullable column)/,
    toError: (m, id) => new SqlError('100072', '22000', m[1], id),
  },
  {
    pattern: /^Binder Error: Referenced column "?([^"\s]+)"? (?:was )?not found/,
    toError: (m, id) => new SqlError('000904', '42000', `SQL compilation error:\ninvalid identifier '${m[1].toUpperCase()}'`, id),
  },
  {
    // A column missing from a table or VALUES list reads the same as one missing from FROM.
    pattern: /^Binder Error: (?:Table|Values list) "[^"]*" does not have a column (?:named|with name) "([^"]+)"/,
    toError: (m, id) => new SqlError('000904', '42000', `SQL compilation error:\ninvalid identifier '${m[1].toUpperCase()}'`, id),
  },
  {
    pattern: /^Binder Error: Ambiguous reference to column name "([^"]+)"/,
    toError: (m, id) => new SqlError('002028', '42601', `SQL compilation error:\nambiguous column name '${m[1].toUpperCase()}'`, id),
  },
  {
    // Snowflake coerces arguments where it can and names the function when it cannot.
    pattern: /^Binder Error: No function matches the given name and argument types '([^(']+)\(([^']*)\)'/,
    toError: (m, id) =>
      new SqlError('001044', '42P13', `SQL compilation error:\nInvalid argument types for function '${m[1].toUpperCase()}': (${m[2]})`, id),
  },
  {
    // UPDATE … SET nope = …: the same mistake as any unknown column.
    pattern: /^Binder Error: Referenced update column "?([^"\s]+)"? not found/,
    toError: (m, id) => new SqlError('000904', '42000', `SQL compilation error:\ninvalid identifier '${m[1].toUpperCase()}'`, id),
  },
  {
    // RE2's complaint about a pattern (its own wording follows), in Snowflake's words. No
    // published Snowflake code was found: the engine's generic code, with the SQL standard's
    // state for an invalid regular expression.
    pattern: /^Invalid Input Error: ((?:no argument for repetition operator|missing \]|missing \)|unexpected \)|bad repetition operator|invalid repetition size|invalid escape sequence|invalid character class(?: range)?|trailing \\|invalid perl operator|invalid named capture group)[^\n]*)/,
    toError: (m, id) => new SqlError('100000', '2201B', `Invalid regular expression: ${m[1]}`, id),
  },
  {
    // Snowflake names the call; DuckDB does not, so "[...]" stands in for it. No published code
    // was found for this one: the generic compilation code below (002003) is used.
    pattern: /^Binder Error: (?:WHERE|GROUP BY|HAVING|JOIN) clause cannot contain window functions/,
    toError: (_m, id) => new SqlError('002003', '42601', 'SQL compilation error:\nWindow function [...] appears outside of SELECT, QUALIFY, and ORDER BY clauses.', id),
  },
  {
    // 000979, as in Snowflake's GROUP BY ALL example ("[SUM(...)] is not a valid group by expression").
    pattern: /^Binder Error: GROUP BY clause cannot contain aggregates/,
    toError: (_m, id) => new SqlError('000979', '42601', 'SQL compilation error:\n[...] is not a valid group by expression', id),
  },
  {
    pattern: /^Binder Error: Cannot compare values of type (\S+) and type (\S+)/,
    toError: (m, id) => new SqlError('100038', '22018', `Numeric value is not recognized: cannot compare ${m[1]} with ${m[2]}`, id),
  },
  {
    // Snowflake's words for a string that is not a number, so handlers that match on them still do.
    pattern: /^Conversion Error: Could not convert string '((?:[^']|'')*)' to (?:INT|UINT|BIGINT|HUGEINT|DOUBLE|FLOAT|DECIMAL)/,
    toError: (m, id) => new SqlError('100038', '22018', `Numeric value '${m[1]}' is not recognized`, id),
  },
  {
    pattern: /^Parser Error: (.*)/s,
    toError: (m, id) => new SqlError('001003', '42000', `SQL compilation error:\n${firstLine(m[1])}`, id),
  },
  {
    pattern: /^Conversion Error: (.*)/s,
    toError: (m, id) => new SqlError('100038', '22018', firstLine(m[1]), id),
  },
  {
    pattern: /^Constraint Error: (.*)/s,
    toError: (m, id) => new SqlError('100072', '22000', firstLine(m[1]), id),
  },
  {
    pattern: /^Out of Range Error: (.*)/s,
    toError: (m, id) => new SqlError('100046', '22003', firstLine(m[1]), id),
  },
  {
    pattern: /^TransactionContext Error: (.*)/s,
    toError: (m, id) => new SqlError('000625', '57014', `Statement conflicted with a concurrent statement: ${firstLine(m[1])}`, id),
  },
  {
    pattern: /^(?:Binder|Catalog) Error: (.*)/s,
    toError: (m, id) => new SqlError('002003', '42000', `SQL compilation error:\n${firstLine(m[1])}`, id),
  },
];

/** `12.300000` → `12.3`, `12345.000000` → `12345`. */
function withoutTrailingZeros(number: string): string {
  return number.includes('.') ? number.replace(/\.?0+$/, '') : number;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

export function toSnowflakeError(error: unknown, queryId?: string): SqlError {
  if (error instanceof SqlError) return queryId && !error.queryId ? error.withQueryId(queryId) : error;
  const message = error instanceof Error ? error.message : String(error);
  for (const rule of RULES) {
    const match = message.match(rule.pattern);
    if (match) return rule.toError(match, queryId);
  }
  return new SqlError('100000', 'XX000', `Local engine error: ${firstLine(message)}`, queryId);
}

export const errorRuleCount = RULES.length;
