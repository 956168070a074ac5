import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, nodesText, skipIfNotExists } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { readQualifiedName } from '../../../sql/identifiers';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// The clauses of CREATE TABLE / CREATE VIEW that tune Snowflake's storage and governance
// (https://docs.snowflake.com/en/sql-reference/sql/create-table: CLUSTER BY,
// DATA_RETENTION_TIME_IN_DAYS, CHANGE_TRACKING, COPY GRANTS, row access and masking policies,
// tags…). DuckDB knows none of them and they change no answer locally, so they are dropped:
// everyday DDL copied from a Snowflake worksheet runs as it is. A table's or view's
// COMMENT = '…' is kept (COMMENT ON, which SHOW TABLES and DESCRIBE read), and so is a table
// column's COMMENT '…' (typePositionRules.ts reads it before this rule sees the column); a
// view column's is dropped.

/** `NAME = value` options: the value is a constant, a word or a bracket (STAGE_FILE_FORMAT = (…)). */
const ASSIGNED_OPTIONS = [
  'ENABLE_SCHEMA_EVOLUTION',
  'DATA_RETENTION_TIME_IN_DAYS',
  'MAX_DATA_EXTENSION_TIME_IN_DAYS',
  'CHANGE_TRACKING',
  'DEFAULT_DDL_COLLATION',
  'STAGE_FILE_FORMAT',
  'STAGE_COPY_OPTIONS',
  'COMMENT',
];
/** Options that start with `[WITH] <word>`: a policy, a tag list or contacts. */
const POLICY_STARTS = ['ROW', 'AGGREGATION', 'JOIN', 'MASKING', 'PROJECTION', 'TAG', 'CONTACT'];
const TRIGGERS = [...ASSIGNED_OPTIONS, ...POLICY_STARTS, 'CLUSTER', 'COPY', 'WITH'];

interface TableOptionMatch extends SequenceMatch {
  /** COMMENT = '…' of the table or view: kept with COMMENT ON. */
  comment?: { object: 'TABLE' | 'VIEW'; name: string; text: string };
}

/** The object a CREATE statement makes, when it is a table or a view, and where its name is. */
function createdObject(nodes: SqlNode[]): { object: 'TABLE' | 'VIEW'; nameAt: number; nameEnd: number } | undefined {
  // CREATE [OR REPLACE] [LOCAL|GLOBAL] [TEMP|TRANSIENT|…] [SECURE] [RECURSIVE] TABLE|VIEW [IF NOT EXISTS] name
  for (let at = nextSignificant(nodes, 0), words = 0; at < nodes.length && words < 8; at = nextSignificant(nodes, at + 1), words++) {
    if (!isWord(nodes[at])) return undefined;
    if (isWord(nodes[at], 'TABLE', 'VIEW')) {
      const nameAt = skipIfNotExists(nodes, nextSignificant(nodes, at + 1));
      const name = readQualifiedName(nodes, nameAt);
      return name ? { object: isWord(nodes[at], 'TABLE') ? 'TABLE' : 'VIEW', nameAt, nameEnd: name.end } : undefined;
    }
  }
  return undefined;
}

/** Where the option starting at nodes[index] ends, or undefined when it is not one. */
function optionEnd(nodes: SqlNode[], index: number): number | undefined {
  const next = (at: number): number => nextSignificant(nodes, at + 1);
  if (isWord(nodes[index], ...ASSIGNED_OPTIONS)) {
    const equals = next(index);
    if (!isPunct(nodes[equals], '=')) return undefined;
    const value = next(equals);
    return value < nodes.length ? value + 1 : undefined;
  }
  if (isWord(nodes[index], 'CLUSTER')) {
    let at = next(index);
    if (!isWord(nodes[at], 'BY')) return undefined;
    at = next(at);
    if (isWord(nodes[at], 'LINEAR')) at = next(at);
    return isGroup(nodes[at]) ? at + 1 : undefined;
  }
  if (isWord(nodes[index], 'COPY')) return isWord(nodes[next(index)], 'GRANTS') ? next(index) + 1 : undefined;
  const start = isWord(nodes[index], 'WITH') ? next(index) : index;
  if (isWord(nodes[start], 'TAG', 'CONTACT')) return isGroup(nodes[next(start)]) ? next(start) + 1 : undefined;
  // ROW ACCESS POLICY p ON (…), AGGREGATION POLICY p [ENTITY KEY (…)], JOIN POLICY p
  // [ALLOWED JOIN KEYS (…)], MASKING POLICY p [USING (…)], PROJECTION POLICY p.
  let at = start;
  if (isWord(nodes[at], 'ROW')) {
    at = next(at);
    if (!isWord(nodes[at], 'ACCESS')) return undefined;
  } else if (!isWord(nodes[at], 'AGGREGATION', 'JOIN', 'MASKING', 'PROJECTION')) return undefined;
  at = next(at);
  if (!isWord(nodes[at], 'POLICY')) return undefined;
  const policy = readQualifiedName(nodes, next(at));
  if (!policy) return undefined;
  // The column list that follows some policies: ON (…), ENTITY KEY (…), ALLOWED JOIN KEYS (…), USING (…).
  for (let word = nextSignificant(nodes, policy.end); isWord(nodes[word], 'ON', 'ENTITY', 'KEY', 'ALLOWED', 'JOIN', 'KEYS', 'USING'); word = nextSignificant(nodes, word + 1)) {
    const after = nextSignificant(nodes, word + 1);
    if (isGroup(nodes[after])) return after + 1;
  }
  return policy.end;
}

/** Where a column's `COMMENT '…'` starting at nodes[index] ends (no `=`: that is the table's). */
export function columnCommentEnd(nodes: SqlNode[], index: number): number | undefined {
  if (!isWord(nodes[index], 'COMMENT')) return undefined;
  const text = nextSignificant(nodes, index + 1);
  return isTokenOf(nodes[text], 'string') ? text + 1 : undefined;
}

export const tableOptionsRule: SequenceRule<TableOptionMatch> = {
  kind: 'sequence',
  name: 'CREATE TABLE options',
  triggers: TRIGGERS,
  why: "Snowflake's storage and governance clauses of CREATE TABLE/VIEW (CLUSTER BY, DATA_RETENTION_TIME_IN_DAYS, COPY GRANTS, policies, tags, a column's COMMENT) have no DuckDB form and change no answer locally; COMMENT = '…' becomes COMMENT ON.",
  match(nodes, index, context) {
    if (context.statementKeyword !== 'CREATE') return undefined;
    if (context.depth > 0) {
      // A column's options, inside the column list.
      const end = columnCommentEnd(nodes, index) ?? (isWord(nodes[index], 'WITH', 'MASKING', 'PROJECTION', 'TAG') ? optionEnd(nodes, index) : undefined);
      return end === undefined ? undefined : { end };
    }
    const created = createdObject(nodes);
    if (!created || index < created.nameEnd) return undefined;
    // Not in the query of CREATE … AS SELECT, which comes after the options.
    for (let at = created.nameEnd; at < index; at++) if (isWord(nodes[at], 'AS')) return undefined;
    const end = optionEnd(nodes, index);
    if (end === undefined) return undefined;
    if (!isWord(nodes[index], 'COMMENT')) return { end };
    const text = nodes[end - 1];
    if (!isTokenOf(text, 'string')) return undefined;
    return { end, comment: { object: created.object, name: nodesText(nodes.slice(created.nameAt, created.nameEnd)), text: text.token.text } };
  },
  rewrite({ comment }, translator) {
    if (comment) translator.followWith(`COMMENT ON ${comment.object} ${comment.name} IS ${comment.text}`);
    return '';
  },
};
