import assert from 'node:assert/strict';
import { RuleIndex } from '../../../src/core/engine/duckdb/dialect/ruleIndex';
import { ruleSet } from '../../../src/core/engine/duckdb/dialect/rules';
import { AnySequenceRule } from '../../../src/core/engine/duckdb/dialect/ruleTypes';
import { translateToDuckDb } from '../../../src/core/engine/duckdb/dialect/translateToDuckDb';
import { SNOWFLAKE_FUNCTION_CASES } from './snowflakeFunctionCases';
import { RULE_TEST_INPUTS } from './rules.test';

/** Every rule at every node, spacing and comments included. */
class EveryRuleEverywhere extends RuleIndex {
  override candidates(): readonly AnySequenceRule[] {
    return this.rules;
  }

  override narrowedTo(): RuleIndex {
    return this;
  }
}

// The index only skips rules that cannot match: translating with it must give exactly what
// trying every rule at every node gives.
describe('dialect rule index', () => {
  const unindexed = { ...ruleSet, sequence: new EveryRuleEverywhere(ruleSet.sequence.rules) };
  const outcome = (sql: string, rules = ruleSet): string => {
    try {
      return translateToDuckDb(sql, rules).sql;
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  };

  it('translates every corpus and rule-test statement as the unindexed table does', () => {
    // Comments, spacing and case where operands, paths, casts and calls meet.
    const spaced = [
      'SELECT Iff(A > 1, 1, 0), v:A::String, x NOT ILike ANY (\'a%\') FROM T',
      "select /* c */ v:a.b /* d */ ::string, v -- e\n['k'] from t where x /**/ like any ('a%', 'b%')",
      'select iff( /* c */ a > 1 , 1 , 0 ) , a /* c */ / b , t . c :: number ( 10 , 2 ) from t',
      "select -- lead\n  count(*) -- trail\n from t -- end",
    ];
    const statements = [...SNOWFLAKE_FUNCTION_CASES.map((c) => c.sql), ...RULE_TEST_INPUTS, ...spaced];
    assert.ok(statements.length > 150);
    for (const sql of statements) assert.equal(outcome(sql), outcome(sql, unindexed), sql);
  });

  it('gives a node only the rules that name its key, plus those that name none', () => {
    const names = (sql: string) => ruleSet.sequence.candidates({ type: 'token', token: { kind: 'word', text: sql, start: 0, end: sql.length } } as never).map((rule) => rule.name);
    assert.ok(names('iff').includes('IFF'));
    assert.ok(!names('iff').includes('NVL'));
    assert.ok(names('anything').includes('LIKE ANY'));
    const trivia = (kind: 'whitespace' | 'comment', text: string) =>
      ruleSet.sequence.candidates({ type: 'token', token: { kind, text, start: 0, end: text.length } } as never);
    assert.deepEqual([trivia('whitespace', ' '), trivia('comment', '-- x')], [[], []]);
  });

  it('leaves out, for one statement, the rules tried everywhere whose text it lacks', () => {
    const word = { type: 'token', token: { kind: 'word', text: 'col', start: 0, end: 3 } } as never;
    const tried = (sql: string) => ruleSet.sequence.narrowedTo(sql).candidates(word).map((rule) => rule.name);
    assert.deepEqual(tried('select x from t'), []);
    assert.deepEqual(tried('select x from t where x iLiKe any (\'a\')'), ['LIKE ANY']);
    assert.deepEqual(tried('select x:a from t'), ['VARIANT paths and text casts']);
    assert.deepEqual(tried("select x['a'] from t where x like 'b'"), ['LIKE ANY', 'VARIANT paths and text casts']);
    assert.equal(ruleSet.sequence.narrowedTo('select 1'), ruleSet.sequence.narrowedTo('select 2'), 'one narrowed index per set of rules left out');
  });

  it('leaves out, for one statement, the triggered rules whose text it lacks', () => {
    const from = { type: 'token', token: { kind: 'word', text: 'FROM', start: 0, end: 4 } } as never;
    const tried = (sql: string) => ruleSet.sequence.narrowedTo(sql).candidates(from).map((rule) => rule.name);
    assert.ok(!tried('select x from t').includes('CONNECT BY'));
    assert.ok(tried('select x from t start with a is null connect by prior a = b').includes('CONNECT BY'));
  });
});
