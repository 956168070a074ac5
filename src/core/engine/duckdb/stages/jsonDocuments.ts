// Splits JSON text into the documents Snowflake loads one row each (docs: TYPE = JSON): values
// one after another (NDJSON or not), or, with STRIP_OUTER_ARRAY, the elements of an outer
// array. Each document keeps its own text, so numbers reach the VARIANT exactly as written
// (JSON.parse would round 12345678901234567890), and where it starts, for error messages. A
// document that is not valid JSON is reported with JSON.parse's reason, and reading resumes
// after it.

export interface JsonDocument {
  /** 1-based line and character where the document starts. */
  line: number;
  character: number;
  text: string;
  error?: string;
}

export function* jsonDocuments(text: string, stripOuterArray: boolean): Generator<JsonDocument> {
  const lines = new LineIndex(text);
  let pos = skipBlanks(text, 0);
  while (pos < text.length) {
    if (stripOuterArray && text[pos] === '[') {
      let at = skipBlanks(text, pos + 1);
      if (text[at] === ']') {
        pos = skipBlanks(text, at + 1);
        continue;
      }
      for (;;) {
        const end = valueEnd(text, at);
        yield document(text.slice(at, end), at, lines);
        at = skipBlanks(text, end);
        if (text[at] === ',') at = skipBlanks(text, at + 1);
        else if (text[at] === ']') {
          at++;
          break;
        } else {
          const [line, character] = lines.at(at);
          yield { line, character, text: text.slice(at, at + 20), error: at >= text.length ? 'unexpected end of input: the outer array is not closed' : `expected ',' or ']' after an array element, found '${text[at]}'` };
          at = text.length;
          break;
        }
      }
      pos = skipBlanks(text, at);
      continue;
    }
    const end = valueEnd(text, pos);
    yield document(text.slice(pos, end), pos, lines);
    pos = skipBlanks(text, end);
  }
}

/** The top-level members of an object document, each value's text as written; undefined for a non-object. */
export function jsonMembers(documentText: string): Array<[string, string]> | undefined {
  let at = skipBlanks(documentText, 0);
  if (documentText[at] !== '{') return undefined;
  const members: Array<[string, string]> = [];
  at = skipBlanks(documentText, at + 1);
  while (at < documentText.length && documentText[at] !== '}') {
    const keyEnd = valueEnd(documentText, at);
    const key = JSON.parse(documentText.slice(at, keyEnd)) as string;
    at = skipBlanks(documentText, keyEnd);
    at = skipBlanks(documentText, at + 1); // past ':'
    const end = valueEnd(documentText, at);
    members.push([key, documentText.slice(at, end)]);
    at = skipBlanks(documentText, end);
    if (documentText[at] === ',') at = skipBlanks(documentText, at + 1);
  }
  return members;
}

function document(slice: string, start: number, lines: LineIndex): JsonDocument {
  const [line, character] = lines.at(start);
  try {
    JSON.parse(slice);
    return { line, character, text: slice };
  } catch (error) {
    return { line, character, text: slice, error: (error as Error).message };
  }
}

/** The end of the JSON value starting at `start` (an object, array, string or scalar), never past the text. */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return stringEnd(text, start);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') i = stringEnd(text, i) - 1;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  let i = start;
  while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  // A stray bracket or comma on its own is one (invalid) character, so reading moves on.
  return Math.max(i, start + 1);
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  return i;
}

/** Offsets of line starts, for offset → (line, character). */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): [number, number] {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return [low + 1, offset - this.starts[low] + 1];
  }
}
