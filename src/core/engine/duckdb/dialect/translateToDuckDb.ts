import { isGroup, isPunct, isWord, nextSignificant } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree, SqlNode } from '../../../sql/tokenTree';
import { ruleSet } from './rules';
import { Translation } from './translation';
import { RuleSet, Translator } from './translator';

const PLACEHOLDER_BASE = '__snowpark_local_deferred_';

/**
 * Translates Snowflake SQL (one statement or several) into DuckDB SQL. Throws DialectError
 * for constructs Snowpark Local cannot run, with the offset of the offending text.
 */
export function translateToDuckDb(snowflakeSql: string, rules: RuleSet = ruleSet): Translation {
  const translator = new Translator({ ...rules, sequence: rules.sequence.narrowedTo(snowflakeSql) }, () => placeholderPrefix(snowflakeSql));
  const mayCallGenerator = /generator\s*\(/i.test(snowflakeSql);
  let sql = '';
  for (const segment of statementSegments(buildTokenTree(scanSql(snowflakeSql)))) {
    const first = segment.nodes[nextSignificant(segment.nodes, 0)];
    const statementKeyword = isWord(first) ? first.token.text.toUpperCase() : '';
    translator.statementHasGenerator = mayCallGenerator && callsGenerator(segment.nodes);
    sql += translator.translateStatement(segment.nodes, { depth: 0, statementKeyword }) + segment.separator;
  }
  return { sql, deferred: translator.deferred, preserveCaseColumns: translator.preserveCaseColumns };
}

/**
 * Replaces each placeholder in the SQL with the engine's fragment for it. Placeholders that
 * are only another deferred call's argument do not appear in the SQL and need no value.
 */
export function fillDeferred(translation: Translation, values: Map<string, string>): string {
  let sql = translation.sql;
  for (const call of translation.deferred) {
    if (!sql.includes(call.placeholder)) continue;
    const value = values.get(call.placeholder);
    if (value === undefined) throw new Error(`No value was supplied for ${call.fn} (${call.placeholder})`);
    sql = sql.split(call.placeholder).join(value);
  }
  return sql;
}

/** True when the nodes (at any depth) contain a `GENERATOR(…)` call. */
function callsGenerator(nodes: SqlNode[]): boolean {
  return nodes.some((node, i) => (isWord(node, 'GENERATOR') && isGroup(nodes[nextSignificant(nodes, i + 1)])) || (node.type === 'group' && callsGenerator(node.children)));
}

/** A prefix that occurs nowhere in the user's SQL, so a placeholder can never collide. */
function placeholderPrefix(sql: string): string {
  const lower = sql.toLowerCase();
  let prefix = PLACEHOLDER_BASE;
  while (lower.includes(prefix)) prefix += 'x_';
  return prefix;
}

function statementSegments(nodes: SqlNode[]): Array<{ nodes: SqlNode[]; separator: string }> {
  const segments: Array<{ nodes: SqlNode[]; separator: string }> = [{ nodes: [], separator: '' }];
  for (const node of nodes) {
    if (isPunct(node, ';')) {
      segments[segments.length - 1].separator = ';';
      segments.push({ nodes: [], separator: '' });
    } else segments[segments.length - 1].nodes.push(node);
  }
  return segments;
}
