import assert from 'node:assert/strict';
import { RuleIndex } from '../../../src/core/engine/duckdb/dialect/ruleIndex';
import { ruleSet } from '../../../src/core/engine/duckdb/dialect/rules';
import { translateToDuckDb } from '../../../src/core/engine/duckdb/dialect/translateToDuckDb';
import { SNOWFLAKE_FUNCTION_CASES } from './snowflakeFunctionCases';
import { RULE_TEST_INPUTS } from './rules.test';

// The index only skips rules that cannot match: translating with it must give exactly what
// trying every rule at every node gives.
describe('dialect rule index', () => {
  const unindexed = { ...ruleSet, sequence: new RuleIndex(ruleSet.sequence.rules.map((rule) => ({ ...rule, triggers: undefined }))) };
  const outcome = (sql: string, rules = ruleSet): string => {
    try {
      return translateToDuckDb(sql, rules).sql;
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  };

  it('translates every corpus and rule-test statement as the unindexed table does', () => {
    const statements = [...SNOWFLAKE_FUNCTION_CASES.map((c) => c.sql), ...RULE_TEST_INPUTS];
    assert.ok(statements.length > 150);
    for (const sql of statements) assert.equal(outcome(sql), outcome(sql, unindexed), sql);
  });

  it('gives a node only the rules that name its key, plus those that name none', () => {
    const names = (sql: string) => ruleSet.sequence.candidates({ type: 'token', token: { kind: 'word', text: sql, start: 0, end: sql.length } } as never).map((rule) => rule.name);
    assert.ok(names('iff').includes('IFF'));
    assert.ok(!names('iff').includes('NVL'));
    assert.ok(names('anything').includes('LIKE ANY'));
  });
});
