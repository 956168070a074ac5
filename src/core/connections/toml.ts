// A small TOML reader for connections.toml / config.toml: tables and dotted table headers,
// dotted keys, basic and literal strings (single- and multi-line), integers, floats,
// booleans and arrays. Inline tables and dates are out of scope: Snowflake's connection
// files do not use them. Hand-written because the only TOML package in node_modules is a
// transitive one of snowflake-sdk (TOML 0.4), not ours to rely on.
//
// Errors name the line and what was expected but never quote the line: a malformed line
// may well hold a password.

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export class TomlError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'TomlError';
  }
}

export function parseToml(text: string): TomlTable {
  return new TomlParser(text).parse();
}

export function isTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BARE_KEY = /[A-Za-z0-9_-]/;

class TomlParser {
  private pos = 0;
  private line = 1;
  private readonly root: TomlTable = {};
  private readonly explicitTables = new Set<TomlTable>();

  constructor(private readonly text: string) {}

  parse(): TomlTable {
    let current = this.root;
    for (;;) {
      this.skipBlankAndComments();
      if (this.pos >= this.text.length) return this.root;
      if (this.peek() === '[') {
        current = this.tableHeader();
      } else {
        this.keyValue(current);
      }
      this.endOfLine();
    }
  }

  private fail(reason: string): never {
    throw new TomlError(this.line, reason);
  }

  private peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  private skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  private skipComment(): void {
    if (this.peek() !== '#') return;
    while (this.pos < this.text.length && this.peek() !== '\n') this.pos++;
  }

  private skipBlankAndComments(): void {
    for (;;) {
      this.skipSpaces();
      this.skipComment();
      if (this.peek() === '\r' && this.peek(1) === '\n') this.pos++;
      if (this.peek() !== '\n') return;
      this.pos++;
      this.line++;
    }
  }

  private endOfLine(): void {
    this.skipSpaces();
    this.skipComment();
    if (this.peek() === '\r') this.pos++;
    if (this.pos >= this.text.length) return;
    if (this.peek() !== '\n') this.fail('expected the end of the line after the value');
    this.pos++;
    this.line++;
  }

  private tableHeader(): TomlTable {
    this.pos++; // [
    if (this.peek() === '[') this.fail('arrays of tables ([[…]]) are not supported in connection files');
    this.skipSpaces();
    const path = this.dottedKey();
    this.skipSpaces();
    if (this.peek() !== ']') this.fail("expected ']' to close the table header");
    this.pos++;
    let table = this.root;
    for (const key of path) {
      const existing = table[key];
      if (existing === undefined) table = table[key] = {};
      else if (isTable(existing)) table = existing;
      else this.fail(`'${key}' is already a value, not a table`);
    }
    if (this.explicitTables.has(table)) this.fail(`table [${path.join('.')}] is defined twice`);
    this.explicitTables.add(table);
    return table;
  }

  private keyValue(table: TomlTable): void {
    const path = this.dottedKey();
    this.skipSpaces();
    if (this.peek() !== '=') this.fail(`expected '=' after the key '${path.join('.')}'`);
    this.pos++;
    this.skipSpaces();
    let target = table;
    for (const key of path.slice(0, -1)) {
      const existing = target[key];
      if (existing === undefined) target = target[key] = {};
      else if (isTable(existing)) target = existing;
      else this.fail(`'${key}' is already a value, not a table`);
    }
    const last = path[path.length - 1];
    if (last in target) this.fail(`the key '${path.join('.')}' is defined twice`);
    target[last] = this.value(path.join('.'));
  }

  private dottedKey(): string[] {
    const parts = [this.simpleKey()];
    for (;;) {
      this.skipSpaces();
      if (this.peek() !== '.') return parts;
      this.pos++;
      this.skipSpaces();
      parts.push(this.simpleKey());
    }
  }

  private simpleKey(): string {
    const c = this.peek();
    if (c === '"') return this.basicString();
    if (c === "'") return this.literalString();
    const start = this.pos;
    while (BARE_KEY.test(this.peek())) this.pos++;
    if (this.pos === start) this.fail('expected a key');
    return this.text.slice(start, this.pos);
  }

  private value(key: string): TomlValue {
    const c = this.peek();
    if (c === '"') return this.peek(1) === '"' && this.peek(2) === '"' ? this.multilineBasicString() : this.basicString();
    if (c === "'") return this.peek(1) === "'" && this.peek(2) === "'" ? this.multilineLiteralString() : this.literalString();
    if (c === '[') return this.array(key);
    if (c === '{') this.fail(`inline tables are not supported (key '${key}')`);
    const start = this.pos;
    while (this.pos < this.text.length && !/[\s,\]#]/.test(this.peek())) this.pos++;
    const word = this.text.slice(start, this.pos);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (/^[+-]?(0|[1-9](_?\d)*)$/.test(word)) return Number(word.replace(/_/g, ''));
    if (/^0x[0-9A-Fa-f](_?[0-9A-Fa-f])*$/.test(word)) return parseInt(word.slice(2).replace(/_/g, ''), 16);
    if (/^[+-]?(0|[1-9](_?\d)*)(\.\d(_?\d)*)?([eE][+-]?\d(_?\d)*)?$/.test(word)) return Number(word.replace(/_/g, ''));
    if (/^[+-]?(inf|nan)$/.test(word)) return word.endsWith('inf') ? (word.startsWith('-') ? -Infinity : Infinity) : NaN;
    this.fail(`the value of '${key}' is not a TOML string, number, boolean or array (strings need quotes)`);
  }

  private array(key: string): TomlValue[] {
    this.pos++; // [
    const items: TomlValue[] = [];
    for (;;) {
      this.skipBlankAndComments();
      if (this.peek() === ']') {
        this.pos++;
        return items;
      }
      if (this.pos >= this.text.length) this.fail(`the array '${key}' is not closed`);
      items.push(this.value(key));
      this.skipBlankAndComments();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ']') this.fail(`expected ',' or ']' in the array '${key}'`);
    }
  }

  private basicString(): string {
    this.pos++; // "
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === '' || c === '\n') this.fail('a string is not closed on its line');
      this.pos++;
      if (c === '"') return out;
      out += c === '\\' ? this.escape() : c;
    }
  }

  private multilineBasicString(): string {
    this.pos += 3;
    if (this.peek() === '\r' && this.peek(1) === '\n') this.pos++;
    if (this.peek() === '\n') this.newline();
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) this.fail('a """ string is not closed');
      const c = this.peek();
      if (c === '"' && this.text.startsWith('"""', this.pos)) {
        // Up to two quotes may sit right before the closing delimiter: """a""""" is 'a""'.
        let quotes = 0;
        while (this.peek(quotes) === '"' && quotes < 5) quotes++;
        this.pos += quotes;
        return out + '"'.repeat(quotes - 3);
      }
      if (c === '\\' && /^\\[ \t]*\r?\n/.test(this.text.slice(this.pos, this.pos + 64))) {
        // A line-ending backslash trims the newline and the whitespace after it.
        this.pos++;
        while (/[ \t\r\n]/.test(this.peek())) {
          if (this.peek() === '\n') this.newline();
          else this.pos++;
        }
        continue;
      }
      if (c === '\n') {
        out += c;
        this.newline();
        continue;
      }
      this.pos++;
      out += c === '\\' ? this.escape() : c;
    }
  }

  private literalString(): string {
    this.pos++; // '
    const end = this.text.indexOf("'", this.pos);
    const newline = this.text.indexOf('\n', this.pos);
    if (end < 0 || (newline >= 0 && newline < end)) this.fail('a string is not closed on its line');
    const out = this.text.slice(this.pos, end);
    this.pos = end + 1;
    return out;
  }

  private multilineLiteralString(): string {
    this.pos += 3;
    if (this.peek() === '\n') this.newline();
    const end = this.text.indexOf("'''", this.pos);
    if (end < 0) this.fail("a ''' string is not closed");
    const out = this.text.slice(this.pos, end);
    this.line += (out.match(/\n/g) ?? []).length;
    this.pos = end + 3;
    return out;
  }

  private newline(): void {
    this.pos++;
    this.line++;
  }

  private escape(): string {
    const c = this.peek();
    this.pos++;
    switch (c) {
      case 'b':
        return '\b';
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'f':
        return '\f';
      case 'r':
        return '\r';
      case 'e':
        return '\x1b';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U': {
        const length = c === 'u' ? 4 : 8;
        const hex = this.text.slice(this.pos, this.pos + length);
        if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) this.fail(`\\${c} needs ${length} hex digits`);
        this.pos += length;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail(`\\${c} is not a Unicode scalar value`);
        return String.fromCodePoint(code);
      }
      default:
        this.fail('unknown escape sequence in a string (use a literal string \'…\' for backslashes)');
    }
  }
}
