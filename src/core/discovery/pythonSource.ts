// Just enough Python lexing to find top-level `def`s: strings (including triple-quoted
// ones that span lines), comments, brackets and backslash continuations. A `def` inside a
// docstring or inside an open bracket is not a function definition.

/** Offset just after the string literal that starts with the quote at `start`. */
export function endOfPythonString(source: string, start: number): number {
  const quote = source[start];
  const triple = source.startsWith(quote.repeat(3), start);
  const closer = triple ? quote.repeat(3) : quote;
  let i = start + closer.length;
  while (i < source.length) {
    if (source[i] === '\\') i += 2;
    else if (source.startsWith(closer, i)) return i + closer.length;
    else if (!triple && source[i] === '\n') return i; // an unterminated one-line string ends at the line
    else i++;
  }
  return source.length;
}

const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * Offsets of the lines that begin a new logical line outside any string or bracket:
 * the only places a top-level `def` can start.
 */
export function logicalLineStarts(source: string): number[] {
  const starts: number[] = [0];
  let depth = 0;
  let continued = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (ch === "'" || ch === '"') {
      i = endOfPythonString(source, i);
    } else {
      if (OPENERS.includes(ch)) depth++;
      else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
      else if (ch === '\\' && source[i + 1] === '\n') {
        continued = true;
        i++;
      } else if (ch === '\n') {
        if (depth === 0 && !continued) starts.push(i + 1);
        continued = false;
      }
      i++;
    }
  }
  return starts;
}

/** Index of the bracket closing the one at `open`, or -1 when the source ends first. */
export function findClosingBracket(source: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      i = endOfPythonString(source, i);
      continue;
    }
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch) && --depth === 0) return i;
    i++;
  }
  return -1;
}

/** Splits at `separator` characters outside strings and brackets; comments are dropped. */
export function splitPythonTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = endOfPythonString(text, i);
      current += text.slice(i, end);
      i = end;
      continue;
    }
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
    i++;
  }
  parts.push(current);
  return parts;
}
