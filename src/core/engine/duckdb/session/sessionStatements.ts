import { identifierValue } from '../../../sql/identifiers';
import { scanSql } from '../../../sql/scanSql';
import { isTriviaToken, SqlToken } from '../../../sql/tokens';

// Snowflake statements that change the session rather than data: DuckDB keeps their effect
// per connection, but a Snowflake session spreads its queries over pooled connections, so
// the engine carries them out itself (duckdbSessions.ts). Parsed from tokens, so comments,
// quoted names and case never fool the match.

export type SessionStatement =
  | { kind: 'use'; target: 'database' | 'schema'; database?: string; schema?: string }
  | { kind: 'use'; target: 'role' | 'warehouse'; name: string }
  | { kind: 'useSecondaryRoles' }
  | { kind: 'set'; names: string[]; expressions: string }
  | { kind: 'unset'; names: string[] }
  | { kind: 'alterSession'; set: Array<{ name: string; value: string | null }> }
  | { kind: 'transaction'; action: 'begin' | 'commit' | 'rollback' }
  | { kind: 'createSchema'; database?: string; schema: string; orReplace: boolean; ifNotExists: boolean }
  | { kind: 'createDatabase'; name: string; orReplace: boolean; ifNotExists: boolean }
  | { kind: 'dropDatabase'; name: string; ifExists: boolean };

// Cheap first look, so `select 1` never pays for a scan.
const MAY_BE_SESSION_STATEMENT = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(use|set|unset|alter|begin|start|commit|rollback|create|drop)\b/i;

export function parseSessionStatement(sql: string): SessionStatement | undefined {
  if (!MAY_BE_SESSION_STATEMENT.test(sql)) return undefined;
  const tokens = scanSql(sql).filter((token) => !isTriviaToken(token));
  while (tokens.length && tokens[tokens.length - 1].text === ';') tokens.pop();
  const reader = new TokenReader(tokens, sql);
  switch (reader.word()) {
    case 'USE':
      return parseUse(reader);
    case 'SET':
      return parseSet(reader);
    case 'UNSET':
      return parseUnset(reader);
    case 'ALTER':
      return reader.word() === 'SESSION' ? parseAlterSession(reader) : undefined;
    case 'BEGIN':
    case 'START':
      return parseBegin(reader, tokens[0].text.toUpperCase() === 'START');
    case 'COMMIT':
    case 'ROLLBACK':
      reader.optional('WORK');
      return reader.done() ? { kind: 'transaction', action: tokens[0].text.toUpperCase() === 'COMMIT' ? 'commit' : 'rollback' } : undefined;
    case 'CREATE':
      return parseCreate(reader);
    case 'DROP':
      return parseDropDatabase(reader);
    default:
      return undefined;
  }
}

class TokenReader {
  private at = 0;
  constructor(
    private readonly tokens: SqlToken[],
    private readonly sql: string,
  ) {}

  /** The next token as an upper-case keyword (or undefined), consuming it. */
  word(): string | undefined {
    const token = this.tokens[this.at];
    if (!token || token.kind !== 'word') return undefined;
    this.at++;
    return token.text.toUpperCase();
  }

  peekWord(): string | undefined {
    const token = this.tokens[this.at];
    return token?.kind === 'word' ? token.text.toUpperCase() : undefined;
  }

  optional(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      const token = this.tokens[this.at + i];
      if (!token || token.kind !== 'word' || token.text.toUpperCase() !== words[i]) return false;
    }
    this.at += words.length;
    return true;
  }

  punct(text: string): boolean {
    if (this.tokens[this.at]?.text !== text) return false;
    this.at++;
    return true;
  }

  /** An identifier's Snowflake value: unquoted upper-cased, quoted exact. */
  identifier(): string | undefined {
    const token = this.tokens[this.at];
    if (!token || (token.kind !== 'word' && token.kind !== 'quotedIdent')) return undefined;
    this.at++;
    return identifierValue(token);
  }

  /** `a`, `a.b`: the parts of a dotted name. */
  qualifiedName(): string[] | undefined {
    const first = this.identifier();
    if (first === undefined) return undefined;
    const parts = [first];
    while (this.punct('.')) {
      const next = this.identifier();
      if (next === undefined) return undefined;
      parts.push(next);
    }
    return parts;
  }

  /** Source text from the current token to the end. */
  rest(): string {
    const token = this.tokens[this.at];
    return token ? this.sql.slice(token.start).replace(/;\s*$/, '').trim() : '';
  }

  /** A literal or word as written (`'UTC'`, `10`, `TRUE`): its value for a parameter. */
  value(): string | undefined {
    const token = this.tokens[this.at];
    if (!token) return undefined;
    this.at++;
    if (token.kind === 'string') return token.text.slice(1, -1).replace(/''/g, "'");
    return token.text;
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }
}

function parseUse(reader: TokenReader): SessionStatement | undefined {
  const keyword = reader.peekWord();
  if (keyword === 'SECONDARY') return { kind: 'useSecondaryRoles' };
  if (keyword === 'ROLE' || keyword === 'WAREHOUSE') {
    reader.word();
    const name = reader.identifier();
    return name !== undefined && reader.done() ? { kind: 'use', target: keyword === 'ROLE' ? 'role' : 'warehouse', name } : undefined;
  }
  let target: 'database' | 'schema' | undefined;
  if (keyword === 'DATABASE' || keyword === 'SCHEMA') {
    reader.word();
    target = keyword === 'DATABASE' ? 'database' : 'schema';
  }
  const parts = reader.qualifiedName();
  if (!parts || !reader.done() || parts.length > 2) return undefined;
  // `USE d` names a database; `USE d.s` (with or without SCHEMA) a schema in a database.
  if (parts.length === 2) return target === 'database' ? undefined : { kind: 'use', target: 'schema', database: parts[0], schema: parts[1] };
  return target === 'schema' ? { kind: 'use', target: 'schema', schema: parts[0] } : { kind: 'use', target: 'database', database: parts[0] };
}

function parseSet(reader: TokenReader): SessionStatement | undefined {
  const names: string[] = [];
  if (reader.punct('(')) {
    do {
      const name = reader.identifier();
      if (name === undefined) return undefined;
      names.push(name);
    } while (reader.punct(','));
    if (!reader.punct(')')) return undefined;
  } else {
    const name = reader.identifier();
    if (name === undefined) return undefined;
    names.push(name);
  }
  if (!reader.punct('=')) return undefined;
  const expressions = reader.rest();
  return expressions ? { kind: 'set', names, expressions } : undefined;
}

function parseUnset(reader: TokenReader): SessionStatement | undefined {
  const names: string[] = [];
  const grouped = reader.punct('(');
  do {
    const name = reader.identifier();
    if (name === undefined) return undefined;
    names.push(name);
  } while (reader.punct(','));
  if (grouped && !reader.punct(')')) return undefined;
  return reader.done() ? { kind: 'unset', names } : undefined;
}

function parseAlterSession(reader: TokenReader): SessionStatement | undefined {
  const action = reader.word();
  if (action !== 'SET' && action !== 'UNSET') return undefined;
  const set: Array<{ name: string; value: string | null }> = [];
  do {
    const name = reader.identifier();
    if (name === undefined) return undefined;
    if (action === 'UNSET') {
      set.push({ name: name.toUpperCase(), value: null });
      continue;
    }
    if (!reader.punct('=')) return undefined;
    const value = reader.value();
    if (value === undefined) return undefined;
    set.push({ name: name.toUpperCase(), value });
  } while (reader.punct(',') || (!reader.done() && action === 'SET'));
  return reader.done() ? { kind: 'alterSession', set } : undefined;
}

function parseBegin(reader: TokenReader, start: boolean): SessionStatement | undefined {
  // BEGIN … END without TRANSACTION/WORK is a Snowflake Scripting block, not a transaction.
  if (start && !reader.optional('TRANSACTION')) return undefined;
  if (!start) reader.optional('TRANSACTION') || reader.optional('WORK');
  if (reader.optional('NAME')) reader.identifier();
  return reader.done() ? { kind: 'transaction', action: 'begin' } : undefined;
}

function parseCreate(reader: TokenReader): SessionStatement | undefined {
  const orReplace = reader.optional('OR', 'REPLACE');
  reader.optional('TRANSIENT');
  const kind = reader.word();
  if (kind !== 'SCHEMA' && kind !== 'DATABASE') return undefined;
  const ifNotExists = reader.optional('IF', 'NOT', 'EXISTS');
  const parts = reader.qualifiedName();
  if (!parts) return undefined;
  // Options (COMMENT, DATA_RETENTION_TIME_IN_DAYS …) change nothing locally.
  if (kind === 'DATABASE') return parts.length === 1 ? { kind: 'createDatabase', name: parts[0], orReplace, ifNotExists } : undefined;
  if (parts.length > 2) return undefined;
  return { kind: 'createSchema', database: parts.length === 2 ? parts[0] : undefined, schema: parts[parts.length - 1], orReplace, ifNotExists };
}

function parseDropDatabase(reader: TokenReader): SessionStatement | undefined {
  if (reader.word() !== 'DATABASE') return undefined;
  const ifExists = reader.optional('IF', 'EXISTS');
  const name = reader.identifier();
  if (name === undefined) return undefined;
  reader.optional('CASCADE') || reader.optional('RESTRICT');
  return reader.done() ? { kind: 'dropDatabase', name, ifExists } : undefined;
}
