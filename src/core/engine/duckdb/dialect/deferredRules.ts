import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodesText, significantNodes } from '../../../sql/nodes';
import { unquoteStringLiteral } from '../../../sql/literals';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { CallMatch, matchCall } from './functionCall';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { DeferredCall, DeferredFunction } from './translation';
import { Translator } from './translator';

// Calls the engine evaluates itself before DuckDB runs the statement: SYSTEM$WAIT must wait
// on a cancellable Node timer (not a DuckDB thread), RESULT_SCAN needs the engine's retained
// results, the CURRENT_* context belongs to the session, not to DuckDB (CURRENT_STATEMENT to
// the request), and GET_DDL rebuilds DDL from the catalog in Snowflake's layout. Each call is
// replaced by a placeholder the engine later fills with a SQL fragment (fillDeferred).

/** Deferred functions that evaluate to a string literal, and may be another call's argument. */
const SCALAR_DEFERRED: readonly DeferredFunction[] = [
  'SYSTEM$WAIT',
  'SYSTEM$CANCEL_QUERY',
  'LAST_QUERY_ID',
  'CURRENT_DATABASE',
  'CURRENT_SCHEMA',
  'CURRENT_ROLE',
  'CURRENT_WAREHOUSE',
  'CURRENT_USER',
  'CURRENT_ACCOUNT',
  'CURRENT_SESSION',
  'CURRENT_REGION',
  'CURRENT_VERSION',
  'CURRENT_SCHEMAS',
  'CURRENT_AVAILABLE_ROLES',
  'CURRENT_STATEMENT',
  'GET_DDL',
];

const ARITY: Partial<Record<DeferredFunction, [number, number]>> = {
  'SYSTEM$WAIT': [1, 2],
  'SYSTEM$CANCEL_QUERY': [1, 1],
  LAST_QUERY_ID: [0, 1],
  RESULT_SCAN: [1, 1],
  GET_DDL: [2, 3],
};

/** Constant arguments, or placeholders of nested deferred calls (registered first). */
function constantArguments(call: CallMatch, translator: Translator): DeferredCall['args'] {
  const fn = call.name as DeferredFunction;
  const [min, max] = ARITY[fn] ?? [0, 0];
  if (call.args.length < min || call.args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    translator.fail(`${fn} takes ${expected} argument${max === 1 ? '' : 's'} (got ${call.args.length})`, call.nameNode);
  }
  return call.args.map((arg) => constantValue(fn, arg, translator));
}

function constantValue(fn: string, arg: SqlNode[], translator: Translator): string | number | null {
  const parts = significantNodes(arg);
  const [first, second] = parts;
  if (parts.length === 1 && isTokenOf(first, 'string')) return unquoteStringLiteral(first.token.text);
  if (parts.length === 1 && isTokenOf(first, 'number')) return Number(first.token.text);
  if (parts.length === 2 && isPunct(first, '-', '+') && isTokenOf(second, 'number')) {
    return Number(first.token.text + second.token.text);
  }
  if (parts.length === 1 && isWord(first, 'NULL')) return null;
  // GET_DDL's use_fully_qualified_names flag.
  if (parts.length === 1 && isWord(first, 'TRUE', 'FALSE')) return isWord(first, 'TRUE') ? 1 : 0;
  const nested = matchCall(arg, arg.indexOf(first), SCALAR_DEFERRED);
  if (nested && nested.end === arg.length) return translator.defer(nested.name as DeferredFunction, constantArguments(nested, translator));
  return translator.fail(`${fn} needs constant arguments in Snowpark Local (got ${describe(parts)} \`${nodesText(arg).trim()}\`)`, first);
}

function describe(parts: SqlNode[]): string {
  const [first, second] = parts;
  if (isGroup(first) && isWord(significantNodes(first.children)[0], 'SELECT')) return 'a subquery';
  if (isWord(first) && isGroup(second) && parts.length === 2) return 'a function call';
  if ((isTokenOf(first, 'word') || isTokenOf(first, 'quotedIdent')) && parts.every((p) => !isGroup(p))) {
    if (parts.length === 1 || parts.every((p, i) => (i % 2 === 1 ? isPunct(p, '.') : true))) return 'a column expression';
  }
  return 'an expression';
}

export const scalarDeferredRule: SequenceRule<CallMatch> = {
  kind: 'sequence',
  name: 'deferred scalar calls',
  triggers: SCALAR_DEFERRED,
  why: 'SYSTEM$WAIT, SYSTEM$CANCEL_QUERY, LAST_QUERY_ID, CURRENT_DATABASE(), CURRENT_SCHEMAS(), CURRENT_STATEMENT()… and GET_DDL are answered by the engine, not DuckDB.',
  match: (nodes, index) => matchCall(nodes, index, SCALAR_DEFERRED),
  rewrite: (call, translator) => {
    const args = constantArguments(call, translator);
    return translator.defer(call.name as DeferredFunction, args);
  },
};

interface ResultScanMatch extends SequenceMatch {
  call: CallMatch;
}

/**
 * `TABLE(RESULT_SCAN(...))`, or a bare `RESULT_SCAN(...)`: the whole table expression becomes
 * one placeholder, which the engine fills with a table reference (or a parenthesised
 * subquery), so an alias written after it (`... ) AS r`) still applies.
 */
const resultScanRule: SequenceRule<ResultScanMatch> = {
  kind: 'sequence',
  name: 'RESULT_SCAN',
  triggers: ['TABLE', 'RESULT_SCAN'],
  why: 'Earlier results live in the engine, which supplies a table reference for them.',
  match(nodes, index) {
    if (isWord(nodes[index], 'TABLE')) {
      const groupAt = nextSignificant(nodes, index + 1);
      const group = nodes[groupAt];
      if (!isGroup(group)) return undefined;
      const inner = significantOnly(group);
      const call = matchCall(inner, 0, ['RESULT_SCAN']);
      if (call && call.end === inner.length) return { call, end: groupAt + 1 };
      return undefined;
    }
    const call = matchCall(nodes, index, ['RESULT_SCAN']);
    return call ? { call, end: call.end } : undefined;
  },
  rewrite: ({ call }, translator) => {
    const args = constantArguments(call, translator);
    return translator.defer('RESULT_SCAN', args);
  },
};

/** The group's children without whitespace or comments (a call inside stays intact). */
function significantOnly(group: GroupNode): SqlNode[] {
  return significantNodes(group.children);
}

export const deferredRules: SequenceRule<SequenceMatch>[] = [resultScanRule, scalarDeferredRule] as SequenceRule<SequenceMatch>[];
