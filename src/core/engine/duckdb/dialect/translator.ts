import { nodeStart, nodeText, nodesText, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { TypeSpan } from '../../../sql/typeSpan';
import { DialectError } from './dialectError';
import { isSubquery, queryReadsGenerator } from './generatorScope';
import { RuleIndex } from './ruleIndex';
import { SequenceContext, StatementRule, TypeReference, TypeRule } from './ruleTypes';
import { DeferredCall, DeferredFunction } from './translation';

export interface RuleSet {
  statement: StatementRule[];
  /** The sequence rules, indexed by the node keys they can start at. */
  sequence: RuleIndex;
  type: TypeRule[];
}

/** The type written at `span`: its name and parameter texts. */
export function typeReferenceOf(nodes: SqlNode[], span: TypeSpan): TypeReference {
  return {
    name: span.name,
    params: span.params ? splitAtCommas(span.params.children).map((part) => nodesText(trimTrivia(part))) : [],
    offset: nodeStart(nodes[span.start]),
  };
}

/**
 * Walks the bracket tree of one SQL text and applies the rule tables. Text no rule touches
 * is copied exactly, comments and spacing included, so error offsets and messages from
 * DuckDB still look like what the user wrote.
 */
/** The output of one translateSequence call, and where each node's output begins in it. */
interface OutputFrame {
  out: string;
  /** Undefined for a node inside another node's rewrite. */
  starts: Array<number | undefined>;
}

export class Translator {
  readonly deferred: DeferredCall[] = [];
  private readonly frames: OutputFrame[] = [];
  readonly preserveCaseColumns: string[] = [];
  /** The statement being translated reads a GENERATOR somewhere (its queries are then looked at one by one). */
  statementHasGenerator = false;
  /** For each query being translated, innermost last: whether it reads GENERATOR itself (generatorScope.ts). */
  private readonly generatorScopes: boolean[] = [];

  private placeholderPrefix: string | undefined;
  /** Statements to run right after the one being translated (followWith). */
  private readonly following: string[] = [];

  /** `placeholderPrefixOf` is asked once, on the first deferred call: most statements have none. */
  constructor(
    private readonly rules: RuleSet,
    private readonly placeholderPrefixOf: () => string,
  ) {}

  /** One statement's top-level nodes (no `;`). */
  translateStatement(nodes: SqlNode[], context: SequenceContext): string {
    // The statement is the outermost query; a statement rule may translate parts of it apart.
    const sql = this.inQuery(nodes, () => {
      for (const rule of this.rules.statement) {
        const rewritten = rule.apply(nodes, this, context);
        if (rewritten !== undefined) return rewritten;
      }
      return this.translateSequence(nodes, context);
    });
    if (!this.following.length) return sql;
    const following = this.following.splice(0);
    return `${sql.trimEnd()}; ${following.join('; ')}`;
  }

  /**
   * Runs `sql` right after the statement being translated, as part of it: what a clause of
   * the statement does that DuckDB spells as a statement of its own (a table's COMMENT = '…'
   * is COMMENT ON TABLE). The engine answers for the statement as written (statusText).
   */
  followWith(sql: string): void {
    this.following.push(sql);
  }

  /**
   * Runs `translate` for the query made of `nodes` (a statement or a subquery's bracket
   * contents), so SEQ4/SEQ8 inside it know whether this query reads GENERATOR itself.
   */
  inQuery<T>(nodes: SqlNode[], translate: () => T): T {
    if (!this.statementHasGenerator) return translate();
    this.generatorScopes.push(queryReadsGenerator(nodes));
    try {
      return translate();
    } finally {
      this.generatorScopes.pop();
    }
  }

  translateSequence(nodes: SqlNode[], context: SequenceContext): string {
    const frame: OutputFrame = { out: '', starts: [] };
    this.frames.push(frame);
    try {
      let i = 0;
      nodeLoop: while (i < nodes.length) {
        frame.starts[i] = frame.out.length;
        for (const rule of this.rules.sequence.candidates(nodes[i])) {
          const match = rule.match(nodes, i, context);
          if (match) {
            // Read `out` after the rewrite: the rewrite may take some of it back (reclaimOutput).
            const rewritten = rule.rewrite(match, this, context);
            frame.out += rewritten;
            i = Math.max(match.end, i + 1);
            continue nodeLoop;
          }
        }
        frame.out += this.translateNode(nodes[i], context);
        i++;
      }
      return frame.out;
    } finally {
      this.frames.pop();
    }
  }

  /** Whether the query being translated reads GENERATOR itself, so SEQ4/SEQ8 can use its row column. */
  get generatorInScope(): boolean {
    return this.generatorScopes[this.generatorScopes.length - 1] ?? false;
  }

  /**
   * For an infix rule matched at `at` whose left operand starts at node `from` (already
   * translated): takes that operand's output back so the rule can wrap it, `a / b` →
   * `f(a, b)`. Undefined when `from` lies inside an earlier rule's rewrite, whose output
   * cannot be split; the rule must then leave the left operand alone. Call it before
   * translating anything else in the rewrite.
   */
  reclaimOutput(from: number, at: number): string | undefined {
    const frame = this.frames[this.frames.length - 1];
    const start = frame?.starts[from];
    if (start === undefined) return undefined;
    const text = frame.out.slice(start);
    frame.out = frame.out.slice(0, start);
    // The rule's output now begins at `from`; nodes in between have no output of their own.
    for (let node = from + 1; node <= at; node++) frame.starts[node] = undefined;
    return text;
  }

  translateNode(node: SqlNode, context: SequenceContext): string {
    if (node.type === 'token') return node.token.text;
    const translateChildren = (): string => this.translateSequence(node.children, { ...context, depth: context.depth + 1 });
    // A subquery is a query of its own (GENERATOR's scope).
    const inner = isSubquery(node.children) ? this.inQuery(node.children, translateChildren) : translateChildren();
    return node.open.text + inner + (node.close?.text ?? '');
  }

  /** Translates a call's argument list into one trimmed string per argument. */
  translateArguments(children: SqlNode[], context: SequenceContext): string[] {
    const inner = { ...context, depth: context.depth + 1 };
    return splitAtCommas(children).map((part) => this.translateSequence(trimTrivia(part), inner));
  }

  /** A type written where a type belongs (CAST ... AS, `::`, column definitions). */
  translateType(nodes: SqlNode[], span: TypeSpan): string {
    const type = typeReferenceOf(nodes, span);
    const rule = this.rules.type.find((candidate) => candidate.match(type));
    if (rule) return rule.rewrite(type);
    return nodes.slice(span.start, span.end).map(nodeText).join('');
  }

  /** Registers a call the engine evaluates itself and returns the placeholder standing in for it. */
  defer(fn: DeferredFunction, args: DeferredCall['args']): string {
    this.placeholderPrefix ??= this.placeholderPrefixOf();
    const placeholder = `${this.placeholderPrefix}${this.deferred.length}__`;
    this.deferred.push({ placeholder, fn, args });
    return placeholder;
  }

  isPlaceholder(text: string): boolean {
    return this.deferred.some((call) => call.placeholder === text);
  }

  fail(message: string, node: SqlNode | undefined): never {
    throw new DialectError(message, node ? nodeStart(node) : 0);
  }
}
