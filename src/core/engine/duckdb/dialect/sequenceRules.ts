import { isPunct, isTokenOf, isWord, nextSignificant, nodeText, nodesText, previousSignificant, skipIfExists } from '../../../sql/nodes';
import { numberAt, optionValueAt, sequenceOptionsSql } from './sequenceOptions';
import { quoteStringLiteral } from '../../../sql/literals';
import { readQualifiedName } from '../../../sql/identifiers';
import { SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// Snowflake sequences on DuckDB sequences: the CREATE options are spelled differently
// (`START = 1 INCREMENT = 5`, `WITH`, `ORDER`, `COMMENT`), and the next value is read as
// `seq.NEXTVAL` where DuckDB calls `nextval('seq')`.

interface CreateSequenceMatch extends SequenceMatch {
  nodes: SqlNode[];
  index: number;
  /** Index of the first node after the sequence's name. */
  optionsAt: number;
}

const createSequenceRule: SequenceRule<CreateSequenceMatch> = {
  kind: 'sequence',
  name: 'CREATE SEQUENCE options',
  triggers: ['SEQUENCE'],
  why: "Snowflake writes `START = 1 INCREMENT = 5`, `WITH`, `ORDER`/`NOORDER` and `COMMENT = '…'`; DuckDB takes `START WITH 1 INCREMENT BY 5` only.",
  match(nodes, index, context) {
    if (context.depth !== 0 || context.statementKeyword !== 'CREATE' || !isWord(nodes[index], 'SEQUENCE')) return undefined;
    const at = skipIfExists(nodes, nextSignificant(nodes, index + 1));
    const name = readQualifiedName(nodes, at);
    if (!name) return undefined;
    return { nodes, index, optionsAt: name.end, end: nodes.length };
  },
  rewrite({ nodes, index, optionsAt }, translator) {
    let start: string | undefined;
    let step: string | undefined;
    let at = nextSignificant(nodes, optionsAt);
    if (isWord(nodes[at], 'WITH')) at = nextSignificant(nodes, at + 1);
    while (at < nodes.length) {
      const node = nodes[at];
      if (isWord(node, 'START', 'INCREMENT')) {
        const value = numberAt(nodes, optionValueAt(nodes, at));
        if (!value) return translator.fail(`${nodeText(node).toUpperCase()} needs a number`, node);
        if (isWord(node, 'START')) start = value.text;
        else step = value.text;
        at = nextSignificant(nodes, value.end);
      } else if (isWord(node, 'ORDER', 'NOORDER')) {
        // DuckDB hands out values in order; NOORDER allows that too.
        at = nextSignificant(nodes, at + 1);
      } else if (isWord(node, 'COMMENT')) {
        const value = optionValueAt(nodes, at);
        if (!isTokenOf(nodes[value], 'string')) return translator.fail('COMMENT needs a string', node);
        at = nextSignificant(nodes, value + 1);
      } else {
        return translator.fail(`CREATE SEQUENCE option ${nodeText(node)} is not supported in Snowpark Local`, node);
      }
    }
    return `${nodesText(nodes.slice(index, optionsAt))} ${sequenceOptionsSql(start ?? '1', step ?? '1')}`;
  },
};

interface NextValueMatch extends SequenceMatch {
  /** The sequence's name as written (`seq`, `db.s."Seq"`). */
  name: string;
  nameStart: number;
  index: number;
}

const nextValueRule: SequenceRule<NextValueMatch> = {
  kind: 'sequence',
  name: 'seq.NEXTVAL',
  triggers: ['NEXTVAL'],
  why: "Snowflake reads a sequence's next value as `seq.NEXTVAL`; DuckDB calls `nextval('seq')`.",
  match(nodes, index) {
    if (!isWord(nodes[index], 'NEXTVAL')) return undefined;
    const dot = index - 1;
    if (!isPunct(nodes[dot], '.')) return undefined;
    // Walk back over `a.b.` (no spaces inside a qualified name).
    let nameStart = dot - 1;
    if (!isTokenOf(nodes[nameStart], 'word') && !isTokenOf(nodes[nameStart], 'quotedIdent')) return undefined;
    while (isPunct(nodes[nameStart - 1], '.') && (isTokenOf(nodes[nameStart - 2], 'word') || isTokenOf(nodes[nameStart - 2], 'quotedIdent'))) nameStart -= 2;
    if (isPunct(nodes[previousSignificant(nodes, nameStart - 1)], '.')) return undefined;
    return { name: nodesText(nodes.slice(nameStart, dot)), nameStart, index, end: index + 1 };
  },
  rewrite({ name, nameStart, index }, translator) {
    // The name was already copied out; take it back and call nextval on it instead.
    if (translator.reclaimOutput(nameStart, index) === undefined) return translator.fail('NEXTVAL must follow a sequence name', undefined);
    return `nextval(${quoteStringLiteral(name)})`;
  },
};

export const sequenceObjectRules: SequenceRule<SequenceMatch>[] = [createSequenceRule, nextValueRule] as SequenceRule<SequenceMatch>[];
