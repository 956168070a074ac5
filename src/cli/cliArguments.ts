// Hand-rolled argument parsing: the CLI has four commands and a dozen flags, not worth a
// dependency, and every mistake must become exit code 2 with a message that says what to type.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArguments {
  positionals: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['handler', 'procedure', 'args', 'warehouse', 'db', 'python', 'e', 'workers', 'connection', 'junit']);
const BOOLEAN_FLAGS = new Set(['json', 'help', 'continue-on-error', 'dry-run']);

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inlineValue] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    const name = rawName;
    if (BOOLEAN_FLAGS.has(name)) {
      flags.set(name, true);
    } else if (VALUE_FLAGS.has(name)) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { positionals, flags };
}

export function stringFlag(parsed: ParsedArguments, name: string): string | undefined {
  const value = parsed.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export const USAGE = `Usage:
  snowpark-local run FILE [--handler NAME | --procedure NAME] [--args JSON_ARRAY]
                     [--warehouse standard|snowpark-optimized] [--workers N]
                     [--db PATH] [--python PATH] [--connection NAME] [--json]
  snowpark-local sql FILE | -e "SQL" [--db PATH] [--python PATH] [--connection NAME] [--json] [--continue-on-error]
  snowpark-local connections list [--json]
  snowpark-local connections test [NAME] [--json]
  snowpark-local deploy FILE --procedure NAME [--handler NAME] (--connection NAME | --dry-run) [--json]
  snowpark-local test [PATH] [--junit FILE] [--json] [--python PATH] [--db PATH]

  run          runs a handler from a .py file, or a procedure defined in a .sql file
  sql          runs a worksheet statement by statement
  connections  lists the connections in connections.toml (never a secret), or tests one by logging in
  deploy       emits CREATE OR REPLACE PROCEDURE … AS $$ … $$ for a handler and runs it on the account
  test         runs the saved runs that have an "expect" (PATH: a workspace folder, default the current
               one, or its .snowpark-local/runs.json), each in a fresh database, and compares the results;
               --junit FILE also writes JUnit XML for CI; --db: the database "database": "copy" copies

  --connection NAME  run / sql: run the SQL on Snowflake with this connections.toml entry
                     ($SNOWFLAKE_HOME, ~/.snowflake or the OS config folder) instead of the local engine

  --db PATH     the local DuckDB database (default .snowpark-local/local.duckdb; ':memory:' allowed)
  --json        machine-readable output (run: one object; sql: one object per statement per line)

Exit codes: 0 success, 1 the handler or a statement failed (test: any test failed), 2 bad usage (test: or runs.json is invalid).`;
