import { isPunct, nextSignificant } from '../../../sql/nodes';
import { readTypeSpan } from '../../../sql/typeSpan';
import { CallMatch } from './functionCall';
import { scalarDeferredRule } from './deferredRules';
import { SequenceRule } from './ruleTypes';

// `CURRENT_ROLE()::VARIANT`: a deferred call (deferredRules.ts) becomes a string literal, which
// the `::` rule alone would hand to DuckDB's JSON cast, and that parses the text as JSON and
// fails. As for any text cast to VARIANT (operatorRules.ts), the string is wrapped as a JSON
// string instead. Tried before the deferred rule, which would otherwise take the call first.

const VARIANT_TYPES = new Set(['VARIANT', 'OBJECT', 'ARRAY']);

export const deferredVariantCastRule: SequenceRule<CallMatch> = {
  kind: 'sequence',
  name: 'deferred call ::VARIANT',
  triggers: scalarDeferredRule.triggers,
  why: "A session function's text cast to VARIANT is a JSON string (CURRENT_ROLE()::VARIANT), not text parsed as JSON.",
  match(nodes, index, context) {
    const call = scalarDeferredRule.match(nodes, index, context);
    if (!call) return undefined;
    const castAt = nextSignificant(nodes, call.end);
    const span = isPunct(nodes[castAt], '::') ? readTypeSpan(nodes, nextSignificant(nodes, castAt + 1)) : undefined;
    return span && VARIANT_TYPES.has(span.name) && !span.params ? { ...call, end: span.end } : undefined;
  },
  rewrite: (call, translator, context) => `CAST(to_json(${scalarDeferredRule.rewrite(call, translator, context)}) AS JSON)`,
};
