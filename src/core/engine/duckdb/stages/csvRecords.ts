import { CsvOptions } from './readerOptions';

// Splits CSV text into records as Snowflake's CSV reader does (docs: CREATE FILE FORMAT,
// TYPE = CSV), keeping where each record and field starts so a load error can name its line
// and character as Snowflake's do:
// - RECORD_DELIMITER '\n' also ends a record at '\r\n'; a newline inside an enclosed field is data.
// - FIELD_OPTIONALLY_ENCLOSED_BY: a field that starts with the character is enclosed; a doubled
//   one inside is one character; ESCAPE escapes the next character inside enclosed fields,
//   ESCAPE_UNENCLOSED_FIELD (default backslash) outside them.
// - NULL_IF strings and, with EMPTY_FIELD_AS_NULL, an empty unenclosed field become NULL; an
//   enclosed empty field ("") stays an empty string.
// - TRIM_SPACE trims unenclosed values and the blanks around an enclosed one.
// Parsed without DuckDB's CSV reader on purpose: its sniffing and error reporting cannot say
// which line and character a bad field sits at, nor keep Snowflake's NULL rules.

export interface CsvField {
  value: string | null;
  /** 1-based character of the field in its line. */
  character: number;
}

export interface CsvRecord {
  /** 1-based line the record starts on (record ordinal when the delimiter has no newline). */
  line: number;
  fields: CsvField[];
  /** A record the reader could not split (a stray character after an enclosed field …). */
  error?: { message: string; code: string; character: number };
}

export function* csvRecords(text: string, options: CsvOptions): Generator<CsvRecord> {
  const { fieldDelimiter, recordDelimiter, enclosedBy, escape, escapeUnenclosed, trimSpace } = options;
  const nullIf = new Set(options.nullIf);
  const newlineRecords = recordDelimiter === '' || recordDelimiter.includes('\n');
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  let ordinal = 0;

  /** Length of the record delimiter at `at`, 0 when none is there. */
  const recordEndAt = (at: number): number => {
    if (recordDelimiter === '') return 0;
    if (recordDelimiter === '\n' && text[at] === '\r' && text[at + 1] === '\n') return 2;
    return text.startsWith(recordDelimiter, at) ? recordDelimiter.length : 0;
  };
  const fieldEndAt = (at: number): boolean => fieldDelimiter !== '' && text.startsWith(fieldDelimiter, at);
  /** Moves past `count` characters, counting the newlines among them. */
  const advance = (count: number): void => {
    for (let end = pos + count; pos < end; pos++) {
      if (text.charCodeAt(pos) === 10) {
        line++;
        lineStart = pos + 1;
      }
    }
  };
  const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

  while (pos < text.length) {
    ordinal++;
    const recordStart = pos;
    const recordLine = newlineRecords ? line : ordinal;
    const characterAt = (at: number): number => at - (newlineRecords ? lineStart : recordStart) + 1;
    if (options.skipBlankLines && recordEndAt(pos) > 0) {
      advance(recordEndAt(pos));
      ordinal--;
      continue;
    }
    const fields: CsvField[] = [];
    let error: CsvRecord['error'];
    for (;;) {
      let start = pos;
      if (trimSpace) while (isBlank(text[pos])) advance(1);
      const character = characterAt(start);
      if (enclosedBy !== undefined && text.startsWith(enclosedBy, pos)) {
        advance(enclosedBy.length);
        let value = '';
        let closed = false;
        while (pos < text.length) {
          if (escape !== undefined && escape !== enclosedBy && text.startsWith(escape, pos) && pos + escape.length < text.length) {
            advance(escape.length);
            value += text[pos];
            advance(1);
          } else if (text.startsWith(enclosedBy, pos)) {
            if (text.startsWith(enclosedBy, pos + enclosedBy.length)) {
              value += enclosedBy;
              advance(enclosedBy.length * 2);
            } else {
              advance(enclosedBy.length);
              closed = true;
              break;
            }
          } else {
            value += text[pos];
            advance(1);
          }
        }
        if (!closed) {
          error = { message: `Unexpected end of file while reading an enclosed field (the closing ${enclosedBy} is missing)`, code: '100066', character };
          fields.push({ value, character });
          break;
        }
        if (trimSpace) while (isBlank(text[pos])) advance(1);
        fields.push({ value: nullIf.has(value) ? null : value, character });
        if (fieldEndAt(pos)) {
          advance(fieldDelimiter.length);
          continue;
        }
        const end = recordEndAt(pos);
        if (end > 0 || pos >= text.length) {
          advance(end);
          break;
        }
        error = { message: `Found character '${text[pos]}' instead of field delimiter '${printable(fieldDelimiter)}'`, code: '100065', character: characterAt(pos) };
        while (pos < text.length && recordEndAt(pos) === 0) advance(1);
        advance(recordEndAt(pos));
        break;
      }
      // An unenclosed field: up to the next field or record delimiter.
      start = pos;
      let value = '';
      let chunkStart = pos;
      while (pos < text.length && !fieldEndAt(pos) && recordEndAt(pos) === 0) {
        if (escapeUnenclosed !== undefined && text.startsWith(escapeUnenclosed, pos) && pos + escapeUnenclosed.length < text.length) {
          value += text.slice(chunkStart, pos);
          advance(escapeUnenclosed.length);
          value += text[pos];
          advance(1);
          chunkStart = pos;
        } else advance(1);
      }
      value += text.slice(chunkStart, pos);
      const raw = trimSpace ? text.slice(start, pos).replace(/^[ \t]+|[ \t]+$/g, '') : text.slice(start, pos);
      if (trimSpace) value = value.replace(/^[ \t]+|[ \t]+$/g, '');
      const isNull = nullIf.has(raw) || (raw === '' && options.emptyFieldAsNull);
      fields.push({ value: isNull ? null : value, character });
      if (fieldEndAt(pos)) {
        advance(fieldDelimiter.length);
        // A delimiter at the very end of the text still ends an (empty) last field.
        if (pos >= text.length) fields.push({ value: options.emptyFieldAsNull ? null : '', character: characterAt(pos) });
        else continue;
      }
      advance(recordEndAt(pos));
      break;
    }
    yield { line: recordLine, fields, ...(error ? { error } : {}) };
  }
}

/** A delimiter as Snowflake's messages print it: `'\n'` for a newline. */
export function printable(delimiter: string): string {
  return delimiter.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}
