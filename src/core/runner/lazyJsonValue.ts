import { TaggedValue } from './protocol';

// A handler's plain-JSON return value as Python sent it: its JSON text (or a str's bare UTF-8)
// in a binary frame's attachment (docs/channel-protocol.md, "Binary frames"). Parsing 6 MB of
// JSON and printing it again cost ~0.6 s; the CLI's --json writes the text as it is, and
// everything else (the results panel, the run record, saved-run expectations) reads `v`,
// parsed on first read.

export interface JsonText {
  /** UTF-8 JSON text, as Python's json.dumps wrote it (compact, non-ASCII as is), in pieces written one after another. */
  parts: Buffer[];
  /** True when JSON.stringify(JSON.parse(text)) gives the same text: no floats, no integer-like keys. */
  exact: boolean;
}

const QUOTE = Buffer.from('"');
const texts = new WeakMap<object, JsonText>();

/** `{ $t: 'json', v }` for JSON text (in the pieces it arrived in); `v` is parsed on first read. */
export function lazyJsonValue(text: Buffer[], exact: boolean): TaggedValue {
  return lazyValue(() => JSON.parse(utf8Text(text)), { parts: text, exact });
}

/** `{ $t: 'json', v }` for a str Python sent as bare UTF-8 because JSON escapes nothing in it (no `"`, `\`, control characters). */
export function lazyStrValue(utf8: Buffer[]): TaggedValue {
  return lazyValue(() => utf8Text(utf8), { parts: [QUOTE, ...utf8, QUOTE], exact: true });
}

/** Pieces are joined before decoding: a multi-byte character may straddle two of them. */
const utf8Text = (pieces: Buffer[]): string => (pieces.length === 1 ? pieces[0] : Buffer.concat(pieces)).toString('utf8');

/** The JSON text a value arrived as, when it came as one. */
export function jsonTextOf(value: TaggedValue | undefined): JsonText | undefined {
  return value !== null && typeof value === 'object' ? texts.get(value) : undefined;
}

function lazyValue(parse: () => unknown, json: JsonText): TaggedValue {
  let parsed: unknown;
  let isParsed = false;
  const value = { $t: 'json' as const } as { $t: 'json'; v: unknown };
  // An own, enumerable getter: JSON.stringify, spreads and structured clones all see `v`.
  Object.defineProperty(value, 'v', {
    enumerable: true,
    get: () => {
      if (!isParsed) {
        parsed = parse();
        isParsed = true;
      }
      return parsed;
    },
  });
  texts.set(value, json);
  return value;
}
