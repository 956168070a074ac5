import { SqlNode } from '../../../sql/tokenTree';
import type { Translator } from './translator';

// Every dialect difference is one rule object: a name (used by the coverage test), why it
// exists, a matcher and a rewrite. Three kinds, by where they apply.

export interface SequenceContext {
  /** 0 for a statement's own nodes, 1+ inside brackets. */
  depth: number;
  /** Upper-cased first word of the statement (CREATE, SELECT, ALTER, ...). */
  statementKeyword: string;
}

export interface SequenceMatch {
  /** Index just after the last node the rule consumed. */
  end: number;
}

/** Rewrites a run of nodes wherever it appears (function calls, `::`, keywords, DDL bits). */
export interface SequenceRule<M extends SequenceMatch = SequenceMatch> {
  kind: 'sequence';
  name: string;
  why: string;
  /**
   * The node keys it can match at (ruleIndex.ts: an upper-cased word, a punctuation text, `(`,
   * `<string>`…), so each node tries only its candidates. Absent: tried at every node.
   */
  triggers?: readonly string[];
  /**
   * Text that any statement the rule can match contains. A statement whose text fails the test
   * never tries the rule (RuleIndex.narrowedTo).
   */
  textMayMatch?: RegExp;
  match(nodes: SqlNode[], index: number, context: SequenceContext): M | undefined;
  rewrite(match: M, translator: Translator, context: SequenceContext): string;
}

export interface TypeReference {
  /** Upper-cased words of the type name: `NUMBER`, `DOUBLE PRECISION`. */
  name: string;
  /** Parameter source texts: `['10', '2']` for NUMBER(10,2). */
  params: string[];
  /** Offset of the type in the original SQL, for errors. */
  offset: number;
}

/** Maps a Snowflake type to a DuckDB type; applied only where a type is written. */
export interface TypeRule {
  kind: 'type';
  name: string;
  why: string;
  match(type: TypeReference): boolean;
  rewrite(type: TypeReference): string;
}

/** Rewrites a whole statement, or returns undefined to leave it to the sequence rules. */
export interface StatementRule {
  kind: 'statement';
  name: string;
  why: string;
  apply(nodes: SqlNode[], translator: Translator, context: SequenceContext): string | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own match shape
export type AnySequenceRule = SequenceRule<any>;
export type DialectRule = AnySequenceRule | TypeRule | StatementRule;
