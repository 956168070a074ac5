import { GroupNode, SqlNode, TokenNode } from '../../../sql/tokenTree';
import { isGroup, isPunct, isWord, nextSignificant, previousSignificant, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { upperText } from '../../../sql/tokens';
import { SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';
import { Translator } from './translator';

export interface CallMatch extends SequenceMatch {
  /** Upper-cased function name. */
  name: string;
  nameNode: TokenNode;
  argList: GroupNode;
  /** Each argument's nodes, trimmed. */
  args: SqlNode[][];
}

/**
 * `NAME ( ... )` at nodes[index], NAME being one of `upperNames`. A name after a `.`
 * (`my_schema.iff(...)`) is a user function, not the built-in, so it does not match.
 */
export function matchCall(nodes: SqlNode[], index: number, upperNames: readonly string[]): CallMatch | undefined {
  const nameNode = nodes[index];
  if (!isWord(nameNode, ...upperNames)) return undefined;
  if (isPunct(nodes[previousSignificant(nodes, index - 1)], '.')) return undefined;
  const listAt = nextSignificant(nodes, index + 1);
  const argList = nodes[listAt];
  if (!isGroup(argList)) return undefined;
  return {
    name: upperText(nameNode.token),
    nameNode,
    argList,
    args: splitAtCommas(argList.children).map(trimTrivia),
    end: listAt + 1,
  };
}

export interface FunctionRuleSpec {
  name: string;
  why: string;
  functions: readonly string[];
  /** Allowed argument counts, inclusive. */
  arity: [number, number];
  /** Gets the arguments already translated (nested rules applied) and trimmed. */
  rewrite(args: string[], call: CallMatch, translator: Translator, context: SequenceContext): string;
}

/** A rule for a Snowflake function DuckDB lacks or spells differently. */
export function functionRule(spec: FunctionRuleSpec): SequenceRule<CallMatch> {
  return {
    kind: 'sequence',
    name: spec.name,
    why: spec.why,
    triggers: spec.functions,
    match: (nodes, index) => matchCall(nodes, index, spec.functions),
    rewrite(call, translator, context) {
      const [min, max] = spec.arity;
      if (call.args.length < min || call.args.length > max) {
        const expected = min === max ? `${min}` : `${min} to ${max}`;
        translator.fail(`${call.name} takes ${expected} argument${max === 1 ? '' : 's'} (got ${call.args.length})`, call.nameNode);
      }
      return spec.rewrite(translator.translateArguments(call.argList.children, context), call, translator, context);
    },
  };
}

/** A Snowflake function that is a DuckDB function (or one of our macros) under another name. */
export function renameRule(spec: { name: string; why: string; functions: readonly string[]; arity: [number, number]; to: string; defaults?: string[] }): SequenceRule<CallMatch> {
  return functionRule({
    ...spec,
    rewrite: (args) => `${spec.to}(${[...args, ...(spec.defaults ?? []).slice(Math.max(0, args.length - spec.arity[0]))].join(', ')})`,
  });
}
