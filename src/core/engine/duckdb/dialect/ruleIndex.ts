import { SqlNode } from '../../../sql/tokenTree';
import { isTriviaToken, upperText } from '../../../sql/tokens';
import { AnySequenceRule } from './ruleTypes';

const NO_RULES: readonly AnySequenceRule[] = [];

// The sequence rules are tried at every node of every statement; most can only start at one
// of a few words (a function name, TABLE, ::). Indexing them by that first key means each node
// tries a handful of candidates instead of the whole table (152 µs → see bench/translation).

/** A node's key: an upper-cased word, a punctuation text, a group's opening bracket, or `<kind>`. */
export function nodeKey(node: SqlNode): string {
  if (node.type === 'group') return node.open.text;
  const token = node.token;
  if (token.kind === 'word') return upperText(token);
  if (token.kind === 'punct') return token.text;
  return `<${token.kind}>`;
}

export class RuleIndex {
  private readonly byKey = new Map<string, readonly AnySequenceRule[]>();
  /** Rules without triggers: the candidates of a node no rule names. */
  private readonly anywhere: readonly AnySequenceRule[];
  /** Rules that say which texts they may match, each with its bit in `narrowings`' keys. */
  private readonly gated: readonly AnySequenceRule[];
  /** This index without the gated rules of each bit set in the key. */
  private readonly narrowings = new Map<number, RuleIndex>();

  constructor(readonly rules: readonly AnySequenceRule[]) {
    this.anywhere = rules.filter((rule) => !rule.triggers);
    // A bit each in a small integer: past 30 such rules, the rest are always tried.
    this.gated = rules.filter((rule) => rule.textMayMatch).slice(0, 30);
    const keys = new Set(rules.flatMap((rule) => rule.triggers ?? []));
    // Each list keeps the table's order: where two rules could match, the earlier one wins.
    for (const key of keys) this.byKey.set(key, rules.filter((rule) => !rule.triggers || rule.triggers.includes(key)));
  }

  /**
   * The index for one statement: without the rules whose `textMayMatch` its text fails. A rule
   * tried at every node costs two operand reads per node of every statement; one with a common
   * trigger (FROM, `*`) may read its whole query each time it is tried.
   */
  narrowedTo(sql: string): RuleIndex {
    let skipped = 0;
    this.gated.forEach((rule, bit) => {
      if (!rule.textMayMatch!.test(sql)) skipped |= 1 << bit;
    });
    if (skipped === 0) return this;
    let narrowed = this.narrowings.get(skipped);
    if (!narrowed) {
      const left = new Set(this.gated.filter((_rule, bit) => skipped & (1 << bit)));
      narrowed = new RuleIndex(this.rules.filter((rule) => !left.has(rule)));
      this.narrowings.set(skipped, narrowed);
    }
    return narrowed;
  }

  candidates(node: SqlNode): readonly AnySequenceRule[] {
    // No rule starts at spacing or a comment: the rules without triggers all begin at an
    // operand. About half of a statement's nodes are spacing.
    if (node.type === 'token' && isTriviaToken(node.token)) return NO_RULES;
    return this.byKey.get(nodeKey(node)) ?? this.anywhere;
  }
}
