import { SqlNode } from '../../../sql/tokenTree';
import { SequenceContext } from './ruleTypes';

// outputColumnNames.ts translates the outermost select list item by item, apart from the rest
// of its query, so a rule that meets one of those items (or the FROM clause after them) sees
// only its piece. Rules that must read the whole query (flattenHelperColumns.ts: whether a
// `*` item and a FLATTEN of the same query go together) look it up here, by the context object
// the pieces share: the translator gives every bracket's contents a new one, so a lookup never
// answers for a subquery.

export interface ApartSelectList {
  /** The whole query's nodes. */
  nodes: SqlNode[];
  /** Where its select list starts and ends in them. */
  start: number;
  end: number;
}

const apartLists = new WeakMap<SequenceContext, ApartSelectList>();

export function recordApartSelectList(context: SequenceContext, list: ApartSelectList): void {
  apartLists.set(context, list);
}

/** The query whose select list is translated apart under this context, if any. */
export function apartSelectList(context: SequenceContext): ApartSelectList | undefined {
  return apartLists.get(context);
}
