import { Translation, translateToDuckDb } from './dialect';

// A handler that runs the same statement in a loop (session.sql("select 1").collect(), a
// DataFrame re-collected) paid the whole translation every time: ~35 µs of a 1 ms select 1.
// Translation reads the text alone (the rule tables are constant; CURRENT_DATABASE,
// LAST_QUERY_ID … are deferred calls evaluated per execution, and session variables were
// substituted before the text gets here), so the text is the whole key.

/** How many distinct statement texts are kept; the oldest used goes first. */
export const TRANSLATION_CACHE_ENTRIES = 256;
/** Longer texts (generated INSERT … VALUES) are rarely repeated and would pin megabytes. */
export const TRANSLATION_CACHE_MAX_CHARS = 16 * 1024;

export class TranslationCache {
  private readonly entries = new Map<string, Translation>();

  constructor(
    private readonly translate: (sql: string) => Translation = translateToDuckDb,
    private readonly maxEntries = TRANSLATION_CACHE_ENTRIES,
    private readonly maxChars = TRANSLATION_CACHE_MAX_CHARS,
  ) {}

  /** The translation of `sql`; a text that fails to translate throws every time (never cached). */
  translationOf(sql: string): Translation {
    if (sql.length > this.maxChars) return this.translate(sql);
    const cached = this.entries.get(sql);
    if (cached) {
      // Map order is insertion order: moving a hit to the end makes the first key the least recently used.
      this.entries.delete(sql);
      this.entries.set(sql, cached);
      return cached;
    }
    const translation = frozen(this.translate(sql));
    this.entries.set(sql, translation);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return translation;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One translation serves many statements: none of them may change it for the next. */
function frozen(translation: Translation): Translation {
  for (const call of translation.deferred) Object.freeze(call.args), Object.freeze(call);
  Object.freeze(translation.deferred);
  Object.freeze(translation.preserveCaseColumns);
  return Object.freeze(translation);
}
