// The CLI's table shows a VARIANT return value as JSON.stringify(value, null, 2), clipped to
// one short line. For a 6 MB value, parsing it and indenting all of it (20 MB of text) took
// seconds to show 80 characters; this indents only the start of the compact text.

/**
 * The first `maxChars` (or more, up to one token more) characters of JSON.stringify(JSON.parse(json), null, 2),
 * for compact JSON text that JSON.stringify would print the same (no floats, no integer-like keys).
 */
export function indentedJsonPrefix(json: string, maxChars: number): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < json.length && out.length < maxChars; i++) {
    const char = json[i];
    if (char === '"') {
      const end = stringEnd(json, i);
      out += json.slice(i, end);
      i = end - 1;
    } else if (char === '{' || char === '[') {
      const next = json[i + 1];
      if (next === '}' || next === ']') {
        out += char + next;
        i++;
      } else {
        depth++;
        out += char + newline(depth);
      }
    } else if (char === '}' || char === ']') {
      depth--;
      out += newline(depth) + char;
    } else if (char === ',') {
      out += ',' + newline(depth);
    } else if (char === ':') {
      out += ': ';
    } else {
      out += char;
    }
  }
  return out;
}

/** The index just past the string that starts (with its quote) at `start`; the text's end if it is cut off. */
function stringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i++) {
    if (json[i] === '\\') i++;
    else if (json[i] === '"') return i + 1;
  }
  return json.length;
}

function newline(depth: number): string {
  return '\n' + '  '.repeat(depth);
}
